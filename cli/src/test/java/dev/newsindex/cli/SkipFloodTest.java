package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed of thousands of bad records prints a few lines, and one that yields nothing says so. */
class SkipFloodTest {
  @TempDir Path tmp;

  private Path flood() throws IOException {
    StringBuilder sb = new StringBuilder("{\"id\":\"good\",\"body\":\"fine\"}\n");
    for (int i = 0; i < 2_000; i++) {
      sb.append("{\"id\":\"\"}\n"); // no id
      sb.append("{\"id\": oops").append(i).append("}\n"); // bad JSON
    }
    return Files.writeString(tmp.resolve("flood.jsonl"), sb);
  }

  @Test
  void skipLinesAreCappedPerReasonWithOneCountLineEach() throws IOException {
    CliRun run = CliRun.run("index", "--index", tmp.resolve("index").toString(),
        flood().toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> err = run.err().lines().toList();
    assertEquals(12, err.size(), run.err());
    assertEquals(5, err.stream().filter(l -> l.endsWith(": no \"id\"")).count(), run.err());
    assertEquals(5, err.stream().filter(l -> l.contains(": bad JSON")).count(), run.err());
    assertTrue(err.get(10).startsWith("newsindex: skipped 2,000 inputs for \"no \"id\"\" in all"
        + " (1,995 not named above)"), err.get(10));
    assertTrue(err.get(11).startsWith("newsindex: skipped 2,000 inputs for \"bad JSON"),
        err.get(11));
    assertTrue(run.out().startsWith("indexed 1, updated 0, unchanged 0, skipped 4000"), run.out());
  }

  @Test
  void quietPrintsOnlyTheCountLines() throws IOException {
    CliRun run = CliRun.run("index", "--quiet", "--index", tmp.resolve("index").toString(),
        flood().toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> err = run.err().lines().toList();
    assertEquals(2, err.size(), run.err());
    assertTrue(err.get(0).matches("newsindex: skipped 2,000 inputs for \"no \"id\"\" in all"
        + " \\(first: .*flood\\.jsonl:2: no \"id\"\\)"), err.get(0));
    assertEquals("", run.out());
  }

  @Test
  void aRunWhereEverythingIsSkippedExits9AndNamesBlankFiles() throws IOException {
    Path feeds = Files.createDirectories(tmp.resolve("feeds"));
    Files.writeString(feeds.resolve("blank.jsonl"), "\n\n   \n\t\n");
    Files.writeString(feeds.resolve("spaces.txt"), "      ");
    Files.writeString(feeds.resolve("noid.jsonl"), "{\"title\":\"x\"}\n");
    Path index = tmp.resolve("index");
    CliRun run = CliRun.run("index", "--index", index.toString(), feeds.toString());
    assertEquals(9, run.exitCode(), run.err());
    assertTrue(run.err().contains("blank.jsonl: no articles in it (only white space or blank"
        + " lines)"), run.err());
    assertTrue(run.err().contains("spaces.txt: "), run.err());
    CliRun rebuild = CliRun.run("rebuild", "--index", index.toString(), feeds.toString());
    assertEquals(9, rebuild.exitCode(), rebuild.err());
    assertTrue(rebuild.err().contains("was left as it was"), rebuild.err());
  }
}
