package dev.newsindex;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.status.CheckReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * Kills a real indexing process with SIGKILL in the middle of a run, then checks that the index
 * passes CheckIndex and holds the last commit intact, and that running the same ingest again
 * completes it with every article exactly once.
 */
class CrashTest {
  static final int ARTICLES = 15_000;
  static final int COMMIT_EVERY = 500;

  @TempDir Path tmp;

  /** The process that gets killed: indexes a file, printing a line after each commit. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      try (NewsIndex index = NewsIndex.openOrCreate(Path.of(args[0]))) {
        index.ingest(List.of(Path.of(args[1])), IngestOptions.defaults().withThreads(2)
            .withCommitEvery(Long.parseLong(args[2]), 1L << 40), new IngestListener() {
              @Override
              public void committed(long articles) {
                System.out.println("committed " + articles);
                System.out.flush();
              }
            });
      }
      System.out.println("done");
    }
  }

  static String body(int i) {
    return "Harbour report number " + i + ". Cranes moved " + (i * 7 % 1000) + " containers.";
  }

  @Test
  void aKilledIndexerLeavesTheLastCommitAndARerunCompletesIt() throws Exception {
    Path input = tmp.resolve("feed.jsonl");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ARTICLES; i++) {
      sb.append("{\"id\":\"c").append(i).append("\",\"title\":\"Report ").append(i)
          .append("\",\"date\":\"2024-01-01\",\"source\":\"Harbour Wire\",\"body\":\"")
          .append(body(i)).append("\"}\n");
    }
    Files.writeString(input, sb);
    Path index = tmp.resolve("index");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), Child.class.getName(), index.toString(),
        input.toString(), "" + COMMIT_EVERY)
        .redirectError(tmp.resolve("child-stderr.txt").toFile())
        .start();
    List<String> lines = new ArrayList<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8));
    CompletableFuture<Void> threeCommits = CompletableFuture.runAsync(() -> {
      try {
        String line;
        int commits = 0;
        while ((line = out.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
          }
          if (line.startsWith("committed") && ++commits == 3) {
            return;
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try {
      threeCommits.get(120, TimeUnit.SECONDS);
    } finally {
      // SIGKILL on Linux: no shutdown hooks, no close. Through the handle, which (unlike
      // Process.destroyForcibly) leaves the pipe readable for what the child printed last.
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    // What the child printed before it died, after the third commit.
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
    }
    out.close();
    String stderr = Files.readString(tmp.resolve("child-stderr.txt"));
    List<String> seen;
    synchronized (lines) {
      seen = List.copyOf(lines);
    }
    assertTrue(!seen.contains("done"), "the child was killed before it finished: " + seen
        + stderr);
    long lastReported = Long.parseLong(seen.get(seen.size() - 1).substring("committed ".length()));

    CheckReport check = NewsIndex.check(index);
    assertTrue(check.clean(), String.join("\n", check.log()));
    long survived;
    try (NewsIndex opened = NewsIndex.open(index)) {
      survived = opened.size();
      // The last commit is the last one reported, or one made just before the kill whose line was
      // not yet printed; never a part of one.
      assertTrue(survived == lastReported
          || survived > lastReported && survived <= lastReported + 2 * COMMIT_EVERY,
          "holds the last reported commit (" + lastReported + "): " + survived);
      assertTrue(survived < ARTICLES, "killed mid-run: " + survived);
      assertEquals(survived, check.articles());
    }
    assertEquals(survived, uniqueIntactArticles(index), "each committed article once, intact");

    try (NewsIndex rerun = NewsIndex.openOrCreate(index)) {
      IngestSummary s = rerun.ingest(List.of(input), IngestOptions.defaults().withThreads(2),
          IngestListener.NONE);
      assertEquals(ARTICLES - survived, s.indexed());
      assertEquals(survived, s.unchanged());
      assertEquals(0, s.updated() + s.skipped());
      assertEquals(ARTICLES, rerun.size());
    }
    assertEquals(ARTICLES, uniqueIntactArticles(index));
    assertTrue(NewsIndex.check(index).clean());
  }

  /** The number of live articles, after checking that no id occurs twice and every body is right. */
  static long uniqueIntactArticles(Path index) throws IOException {
    Set<String> ids = new HashSet<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          org.apache.lucene.document.Document d = stored.document(doc);
          String id = d.get("id");
          assertTrue(ids.add(id), "id " + id + " twice");
          assertEquals(body(Integer.parseInt(id.substring(1))), d.get("body"));
        }
      }
    }
    return ids.size();
  }
}
