package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a temporary copy of the seed and the bundled articles. */
class EndToEndTest {
  static final Path SEEDS = Path.of("..", "seeds");
  static final Path SAMPLES = Path.of("..", "index-data", "articles");

  @TempDir Path tmp;
  Path articles;
  Path index;

  @BeforeEach
  void copyArticles() throws IOException {
    articles = Files.createDirectories(tmp.resolve("articles"));
    index = tmp.resolve("index");
    try (Stream<Path> files = Stream.concat(Files.list(SEEDS), Files.list(SAMPLES))) {
      for (Path f : files.toList()) {
        Files.copy(f, articles.resolve(f.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static long count(Path dir) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        n += f.toString().endsWith(".jsonl") ? Files.readAllLines(f).stream()
            .filter(l -> !l.isBlank()).count() : 1;
      }
    }
    return n;
  }

  @Test
  void langNarrowsSearchesAndStatsCountArticlesPerLanguage() throws IOException {
    CliRun indexed = CliRun.run("index", "--index", index.toString(), articles.toString());
    assertEquals(0, indexed.exitCode(), indexed.err());
    // "Streik" is in the bundled German article on the rail strike, analysed as German.
    CliRun german = CliRun.run("search", "--index", index.toString(), "--lang", "de", "Streik");
    assertEquals(0, german.exitCode(), german.err());
    assertTrue(german.out().contains("id 1107500043"), german.out());
    CliRun french = CliRun.run("search", "--index", index.toString(), "--lang", "French",
        "Streik");
    assertEquals(1, french.exitCode(), "analysed as French, the German word finds nothing: "
        + french.out());
    assertFalse(french.out().contains("id 1107500043"), french.out());
    CliRun bad = CliRun.run("search", "--index", index.toString(), "--lang", "1x", "Streik");
    assertEquals(2, bad.exitCode(), bad.out());
    assertTrue(bad.err().contains("ISO 639"), bad.err());
    CliRun stats = CliRun.run("stats", "--index", index.toString(), "--json");
    assertTrue(stats.out().contains("\"ar\":5"), stats.out());
    assertTrue(stats.out().contains("\"fr\":5"), stats.out());
  }

  @Test
  void indexesSearchesWithMarkedTermsAndReindexesWithoutDuplicates() throws IOException {
    long expected = count(articles);
    assertTrue(expected >= 40, "the bundled corpus has at least 40 articles: " + expected);

    CliRun first = CliRun.run("index", "--index", index.toString(), articles.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertEquals("", first.err());
    assertTrue(first.out().startsWith("indexed " + expected + ", updated 0, unchanged 0,"
        + " skipped 0 in "), first.out());
    assertTrue(first.out().strip().endsWith("holds " + expected + " articles"), first.out());

    CliRun search = CliRun.run("search", "--index", index.toString(),
        "tailored deterrence strategy");
    assertEquals(0, search.exitCode(), search.err());
    assertEquals("", search.err());
    String[] lines = search.out().split("\n");
    int top = indexOfLineStarting(lines, " 1. ");
    assertTrue(lines[top + 1].contains("id 1107439109"), "the seed is the top hit:\n"
        + search.out());
    assertTrue(lines[top + 1].contains("2023-11-16 | MENAFN"), lines[top + 1]);
    // Not a terminal, so matches carry plain markers; every query word is marked somewhere.
    String passages = String.join("\n", List.of(lines).subList(top + 2, lines.length))
        .split("\n 2\\. ")[0];
    List<String> marked = markedWords(passages);
    for (String term : List.of("tailored", "deterrence", "strategy")) {
      assertTrue(marked.contains(term), term + " not marked in:\n" + passages);
    }
    assertFalse(search.out().contains("\u001B["), "no colour codes when not on a terminal");

    CliRun again = CliRun.run("index", "--index", index.toString(), articles.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().startsWith("indexed 0, updated 0, unchanged " + expected
        + ", skipped 0 in "), again.out());
    assertTrue(again.out().strip().endsWith("holds " + expected + " articles"), again.out());
  }

  @Test
  void ndjsonOutputGivesFieldsScoreAndMatchOffsets() throws IOException {
    CliRun.run("index", "--index", index.toString(), articles.toString());
    CliRun search = CliRun.run("search", "--ndjson", "--limit", "3", "--index", index.toString(),
        "deterrence");
    assertEquals(0, search.exitCode(), search.err());
    String[] lines = search.out().strip().split("\n");
    assertTrue(lines.length >= 1 && lines.length <= 3, search.out());
    String top = lines[0];
    assertTrue(top.startsWith("{\"rank\":1,\"score\":"), top);
    assertTrue(top.contains("\"id\":\"1107439109\""), top);
    assertTrue(top.contains("\"date\":\"2023-11-16\""), top);
    // Each match offset pair cuts the word "deterrence" out of its passage text.
    Matcher passage = Pattern.compile("\\{\"text\":\"((?:[^\"\\\\]|\\\\.)*)\",\"offset\":\\d+,"
        + "\"matches\":\\[((?:\\[\\d+,\\d+\\],?)*)\\]\\}").matcher(top);
    int checked = 0;
    while (passage.find()) {
      String text = passage.group(1).replace("\\\"", "\"");
      Matcher m = Pattern.compile("\\[(\\d+),(\\d+)\\]").matcher(passage.group(2));
      while (m.find()) {
        String word = text.substring(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        assertEquals("deterrence", word.toLowerCase(Locale.ROOT));
        checked++;
      }
    }
    assertTrue(checked >= 3, "match offsets checked: " + checked + " in " + top);
  }

  @Test
  void skippedFilesAreNamedWithTheirReasonAndTheRestIsIndexed() throws IOException {
    long good = count(articles) + 1; // the bundled articles, and one good line added below
    Files.writeString(articles.resolve("broken.txt"),
        " date 2023-13-45 (MENAFN) Text.\n\nMENAFN45132023000045ID1");
    Files.writeString(articles.resolve("empty-body.txt"),
        " date 2023-01-05 (MENAFN)\n\n\nMENAFN05012023000045ID2");
    Files.writeString(articles.resolve("notes.csv"), "a,b,c\n1,2,3\n");
    Files.writeString(articles.resolve("zz-bad.jsonl"),
        "{\"id\":\"ok-1\",\"body\":\"fine\"}\n{\"id\": oops}\n");

    CliRun run = CliRun.run("index", "--index", index.toString(), articles.toString());
    assertEquals(0, run.exitCode());
    List<String> err = run.err().lines().toList();
    assertEquals(4, err.size(), run.err());
    assertTrue(err.get(0).matches("newsindex: skipped .*broken\\.txt: bad date '2023-13-45'.*"),
        err.get(0));
    assertTrue(err.get(1).matches("newsindex: skipped .*empty-body\\.txt: empty article.*"),
        err.get(1));
    assertTrue(err.get(2).matches("newsindex: skipped .*notes\\.csv: unknown format.*"),
        err.get(2));
    assertTrue(err.get(3).matches("newsindex: skipped .*zz-bad\\.jsonl:2: bad JSON.*"),
        err.get(3));
    assertTrue(run.out().startsWith("indexed " + good + ", updated 0, unchanged 0, skipped 4"),
        run.out());
  }

  @Test
  void aMalformedQueryGetsOneLineWithThePositionAndExitCode2() throws IOException {
    CliRun.run("index", "--index", index.toString(), articles.toString());
    CliRun run = CliRun.run("search", "--index", index.toString(), "korea AND (missile");
    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("newsindex: bad query at position 19:"), run.err());

    CliRun quote = CliRun.run("search", "--index", index.toString(), "\"korea missile");
    assertEquals(2, quote.exitCode());
    assertEquals(1, quote.err().lines().count(), quote.err());
    assertTrue(quote.err().contains("position 1: unclosed quote"), quote.err());
  }

  @Test
  void noHitsExitsWith1() throws IOException {
    CliRun.run("index", "--index", index.toString(), articles.toString());
    CliRun run = CliRun.run("search", "--index", index.toString(), "zebra xylophone");
    assertEquals(1, run.exitCode());
    assertTrue(run.out().startsWith("No hits for"), run.out());
  }

  @Test
  void searchingWhereNoIndexIsSaysHowToBuildIt() {
    CliRun run = CliRun.run("search", "--index", tmp.resolve("none").toString(), "korea");
    assertEquals(3, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("build one with: newsindex index"), run.err());
    assertFalse(Files.exists(tmp.resolve("none")), "searching creates nothing");
  }

  @Test
  void helpListsTheExitCodesAndVersionAnswers() {
    CliRun help = CliRun.run("--help");
    assertEquals(0, help.exitCode());
    for (ExitCode c : ExitCode.values()) {
      assertTrue(help.out().contains(c.meaning), c + " missing from help:\n" + help.out());
    }
    for (String cmd : List.of("index", "search")) {
      CliRun sub = CliRun.run(cmd, "--help");
      assertEquals(0, sub.exitCode(), cmd);
      assertTrue(sub.out().contains("Usage: newsindex " + cmd), sub.out());
      assertTrue(sub.out().contains("Exit codes:"), sub.out());
    }
    CliRun version = CliRun.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("newsindex "), version.out());
  }

  @Test
  void badOptionsAreUsageErrors() {
    CliRun run = CliRun.run("search", "--limit", "many", "korea");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("newsindex: Invalid value for option '--limit'"), run.err());
  }

  private static int indexOfLineStarting(String[] lines, String prefix) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with '" + prefix + "'");
  }

  /** The words inside **...** markers, lower-cased. */
  private static List<String> markedWords(String text) {
    Matcher m = Pattern.compile("\\*\\*(.+?)\\*\\*").matcher(text);
    List<String> words = new java.util.ArrayList<>();
    while (m.find()) {
      for (String w : m.group(1).split("\\s+")) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
