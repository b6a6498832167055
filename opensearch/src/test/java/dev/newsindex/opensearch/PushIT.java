package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.NewsIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushing articles to the cluster: the exact count of what a local index holds from the same
 * inputs, a rerun that finds everything unchanged, a node lost in the middle of a push, a push
 * killed with SIGKILL and run again, and the one-line errors of a wrong index, another schema and
 * an unreachable cluster.
 */
class PushIT {
  @TempDir
  Path tmp;

  private static long localCount(Path dir, Path input) throws IOException {
    try (NewsIndex local = NewsIndex.openOrCreate(dir)) {
      local.ingest(List.of(input), IngestListener.NONE);
      return local.size();
    }
  }

  private static IngestSummary push(ClusterOptions o, int shards, int replicas, Path input,
      long bulk) throws IOException {
    return OpenSearchArchive.push(o, IndexSettings.DEFAULT, shards, replicas, List.of(input),
        IngestOptions.defaults(), bulk, IngestListener.NONE);
  }

  private static void drop(ClusterOptions o) throws IOException {
    try (Cluster c = new Cluster(o)) {
      c.send("DELETE", "/" + o.index(), null, (JsonNode) null);
    }
  }

  @Test
  void theBundledAndARealCorpusArriveExactlyAndASecondPushChangesNothing() throws IOException {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    for (Path input : List.of(Corpora.bundled(), Corpora.corpus("bbc"))) {
      ClusterOptions o = cluster.options("it-push-" + input.getFileName().toString()
          .replaceAll("[^a-z0-9]", ""));
      drop(o);
      long expected = localCount(tmp.resolve(o.index()), input);
      IngestSummary first = push(o, 3, 1, input, ClusterPush.DEFAULT_BULK_BYTES);
      IngestSummary again = push(o, 3, 1, input, 256 << 10);
      try (OpenSearchArchive archive = OpenSearchArchive.open(o)) {
        assertEquals(expected, archive.size(), input.toString());
        assertEquals(expected, archive.stats().articles());
      }
      assertEquals(expected, first.indexed() + first.updated(), "first push of " + input);
      assertEquals(expected, again.unchanged(), "second push of " + input);
      assertEquals(0, again.indexed() + again.updated());
      drop(o);
    }
  }

  @Test
  void losingANodeInTheMiddleOfAPushLosesNoArticle() throws Exception {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    ClusterOptions o = cluster.options("it-push-node-loss");
    drop(o);
    Path input = Corpora.corpus("bbc");
    long expected = localCount(tmp.resolve("local"), input);
    long[] seen = new long[1];
    try {
      IngestSummary s = OpenSearchArchive.push(o, IndexSettings.DEFAULT, 3, 1, List.of(input),
          IngestOptions.defaults(), 64 << 10, new IngestListener() {
            @Override
            public void written(dev.newsindex.ingest.Origin origin, String id,
                dev.newsindex.ingest.IndexOutcome outcome) {
              if (++seen[0] == 400) {
                try {
                  // The last node: the first URL stays up, so the test's own calls need no
                  // failover; the push must carry on through the others.
                  cluster.killNode(OpenSearchCluster.NODES - 1);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            }
          });
      assertEquals(expected, s.indexed(), "articles indexed by the push");
      try (OpenSearchArchive archive = OpenSearchArchive.open(o)) {
        assertEquals(expected, archive.size());
      }
    } finally {
      drop(o);
      cluster.restartNodeLater(OpenSearchCluster.NODES - 1);
    }
  }

  @Test
  void aPushKilledAndRunAgainHoldsEveryArticleOnce() throws Exception {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    ClusterOptions o = cluster.options("it-push-killed");
    drop(o);
    Path input = Corpora.corpus("bbc");
    long expected = localCount(tmp.resolve("local"), input);
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), PushProcess.class.getName(),
        String.join(",", cluster.urls), o.index(), "" + (32 << 10), input.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ") && Long.parseLong(line.substring(10)) >= 300) {
          break;
        }
      }
      assertTrue(line != null, "the push process ended before it could be killed");
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
    IngestSummary rerun = push(o, 2, 0, input, ClusterPush.DEFAULT_BULK_BYTES);
    try (OpenSearchArchive archive = OpenSearchArchive.open(o)) {
      assertEquals(expected, archive.size(), "articles on the cluster after the rerun");
    }
    assertTrue(rerun.unchanged() >= 300, "the rerun found what the killed push had sent: "
        + rerun);
    assertTrue(rerun.indexed() > 0, "the killed push had not finished: " + rerun);
    assertEquals(expected, rerun.articles());
    drop(o);
  }

  @Test
  void aMissingIndexAnotherSchemaAndNoClusterAreOneLineErrors() throws IOException {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    ClusterException missing = assertThrows(ClusterException.class,
        () -> OpenSearchArchive.open(cluster.options("it-no-such-index")));
    assertEquals(ClusterException.Reason.NO_INDEX, missing.reason());
    assertTrue(missing.getMessage().startsWith("no index 'it-no-such-index' on the cluster at"),
        missing.getMessage());

    ClusterOptions old = cluster.options("it-old-schema");
    drop(old);
    try (Cluster c = new Cluster(old)) {
      ObjectNode def = ClusterSchema.definition(IndexSettings.DEFAULT, 1, 0);
      ((ObjectNode) def.path("mappings").path("_meta").path(ClusterSchema.META_KEY))
          .put(dev.newsindex.schema.NewsSchema.SCHEMA_KEY, "1");
      c.call("creating", "PUT", "/" + old.index(), null, def);
    }
    ClusterException incompatible = assertThrows(ClusterException.class,
        () -> OpenSearchArchive.open(old));
    assertEquals(ClusterException.Reason.INCOMPATIBLE, incompatible.reason());
    assertTrue(incompatible.getMessage().contains("has schema 1/"), incompatible.getMessage());
    ClusterException refusedPush = assertThrows(ClusterException.class,
        () -> push(old, 1, 0, Corpora.bundled(), ClusterPush.DEFAULT_BULK_BYTES));
    assertEquals(ClusterException.Reason.INCOMPATIBLE, refusedPush.reason());
    drop(old);

    for (ClusterException e : List.of(
        assertThrows(ClusterException.class, () -> OpenSearchArchive.open(
            ClusterOptions.of("http://127.0.0.1:" + closedPort()))),
        assertThrows(ClusterException.class, () -> OpenSearchArchive.open(
            ClusterOptions.of("http://127.0.0.1:" + closedPort()).withCredentials("reader",
                "s3cret-pass"))))) {
      assertEquals(ClusterException.Reason.UNREACHABLE, e.reason());
      assertTrue(e.getMessage().startsWith("cannot reach the OpenSearch cluster at http://"),
          e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
      assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
    }
  }

  private static int closedPort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Set<String> ids(List<dev.newsindex.Article> articles) {
    return articles.stream().map(dev.newsindex.Article::id).collect(Collectors.toSet());
  }
}
