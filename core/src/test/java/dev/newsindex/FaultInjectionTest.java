package dev.newsindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.newsindex.index.IndexRebuild;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full and random I/O errors injected by Lucene's {@link MockDirectoryWrapper} into every
 * operation that writes (ingest, upsert, delete, rebuild, optimize), for many seeds. After each
 * failure the index must open, pass CheckIndex and hold exactly one commit, the state before the
 * operation or one of its own commits; running the operation again without faults completes it,
 * every article exactly once. A failing seed is named in the message; more seeds run with {@code
 * -Dnewsindex.faultSeeds=N}.
 */
class FaultInjectionTest {
  static final int SEEDS = Integer.getInteger("newsindex.faultSeeds", 10);
  static final int OLD = 100;
  static final int NEW = 300;
  static final int COMMIT_EVERY = 50;
  static final Path NAME = Path.of("faulty-index");

  @TempDir Path tmp;

  /** The directory as one NewsIndex sees it: closing it leaves the shared mock open. */
  private static Directory unclosable(Directory dir) {
    return new FilterDirectory(dir) {
      @Override
      public void close() {}
    };
  }

  private Path feed(String name, String prefix, int from, int to, String title)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append("{\"id\":\"").append(prefix).append(i).append("\",\"title\":\"").append(title)
          .append(' ').append(i).append("\",\"date\":\"2024-01-02\",\"body\":\"Harbour cranes moved ")
          .append(i * 7 % 1000).append(" containers on quay ").append(i % 13).append(".\"}\n");
    }
    Path file = tmp.resolve(name);
    Files.writeString(file, sb);
    return file;
  }

  private static IngestOptions options() {
    return IngestOptions.defaults().withThreads(1).withCommitEvery(COMMIT_EVERY, 1L << 40);
  }

  /** What one run of an operation does to an index holding {@code OLD} articles a0...a99. */
  private interface Operation {
    void run(Directory dir) throws IOException;
  }

  /** The ids (and titles) a state holds. */
  private record State(String prefix, int count, String title) {}

  private void check(String operation, Operation op, List<State> allowed, State done)
      throws IOException {
    Path old = feed("old.jsonl", "a", 0, OLD, "Old");
    int failures = 0;
    // A merge thread that fails must not print its stack trace (on a user's terminal).
    List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    try {
      failures = seeds(operation, op, allowed, done, old);
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertEquals(List.of(), uncaught, operation + ": exceptions escaped to threads' handlers");
    assertTrue(failures > 0, operation + ": no seed injected a fault; the test tests nothing");
  }

  private int seeds(String operation, Operation op, List<State> allowed, State done, Path old)
      throws IOException {
    int failures = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      Random random = new Random(seed);
      MockDirectoryWrapper mock = new MockDirectoryWrapper(random, new ByteBuffersDirectory());
      mock.setThrottling(MockDirectoryWrapper.Throttling.NEVER);
      mock.setCheckIndexOnClose(false);
      mock.setUseSlowOpenClosers(false);
      try (NewsIndex index = NewsIndex.openOrCreateIn(NAME, unclosable(mock))) {
        index.ingest(List.of(old), options(), IngestListener.NONE);
      }
      boolean diskFull = seed % 2 == 0;
      String what = operation + ", seed " + seed + (diskFull ? ", disk full" : ", I/O errors");
      if (diskFull) {
        mock.setMaxSizeInBytes(mock.sizeInBytes() + random.nextInt((int) mock.sizeInBytes()));
      } else {
        mock.setRandomIOExceptionRate(0.002 + random.nextDouble() * 0.05);
        mock.setRandomIOExceptionRateOnOpen(random.nextDouble() * 0.05);
      }
      boolean failed = false;
      try {
        op.run(unclosable(mock));
      } catch (IOException expected) {
        failed = true;
        failures++;
      } catch (RuntimeException | Error e) {
        throw new AssertionError(what + ": a fault must surface as an IOException", e);
      } finally {
        mock.setMaxSizeInBytes(0);
        mock.setRandomIOExceptionRate(0);
        mock.setRandomIOExceptionRateOnOpen(0);
      }
      // Whatever happened: one commit, CheckIndex clean, and a state the operation allows.
      assertEquals(1, DirectoryReader.listCommits(mock).size(), what + ": exactly one commit");
      try (CheckIndex checker = new CheckIndex(unclosable(mock))) {
        checker.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_SLOW_CHECKS);
        assertTrue(checker.checkIndex().clean, what + ": CheckIndex");
      }
      State found = state(mock, what, failed ? allowed : List.of(done));
      assertTrue(failed || found.equals(done), what + ": succeeded but holds " + found);
      // Again, without faults: done, every article once.
      op.run(unclosable(mock));
      assertEquals(done, state(mock, what + " (run again)", List.of(done)));
      mock.close(); // fails when a file was left open
    }
    return failures;
  }

  /** Which of {@code allowed} the index holds, checking every id of every candidate. */
  private static State state(Directory dir, String what, List<State> allowed) throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreateIn(NAME, unclosable(dir))) {
      int size = index.size();
      for (State s : allowed) {
        if (s.count() != size) {
          continue;
        }
        boolean all = true;
        for (int i = 0; i < s.count() && all; i++) {
          all = index.get(s.prefix() + i).map(a -> a.title().startsWith(s.title() + " "))
              .orElse(false);
        }
        if (all) {
          return s;
        }
      }
      fail(what + ": the index holds " + size + " articles, none of the states " + allowed);
      return null;
    }
  }

  @Test
  void ingest() throws IOException {
    Path feed = feed("feed.jsonl", "a", 0, OLD + NEW, "Old");
    List<State> allowed = new ArrayList<>();
    for (int n = OLD; n <= OLD + NEW; n += COMMIT_EVERY) {
      allowed.add(new State("a", n, "Old"));
    }
    check("ingest", dir -> {
      try (NewsIndex index = NewsIndex.openOrCreateIn(NAME, dir)) {
        IngestSummary s = index.ingest(List.of(feed), options(), IngestListener.NONE);
        assertEquals(OLD + NEW, s.indexed() + s.unchanged());
      }
    }, allowed, new State("a", OLD + NEW, "Old"));
  }

  @Test
  void upsert() throws IOException {
    check("upsert", dir -> {
      try (NewsIndex index = NewsIndex.openOrCreateIn(NAME, dir)) {
        for (int i = 0; i < OLD; i++) {
          index.upsert(new Article("a" + i, "New " + i, null, "", "", "Changed body " + i));
        }
        index.commit();
      }
    }, List.of(new State("a", OLD, "Old"), new State("a", OLD, "New")),
        new State("a", OLD, "New"));
  }

  @Test
  void delete() throws IOException {
    // Deleting the last half leaves a0...a49: the ids a state checks are a prefix.
    check("delete", dir -> {
      try (NewsIndex index = NewsIndex.openOrCreateIn(NAME, dir)) {
        index.delete(IntStream.range(OLD / 2, OLD).mapToObj(i -> "a" + i).toList());
        index.commit();
      }
    }, List.of(new State("a", OLD, "Old"), new State("a", OLD / 2, "Old")),
        new State("a", OLD / 2, "Old"));
  }

  @Test
  void rebuild() throws IOException {
    Path feed = feed("rebuild.jsonl", "b", 0, NEW, "Rebuilt");
    check("rebuild", dir -> IndexRebuild.run(dir, NAME, List.of(feed), options(),
            UnaryOperator.identity(), IngestListener.NONE),
        List.of(new State("a", OLD, "Old"), new State("b", NEW, "Rebuilt")),
        new State("b", NEW, "Rebuilt"));
  }

  @Test
  void optimize() throws IOException {
    check("optimize", dir -> {
      try (NewsIndex index = NewsIndex.openOrCreateIn(NAME, dir)) {
        index.optimize(1);
      }
    }, List.of(new State("a", OLD, "Old")), new State("a", OLD, "Old"));
  }
}
