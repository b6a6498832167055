package dev.newsindex;

import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.status.CheckReport;
import dev.newsindex.status.IndexStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;



/** Building, updating, deleting, rebuilding and inspecting an index. */
class IndexLifecycleTest {
  @TempDir Path tmp;

  static String line(String id, String title, String date, String source, String body) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"date\":\"" + date
        + "\",\"source\":\"" + source + "\",\"body\":\"" + body + "\"}\n";
  }

  /** {@code n} articles, a{i}, dated 2020-01-01 + i days, from two sources. */
  Path feed(String name, int n, String bodySuffix) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(line("a" + i, "Title " + i, LocalDate.of(2020, 1, 1).plusDays(i).toString(),
          i % 3 == 0 ? "Harbour Wire" : "Metro Daily", "Body number " + i + bodySuffix));
    }
    Path f = tmp.resolve(name);
    Files.writeString(f, sb);
    return f;
  }

  static IngestOptions options(int threads, long commitEvery) {
    return IngestOptions.defaults().withThreads(threads).withCommitEvery(commitEvery, 1L << 30);
  }

  @Test
  void concurrentIngestCountsEveryOutcomeExactly() throws IOException {
    Path first = feed("first.jsonl", 500, ".");
    // The second feed changes every fifth article and repeats a changed one twice within the file.
    StringBuilder sb = new StringBuilder(Files.readString(first));
    for (int i = 0; i < 500; i += 5) {
      sb.append(line("a" + i, "Title " + i, LocalDate.of(2020, 1, 1).plusDays(i).toString(),
          i % 3 == 0 ? "Harbour Wire" : "Metro Daily", "Body number " + i + " revised."));
    }
    sb.append(line("a0", "Title 0", "2020-01-01", "Harbour Wire", "Body number 0 revised."));
    sb.append(line("a0", "Title 0", "2020-01-01", "Harbour Wire", "Body number 0 final."));
    sb.append(line("new", "New", "2021-06-01", "Metro Daily", "A new article."));
    Path second = tmp.resolve("second.jsonl");
    Files.writeString(second, sb);
    Path dir = tmp.resolve("index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      List<Long> commits = new ArrayList<>();
      IngestSummary s1 = index.ingest(List.of(first), options(4, 70), new IngestListener() {
        @Override
        public void committed(long articles) {
          commits.add(articles);
        }
      });
      assertEquals(500, s1.indexed());
      assertEquals(0, s1.updated() + s1.unchanged() + s1.skipped());
      assertTrue(commits.size() >= 7, "a commit every 70 articles and at the end: " + commits);
      assertEquals(500L, commits.get(commits.size() - 1));

      IngestSummary s2 = index.ingest(List.of(second), options(3, 1000), IngestListener.NONE);
      // 500 unchanged, then 100 revised (updated), a0 seen again unchanged, then a0 changed, new.
      assertEquals(1, s2.indexed());
      assertEquals(100 + 1, s2.updated());
      assertEquals(500 + 1, s2.unchanged());
      assertEquals(501, index.size());
      assertEquals("Body number 0 final.", index.get("a0").orElseThrow().body(),
          "versions of one id are applied in input order");
      assertEquals("Body number 5 revised.", index.get("a5").orElseThrow().body());
    }
  }

  @Test
  void deletesByIdsByQueryAndByDate() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.ingest(List.of(feed("f.jsonl", 30, ".")), IngestListener.NONE);
      assertEquals(2, index.delete(List.of("a1", "a2", "a2", "missing")));
      assertEquals(10, index.deleteMatching("source:\"harbour wire\""));
      // a0..a9 are dated 2020-01-01..10; a0, a3, a6, a9 are Harbour Wire (gone), a1, a2 deleted.
      assertEquals(4, index.deleteBefore(LocalDate.of(2020, 1, 10)));
      index.commit();
      assertEquals(30 - 2 - 10 - 4, index.size());
      assertTrue(index.get("a4").isEmpty());
      assertTrue(index.get("a10").isPresent());
      assertEquals(0, index.deleteMatching("nothing-matches-this"));
      assertThrows(QuerySyntaxException.class, () -> index.deleteMatching("body:(unclosed"));
    }
  }

  @Test
  void statsDescribeTheLastCommit() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.ingest(List.of(feed("f.jsonl", 30, ".")), IngestListener.NONE);
      index.upsert(new Article("undated", "No date", null, "", "", "Text."));
      index.delete("a29");
      index.commit();
      IndexStats s = index.stats();
      assertEquals(30, s.articles());
      assertEquals(LocalDate.of(2020, 1, 1), s.firstDate());
      assertEquals(LocalDate.of(2020, 1, 29), s.lastDate(), "a29 (Jan 30) was deleted");
      assertEquals(1, s.undated());
      assertEquals(Map.of("Metro Daily", 19L, "Harbour Wire", 10L, "", 1L), s.bySource());
      assertEquals(List.of("Metro Daily", "Harbour Wire", ""), List.copyOf(s.bySource().keySet()),
          "most articles first");
      assertEquals(NewsSchema.describe(NewsSchema.commitData()), s.schema());
      assertTrue(s.sizeOnDisk() > 0 && s.segments() >= 1, s.toString());

      index.optimize(1);
      IndexStats merged = index.stats();
      assertEquals(1, merged.segments());
      assertEquals(0, merged.deleted());
      assertEquals(30, merged.articles());
    }
    CheckReport check = NewsIndex.check(dir);
    assertTrue(check.clean(), check.log().toString());
    assertEquals(30, check.articles());
    assertEquals(List.of(), check.problems());
  }

  @Test
  void rebuildSwitchesOverOnlyWhenComplete() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex old = NewsIndex.openOrCreate(dir)) {
      old.ingest(List.of(feed("old.jsonl", 50, " harbour")), IngestListener.NONE);
    }
    Path fresh = feed("new.jsonl", 20, " lighthouse");
    try (NewsIndex before = NewsIndex.open(dir)) {
      assertEquals(50, before.search(SearchRequest.of("harbour").withLimit(100)).totalHits());
      List<Long> seenDuring = new ArrayList<>();
      IngestSummary s = NewsIndex.rebuild(dir, List.of(fresh), options(2, 5),
          new IngestListener() {
            @Override
            public void written(Origin origin, String id, IndexOutcome outcome) {
              try (NewsIndex during = NewsIndex.open(dir)) {
                seenDuring.add(during.search(SearchRequest.of("harbour").withLimit(100))
                    .totalHits());
                seenDuring.add(during.search(SearchRequest.of("lighthouse")).totalHits());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          });
      assertEquals(20, s.indexed());
      for (int i = 0; i < seenDuring.size(); i += 2) {
        assertEquals(50L, seenDuring.get(i), "readers opened during the rebuild see the old index");
        assertEquals(0L, seenDuring.get(i + 1), "and none of the new one");
      }
      assertEquals(40, seenDuring.size());
      assertEquals(50, before.search(SearchRequest.of("harbour").withLimit(100)).totalHits(),
          "a reader opened before keeps working on the old index");
      assertEquals("Body number 7 harbour", before.get("a7").orElseThrow().body());
    }
    try (NewsIndex after = NewsIndex.open(dir)) {
      assertEquals(20, after.size());
      assertEquals(0, after.search(SearchRequest.of("harbour")).totalHits());
      assertEquals(20, after.search(SearchRequest.of("lighthouse").withLimit(100)).totalHits());
    }
    assertTrue(NewsIndex.check(dir).clean());
  }

  @Test
  void aFailedRebuildLeavesTheOldIndex() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex old = NewsIndex.openOrCreate(dir)) {
      old.ingest(List.of(feed("old.jsonl", 50, ".")), IngestListener.NONE);
    }
    Path fresh = feed("new.jsonl", 300, " replaced");
    RuntimeException boom = assertThrows(RuntimeException.class, () -> NewsIndex.rebuild(dir,
        List.of(fresh), options(2, 50), new IngestListener() {
          @Override
          public void written(Origin origin, String id, IndexOutcome outcome) {
            if (id.equals("a200")) {
              throw new IllegalStateException("disk full (simulated)");
            }
          }
        }));
    assertEquals("disk full (simulated)", boom.getMessage());
    InvalidRequestException empty = assertThrows(InvalidRequestException.class,
        () -> NewsIndex.rebuild(dir, List.of(tmp.resolve("typo")), options(1, 10),
            IngestListener.NONE));
    assertTrue(empty.getMessage().contains("left as it was"), empty.getMessage());
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(50, index.size());
      assertEquals("Body number 3.", index.get("a3").orElseThrow().body());
    }
    assertTrue(NewsIndex.check(dir).clean());
  }

  @Test
  void anIncompatibleIndexSaysToRebuildAndRebuildFixesIt() throws IOException {
    Path dir = tmp.resolve("index");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of("newsindex.schema", "0").entrySet());
      w.commit();
    }
    IncompatibleIndexException e = assertThrows(IncompatibleIndexException.class,
        () -> NewsIndex.open(dir));
    assertTrue(e.getMessage().contains("newsindex rebuild --index " + dir), e.getMessage());
    assertTrue(e.getMessage().contains("0/none"), e.getMessage());
    NewsIndex.rebuild(dir, List.of(feed("f.jsonl", 10, ".")), options(1, 100),
        IngestListener.NONE);
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(10, index.size());
      assertEquals(NewsSchema.describe(NewsSchema.commitData()), index.stats().schema());
    }
  }

  @Test
  void aNewIndexCompressesStoredTextSmallUnlessToldOtherwise() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir, IndexSettings.DEFAULT)) {
      index.ingest(List.of(feed("f.jsonl", 5, ".")), IngestListener.NONE);
      assertEquals(Compression.SMALL, index.stats().compression());
    }
    try (FSDirectory fs = FSDirectory.open(dir)) {
      for (org.apache.lucene.index.SegmentCommitInfo segment
          : org.apache.lucene.index.SegmentInfos.readLatestCommit(fs)) {
        assertEquals(dev.newsindex.index.NewsCodec.NAME, segment.info.getCodec().getName(),
            "stored fields written with DEFLATE in small blocks");
      }
    }
  }

  @Test
  void compressionIsChosenAtCreationKeptByUpdatesAndChangedByRebuild() throws IOException {
    Path dir = tmp.resolve("index");
    Path f = feed("f.jsonl", 20, " with some words that repeat, repeat and repeat again.");
    try (NewsIndex index = NewsIndex.openOrCreate(dir,
        IndexSettings.DEFAULT.withCompression(Compression.SMALL))) {
      index.ingest(List.of(f), IngestListener.NONE);
      assertEquals(Compression.SMALL, index.stats().compression());
    }
    try (NewsIndex index = NewsIndex.openOrCreate(dir,
        IndexSettings.DEFAULT.withCompression(Compression.FAST))) {
      assertEquals(Compression.SMALL, index.settings().compression(), "an existing index keeps its own");
      index.upsert(new Article("z", "Z", null, "", "", "z"));
      index.commit();
      assertEquals(Compression.SMALL, index.stats().compression());
    }
    NewsIndex.rebuild(dir, List.of(f), options(1, 100), IngestListener.NONE);
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(Compression.SMALL, index.settings().compression(), "a rebuild keeps it unless told");
    }
    NewsIndex.rebuild(dir, List.of(f), options(1, 100),
        old -> old.withCompression(Compression.FAST), IngestListener.NONE);
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(Compression.FAST, index.stats().compression());
      assertEquals(20, index.size());
    }
  }

  @Test
  void aSecondWriterIsLockedOutWhileSearchesGoOn() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex writer = NewsIndex.openOrCreate(dir)) {
      writer.ingest(List.of(feed("f.jsonl", 10, ".")), IngestListener.NONE);
      writer.upsert(new Article("x", "X", null, "", "", "uncommitted"));
      assertThrows(IndexLockedException.class, () -> NewsIndex.rebuild(dir,
          List.of(tmp.resolve("f.jsonl")), options(1, 10), IngestListener.NONE));
      try (NewsIndex other = NewsIndex.open(dir)) {
        IndexLockedException locked = assertThrows(IndexLockedException.class,
            () -> other.ingest(List.of(tmp.resolve("f.jsonl")), IngestListener.NONE));
        assertTrue(locked.getMessage().contains("locked by another writer"));
        assertEquals(10, other.search(SearchRequest.of("body").withLimit(100)).totalHits(),
            "searches see the last commit meanwhile");
      }
      assertThrows(IndexLockedException.class, () -> NewsIndex.check(dir));
    }
  }
}
