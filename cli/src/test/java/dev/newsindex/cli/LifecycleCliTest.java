package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.ingest.IngestProgress;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index --json, delete, rebuild, stats, get, check, optimize and their exit codes. */
class LifecycleCliTest {
  @TempDir Path tmp;
  Path feed;
  Path index;

  @BeforeEach
  void writeFeed() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      sb.append("{\"id\":\"n").append(i).append("\",\"headline\":\"Harbour story ").append(i)
          .append("\",\"pubDate\":\"2023-0").append(1 + i % 9).append("-15T08:00:00Z\","
              + "\"source\":\"").append(i % 2 == 0 ? "Harbour Wire" : "Metro Daily")
          .append("\",\"content\":\"Cranes and ferries, story ").append(i).append(".\"}\n");
    }
    sb.append("{\"id\":\"broken\",\"date\":\"0000-00-00\",\"body\":\"x\"}\n");
    feed = tmp.resolve("feed.jsonl");
    Files.writeString(feed, sb);
    index = tmp.resolve("index");
  }

  CliRun run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = args[0];
    all[1] = "--index=" + index;
    System.arraycopy(args, 1, all, 2, args.length - 1);
    return CliRun.run(all);
  }

  @Test
  void indexPrintsAJsonSummaryAndReportsSkipsOnStderr() {
    CliRun first = run("index", "--json", feed.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().startsWith("{\"command\":\"index\",\"indexed\":12,\"updated\":0,"
        + "\"unchanged\":0,\"skipped\":1,\"articles\":12,\"bytes_read\":"), first.out());
    assertTrue(first.out().contains("\"index_articles\":12}"), first.out());
    assertEquals(1, first.err().lines().count(), first.err());
    assertTrue(first.err().contains("feed.jsonl:13: bad date '0000-00-00'"), first.err());
    assertFalse(first.err().contains("\r"), "no progress bar when stderr is not a terminal");

    CliRun again = run("index", "--quiet", feed.toString());
    assertEquals("", again.out(), "--quiet prints no summary");
    CliRun third = run("index", feed.toString());
    assertTrue(third.out().startsWith("indexed 0, updated 0, unchanged 12, skipped 1"),
        third.out());
  }

  @Test
  void deleteByIdQueryAndDateWithCounts() {
    run("index", feed.toString());
    CliRun ids = run("delete", "n0", "n1", "nope");
    assertEquals(0, ids.exitCode(), ids.err());
    assertTrue(ids.out().startsWith("deleted 2 articles;"), ids.out());
    assertTrue(ids.out().strip().endsWith("holds 10 articles"), ids.out());
    assertEquals("newsindex: no article with id nope", ids.err().strip());

    CliRun query = run("delete", "--query", "source:\"harbour wire\"");
    assertTrue(query.out().startsWith("deleted 5 articles;"), query.out());
    // Left: n3 n5 n7 n9 (Metro Daily, March, May, July, September) and n11 (March).
    CliRun date = run("delete", "--before", "2023-06-01");
    assertTrue(date.out().startsWith("deleted 3 articles;"), date.out());
    assertTrue(date.out().strip().endsWith("holds 2 articles"), date.out());

    assertEquals(3, run("delete", "nope").exitCode(), "nothing with that id");
    CliRun nothing = run("delete");
    assertEquals(2, nothing.exitCode());
    assertTrue(nothing.err().contains("say what to delete"), nothing.err());
    CliRun badDate = run("delete", "--before", "2023-02-30");
    assertEquals(2, badDate.exitCode());
    assertTrue(badDate.err().contains("bad date '2023-02-30'"), badDate.err());
  }

  @Test
  void statsGetCheckAndOptimize() {
    run("index", feed.toString());
    run("delete", "n11");
    CliRun stats = run("stats", "--json");
    assertEquals(0, stats.exitCode(), stats.err());
    String json = stats.out();
    assertTrue(json.contains("\"articles\":11,\"deleted\":"), json);
    assertTrue(json.contains("\"first_date\":\"2023-01-15\",\"last_date\":\"2023-09-15\""), json);
    assertTrue(json.contains("\"sources\":{\"Harbour Wire\":6,\"Metro Daily\":5}"), json);
    assertTrue(json.contains("\"schema\":\"" + dev.newsindex.schema.NewsSchema.describe(
        dev.newsindex.schema.NewsSchema.commitData()) + "\""), json);
    CliRun text = run("stats");
    assertTrue(text.out().contains("articles:  11 ("), text.out());
    assertTrue(text.out().contains("dates:     2023-01-15 to 2023-09-15"), text.out());

    CliRun get = run("get", "n4");
    assertEquals(0, get.exitCode(), get.err());
    assertTrue(get.out().startsWith("id:     n4\ntitle:  Harbour story 4\ndate:   2023-05-15\n"),
        get.out());
    assertTrue(get.out().strip().endsWith("Cranes and ferries, story 4."), get.out());
    CliRun getJson = run("get", "--json", "n4");
    assertTrue(getJson.out().startsWith("{\"id\":\"n4\",\"title\":\"Harbour story 4\","
        + "\"date\":\"2023-05-15\",\"source\":\"Harbour Wire\""), getJson.out());
    CliRun missing = run("get", "n11");
    assertEquals(3, missing.exitCode());
    assertTrue(missing.err().startsWith("newsindex: no article with id n11"), missing.err());

    CliRun check = run("check");
    assertEquals(0, check.exitCode(), check.err());
    assertTrue(check.out().startsWith("ok: ") && check.out().contains("11 articles"),
        check.out());

    CliRun optimize = run("optimize");
    assertEquals(0, optimize.exitCode(), optimize.err());
    assertTrue(optimize.err().contains("rewrites the whole index"), optimize.err());
    assertTrue(optimize.out().contains("-> 1 segments"), optimize.out());
    assertTrue(run("stats", "--json").out().contains("\"deleted\":0,\"segments\":1"));
  }

  @Test
  void anOldSchemaSaysRebuildAndRebuildFixesIt() throws IOException {
    try (IndexWriter w = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of("newsindex.schema", "0").entrySet());
      w.commit();
    }
    CliRun refused = run("search", "harbour");
    assertEquals(5, refused.exitCode());
    assertEquals(1, refused.err().lines().count(), refused.err());
    assertTrue(refused.err().contains("newsindex rebuild --index " + index), refused.err());

    CliRun rebuilt = run("rebuild", feed.toString());
    assertEquals(0, rebuilt.exitCode(), rebuilt.err());
    assertTrue(rebuilt.out().startsWith("rebuilt ") && rebuilt.out().contains(": 12 articles"),
        rebuilt.out());
    assertEquals(0, run("search", "cranes").exitCode());

    CliRun empty = run("rebuild", tmp.resolve("typo").toString());
    assertEquals(2, empty.exitCode(), empty.err());
    assertTrue(empty.err().contains("left as it was"), empty.err());
    assertTrue(run("stats").out().contains("articles:  12 "));
  }

  @Test
  void theStemmerOfAnIndexChangesWithRebuildAndIndexSaysSo() throws IOException {
    Files.writeString(feed, "{\"id\":\"u1\",\"title\":\"Harbour news\",\"body\":\"The"
        + " new container terminal is operational.\"}\n");
    assertEquals(0, run("index", feed.toString()).exitCode());
    // Porter stems operational and operate alike; KStem does not.
    assertEquals(0, run("search", "operate").exitCode());

    CliRun refused = run("index", "--stemmer", "kstem", feed.toString());
    assertEquals(ExitCode.USAGE.code, refused.exitCode());
    assertEquals(1, refused.err().lines().count(), refused.err());
    assertTrue(refused.err().contains("newsindex rebuild --index " + index + " --stemmer kstem"),
        refused.err());

    CliRun rebuilt = run("rebuild", "--stemmer", "kstem", feed.toString());
    assertEquals(0, rebuilt.exitCode(), rebuilt.err());
    assertEquals(ExitCode.NO_HITS.code, run("search", "operate").exitCode(), "now KStem");
    assertEquals(0, run("search", "operational").exitCode());
    assertEquals(0, run("index", "--stemmer", "kstem", feed.toString()).exitCode(),
        "the same stemmer again is no change");

    CliRun rebuiltAgain = run("rebuild", "--compression", "fast", feed.toString());
    assertEquals(0, rebuiltAgain.exitCode(), rebuiltAgain.err());
    assertTrue(run("stats", "--json").out().contains("\"compression\":\"fast\""));
    assertEquals(ExitCode.NO_HITS.code, run("search", "operate").exitCode(),
        "a rebuild keeps the settings it is not given");

    CliRun bad = run("rebuild", "--stemmer", "snowball", feed.toString());
    assertEquals(ExitCode.USAGE.code, bad.exitCode());
    assertEquals(1, bad.err().lines().count(), bad.err());
    assertTrue(bad.err().contains("snowball"), bad.err());
  }

  @Test
  void aSecondWriterGetsExitCode4AndOneLine() throws IOException {
    run("index", feed.toString());
    try (NewsIndex writer = NewsIndex.open(index)) {
      writer.upsert(new Article("w", "Held", null, "", "", "The writer holds the lock."));
      CliRun locked = run("index", feed.toString());
      assertEquals(4, locked.exitCode());
      assertEquals("newsindex: the index at " + index + " is locked by another writer; wait for"
          + " it to finish (searches keep working meanwhile)", locked.err().strip());
      assertEquals(4, run("delete", "n1").exitCode());
      assertEquals(4, run("rebuild", feed.toString()).exitCode());
      assertEquals(0, run("search", "cranes").exitCode(), "searches keep working");
    }
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun run = run("index", "--format", "xml", feed.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown format 'xml': expected one of [menafn, jsonl, trec, feed, html, warc]"),
        run.err());
  }

  @Test
  void theProgressLineShowsRatesAndTheEta() {
    String line = IngestReporter.render(new IngestProgress(12_000, 3, 50_000_000, 100_000_000,
        Duration.ofSeconds(10)));
    assertEquals("[############            ]  50% 12,000 articles (3 skipped)  1,200/s  5.0 MB/s"
        + "  ETA 0:10", line);
    String unknown = IngestReporter.render(new IngestProgress(10, 0, 1000, -1,
        Duration.ofSeconds(1)));
    assertEquals("10 articles  10/s  0.0 MB/s", unknown, "standard input: no bar, no ETA");
  }
}
