package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default index under the newsindex home: built on first use, remade after an upgrade. */
class DefaultIndexTest {
  @TempDir Path home;
  private String previousHome;

  @BeforeEach
  void homeWithOneArticle() throws IOException {
    previousHome = System.getProperty("newsindex.home");
    System.setProperty("newsindex.home", home.toString());
    Path articles = Files.createDirectories(home.resolve("index-data").resolve("articles"));
    Files.copy(EndToEndTest.SEEDS.resolve("000_5f663ed9bf04bd27.txt"), articles.resolve("seed.txt"));
  }

  @AfterEach
  void restoreHome() {
    if (previousHome == null) {
      System.clearProperty("newsindex.home");
    } else {
      System.setProperty("newsindex.home", previousHome);
    }
  }

  @Test
  void theFirstSearchBuildsTheDefaultIndex() {
    CliRun run = CliRun.run("search", "deterrence strategy");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("newsindex: no index yet at "), run.err());
    assertTrue(run.out().contains("id 1107439109"), run.out());
  }

  @Test
  void aDefaultIndexFromAnEarlierVersionIsRemadeNotRefused() throws IOException {
    Path index = home.resolve("index-data").resolve("index");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of(NewsSchema.SCHEMA_KEY, "1", NewsSchema.ANALYZER_KEY,
          "news-en-1").entrySet());
      w.commit();
    }
    CliRun run = CliRun.run("search", "deterrence strategy");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("was built by an earlier newsindex; rebuilding it"), run.err());
    assertTrue(run.out().contains("id 1107439109"), run.out());

    CliRun named = CliRun.run("search", "--index", home.resolve("elsewhere").toString(), "x");
    assertEquals(3, named.exitCode(), "an index the user named is never built behind their back");
  }
}
