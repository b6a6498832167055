package dev.newsindex;

import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.Origin;
import dev.newsindex.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Many threads searching one shared {@link NewsIndex} while one thread writes to it. */
class ConcurrencyTest {
  static final int SEARCHERS = 4;
  static final int BATCHES = 20;
  static final int BATCH = 50;

  @TempDir Path dir;

  static Article article(int n) {
    return new Article("a" + n, "Harbour report " + n,
        LocalDate.of(2024, 1, 1).plusDays(n % 300), "Test Wire", "",
        "The harbour authority published report number " + n + " on shipping and weather.");
  }

  @Test
  void searchesDuringWritesSeeEachRefreshWithoutReopeningAndNeverGoBack() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SEARCHERS);
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      AtomicBoolean done = new AtomicBoolean();
      AtomicLongArray seen = new AtomicLongArray(SEARCHERS); // latest hit count per thread
      List<Future<Long>> searchers = new ArrayList<>();
      SearchRequest request = SearchRequest.of("harbour report").withLimit(5);
      for (int t = 0; t < SEARCHERS; t++) {
        int thread = t;
        searchers.add(pool.submit(() -> {
          long searches = 0;
          long last = 0;
          while (!done.get()) {
            long hits = index.search(request).totalHits();
            assertTrue(hits >= last, "a later search saw fewer articles: " + hits + " < " + last);
            assertTrue(hits % BATCH == 0, "a search saw half a batch: " + hits);
            int size = index.size();
            assertTrue(size >= hits, "size " + size + " behind hits " + hits);
            last = hits;
            seen.set(thread, hits);
            searches++;
          }
          return searches;
        }));
      }

      int written = 0;
      for (int b = 0; b < BATCHES; b++) {
        for (int i = 0; i < BATCH; i++) {
          assertEquals(IndexOutcome.INDEXED, index.upsert(article(written++)));
        }
        // Written but not refreshed: invisible to searches.
        assertEquals(written - BATCH, index.search(request).totalHits());
        if (b % 5 == 4) {
          index.commit();
        } else {
          index.refresh();
        }
        assertEquals(written, index.search(request).totalHits());
        // Every searching thread comes to see the new articles on the instance it already holds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int t = 0; t < SEARCHERS; t++) {
          while (seen.get(t) < written) {
            assertTrue(System.nanoTime() < deadline, "searcher " + t + " stuck at "
                + seen.get(t) + " of " + written);
            assertTrue(!searchers.get(t).isDone(), "searcher " + t + " stopped early");
            Thread.sleep(1);
          }
        }
      }
      done.set(true);
      long searches = 0;
      for (Future<Long> f : searchers) {
        searches += f.get(30, TimeUnit.SECONDS); // rethrows any assertion failure of a thread
      }
      assertTrue(searches >= SEARCHERS * BATCHES, "searches run: " + searches);
      assertEquals(BATCHES * BATCH, index.size());
      assertEquals("Harbour report 7", index.get("a7").orElseThrow().title());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void searchesDoNotWaitForALongWrite() throws Exception {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    StringBuilder jsonl = new StringBuilder();
    for (int n = 0; n < 20; n++) {
      jsonl.append("{\"id\":\"j").append(n).append("\",\"title\":\"Storm ").append(n)
          .append("\",\"date\":\"2024-02-03\",\"body\":\"A storm reached the coast.\"}\n");
    }
    Files.writeString(articles.resolve("feed.jsonl"), jsonl);
    Path index = dir.resolve("index");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (NewsIndex news = NewsIndex.openOrCreate(index)) {
      news.upsert(article(1));
      news.commit();
      CountDownLatch writing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<IngestSummary> ingest = pool.submit(() -> news.ingest(List.of(articles),
          new IngestListener() {
            @Override
            public void written(Origin origin, String id, IndexOutcome outcome) {
              if (id.equals("j10")) {
                writing.countDown();
                try {
                  release.await(); // hold the writer mid-ingest
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }
          }));
      try {
        assertTrue(writing.await(30, TimeUnit.SECONDS), "the ingest did not start");
        // The writer is busy (and holds the write lock): searching still answers, from the last
        // refresh, and refreshing shows what has been written so far. Ingest writes on several
        // threads, so "so far" is at least the held article and never all twenty.
        assertEquals(1, news.search(SearchRequest.of("harbour")).totalHits());
        assertEquals(0, news.search(SearchRequest.of("storm")).totalHits());
        news.refresh();
        long soFar = news.search(SearchRequest.of("storm")).totalHits();
        assertTrue(soFar >= 1 && soFar < 20, "written so far: " + soFar);
      } finally {
        release.countDown(); // never leave the writer held, even when an assertion failed
      }
      assertEquals(20, ingest.get(30, TimeUnit.SECONDS).indexed());
      assertEquals(20, news.search(SearchRequest.of("storm")).totalHits());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondWriterIsToldTheIndexIsLockedAndAReaderSeesCommitsAfterRefresh() throws IOException {
    try (NewsIndex writer = NewsIndex.openOrCreate(dir);
        NewsIndex other = NewsIndex.open(dir)) {
      writer.upsert(article(1));
      writer.commit();
      assertEquals(0, other.size(), "another instance sees commits only after refresh");
      other.refresh();
      assertEquals(1, other.size());
      IndexLockedException locked = assertThrows(IndexLockedException.class,
          () -> other.upsert(article(2)));
      assertTrue(locked.getMessage().contains("locked by another writer"), locked.getMessage());
      assertEquals(1, other.search(SearchRequest.of("harbour")).totalHits(),
          "the failed write leaves the reader usable");
    }
  }

  @Test
  void aClosedIndexSaysSo() throws IOException {
    NewsIndex index = NewsIndex.openOrCreate(dir);
    index.close();
    index.close(); // twice is harmless
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> index.search(SearchRequest.of("harbour")));
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> index.upsert(article(1)));
  }
}
