package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample articles are the input of the default index only: an index the user named is
 * rebuilt from the sources it records, and is never fed the samples.
 */
class RecordedSourcesTest {
  @TempDir Path tmp;
  private Path home;
  private String previousHome;

  @BeforeEach
  void homeWithOneSample() throws IOException {
    home = Files.createDirectories(tmp.resolve("home"));
    previousHome = System.getProperty("newsindex.home");
    System.setProperty("newsindex.home", home.toString());
    Path articles = Files.createDirectories(home.resolve("index-data").resolve("articles"));
    Files.copy(EndToEndTest.SEEDS.resolve("000_5f663ed9bf04bd27.txt"),
        articles.resolve("seed.txt"));
  }

  @AfterEach
  void restoreHome() {
    if (previousHome == null) {
      System.clearProperty("newsindex.home");
    } else {
      System.setProperty("newsindex.home", previousHome);
    }
  }

  private Path feed() throws IOException {
    return Files.writeString(tmp.resolve("feed.jsonl"),
        "{\"id\":\"1\",\"source\":\"Alpha\",\"body\":\"Harbour cranes\"}\n"
            + "{\"id\":\"2\",\"source\":\"Alpha\",\"body\":\"Harbour ferries\"}\n");
  }

  @Test
  void indexWithoutPathOnANamedIndexIsRefusedAndAddsNoSamples() throws IOException {
    String index = tmp.resolve("archive").toString();
    assertEquals(0, CliRun.run("index", "--index", index, feed().toString()).exitCode());
    CliRun run = CliRun.run("index", "--index", index);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("PATH"), run.err());
    assertEquals(3, CliRun.run("get", "--index", index, "1107439109").exitCode(),
        "the sample article was not added");
    assertTrue(CliRun.run("stats", "--index", index).out().contains("articles:  2 "));
  }

  @Test
  void rebuildWithoutPathRereadsTheRecordedSources() throws IOException {
    String index = tmp.resolve("archive").toString();
    Path feed = feed();
    assertEquals(0, CliRun.run("index", "--index", index, "--id-prefix", "a:",
        feed.toString()).exitCode());
    CliRun stats = CliRun.run("stats", "--index", index);
    assertTrue(stats.out().contains(feed.toAbsolutePath().toString()), stats.out());
    assertTrue(stats.out().contains("a:"), stats.out());
    CliRun json = CliRun.run("stats", "--index", index, "--json");
    assertTrue(json.out().contains("\"recorded_sources\":[{\"path\":\""), json.out());
    assertTrue(json.out().contains("\"id_prefix\":\"a:\""), json.out());

    CliRun rebuilt = CliRun.run("rebuild", "--index", index);
    assertEquals(0, rebuilt.exitCode(), rebuilt.err());
    assertTrue(rebuilt.out().contains("recorded source"), rebuilt.out());
    assertTrue(rebuilt.out().contains(": 2 articles"), rebuilt.out());
    assertEquals(0, CliRun.run("get", "--index", index, "a:1").exitCode(),
        "the id prefix recorded is applied again");
    assertEquals(3, CliRun.run("get", "--index", index, "1107439109").exitCode(),
        "the samples were not read");
  }

  @Test
  void rebuildWithoutPathAndNoRecordedSourcesIsRefusedAndKeepsTheIndex() throws IOException {
    String index = tmp.resolve("archive").toString();
    // Written one article at a time, as a program using the library does: no source to re-read.
    try (NewsIndex news = NewsIndex.openOrCreate(Path.of(index))) {
      news.upsert(new Article("w1", "Held", null, "Wire", "", "Harbour cranes"));
      news.upsert(new Article("w2", "Held", null, "Wire", "", "Harbour ferries"));
      news.commit();
    }
    CliRun run = CliRun.run("rebuild", "--index", index);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("no recorded sources"), run.err());
    assertTrue(CliRun.run("stats", "--index", index).out().contains("articles:  2 "));
  }

  @Test
  void theDefaultIndexStillUsesTheSamples() {
    CliRun run = CliRun.run("index");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("holds 1 articles"), run.out());
    CliRun rebuilt = CliRun.run("rebuild");
    assertEquals(0, rebuilt.exitCode(), rebuilt.err());
    assertFalse(rebuilt.out().contains("recorded source"), rebuilt.out());
  }
}
