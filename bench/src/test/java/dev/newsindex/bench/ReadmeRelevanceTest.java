package dev.newsindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's relevance table is copied from docs/benchmarks/RelevanceReport.md, which {@code
 * bench/run RelevanceReport} writes: every figure of the README must be the report's, for the same
 * collection and system, so that rerunning the report and forgetting the README fails here.
 */
class ReadmeRelevanceTest {
  private static final Pattern FIGURE = Pattern.compile("\\d\\.\\d{4}");

  @Test
  void theReadmeTableHasTheReportsFigures() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String report = Files.readString(Path.of("..", "docs", "benchmarks", "RelevanceReport.md"));
    List<String> rows = readme.lines().filter(l -> l.startsWith("| ") && FIGURE.matcher(l).find()
        && l.contains(" / ")).toList();
    assertEquals(3, rows.size(), "README's relevance table has a row per judged collection");
    String[] sections = report.split("\n## ");
    for (String row : rows) {
      String name = row.substring(2, row.indexOf(" (")).trim();
      String section = null;
      for (String s : sections) {
        if (s.startsWith(name)) {
          section = s;
        }
      }
      assertTrue(section != null, "the report has a section for " + name);
      List<String> systems = section.lines().filter(l -> l.startsWith("| ")
          && FIGURE.matcher(l).find()).limit(3).toList();
      List<String> expected = new ArrayList<>();
      for (String system : systems) {
        Matcher m = FIGURE.matcher(system);
        m.find();
        String map = m.group();
        m.find();
        expected.add(map + " / " + m.group());
      }
      assertEquals(String.join(" | ", expected), row.substring(row.indexOf(") |") + 4,
          row.length() - 2), "README's row for " + name + " (Standard, Porter, newsindex) is"
          + " not the report's; copy it from docs/benchmarks/RelevanceReport.md");
    }
  }
}
