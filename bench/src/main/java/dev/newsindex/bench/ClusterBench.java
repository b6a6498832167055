package dev.newsindex.bench;

import dev.newsindex.IndexSettings;
import dev.newsindex.NewsIndex;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.opensearch.ClusterOptions;
import dev.newsindex.opensearch.OpenSearchArchive;
import dev.newsindex.search.SearchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Push throughput and search latency on OpenSearch beside a local index, in one run.
 *
 * <p>{@code bench/run ClusterBench [--count N] [--rounds R]} writes N {@link
 * SyntheticCorpus} articles (seed 42) as JSON Lines, starts a one-node and a three-node loopback
 * cluster with scripts/opensearch.sh (512 MB heaps, the newsindex plugin), and then, R times
 * interleaved: indexes the file locally, pushes it to the one node (1 shard) and to the three
 * nodes (3 shards), each into a fresh index. Then it runs {@link SearchBench}'s query classes on
 * the last local index and on both clusters, query by query in turn, for the median and p99
 * latency of each. The nodes are stopped at the end, also on failure. The tables go to
 * docs/benchmarks/ClusterBench.md through {@link BenchDoc}.
 */
public final class ClusterBench {
  private ClusterBench() {}

  /** A started cluster; {@link #close} stops its nodes. */
  record Nodes(Path dir, String urls) implements AutoCloseable {
    /** Starts {@code nodes} nodes with scripts/opensearch.sh; {@code more}: its other options. */
    static Nodes start(Path root, Path dir, int nodes, int port, String... more)
        throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of("bash",
          root.resolve("scripts/opensearch.sh").toString(), "start", "--nodes", "" + nodes,
          "--dir", dir.toString(), "--port", "" + port, "--watch",
          "" + ProcessHandle.current().pid()));
      command.addAll(List.of(more));
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      String urls;
      try (InputStream in = p.getInputStream()) {
        urls = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (p.waitFor() != 0) {
        throw new IOException("the " + nodes + "-node cluster did not start");
      }
      return new Nodes(dir, urls);
    }

    @Override
    public void close() throws IOException {
      stop(dir);
    }

    /** Stops the nodes that scripts/opensearch.sh started in {@code dir} (PeerBench's too). */
    static void stop(Path dir) throws IOException {
      try {
        new ProcessBuilder("bash", Path.of(System.getProperty("user.dir"))
            .resolve("scripts/opensearch.sh").toString(), "stop", "--dir", dir.toString())
            .inheritIO().start().waitFor(90, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the script's watchdog stops the nodes
      }
    }
  }

  public static void main(String[] args) throws Exception {
    long count = 20_000;
    int rounds = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--count" -> count = Long.parseLong(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    Path root = Path.of(System.getProperty("user.dir"));
    Path work = Files.createTempDirectory("newsindex-cluster-bench");
    Path corpus = work.resolve("synthetic.jsonl");
    SyntheticCorpus.main(new String[] {"--count", "" + count, "--out", corpus.toString()});
    long bytes = Files.size(corpus);
    BenchDoc doc = BenchDoc.create("ClusterBench", "Push throughput and search latency on a"
        + " loopback OpenSearch 3.8.0 cluster (newsindex plugin, nodes of 512 MB heap) beside a"
        + " local index, measured in one run.", args)
        .corpus(String.format(Locale.ROOT, "SyntheticCorpus, %,d articles, seed 42 (%.1f MB of"
            + " JSON Lines)", count, bytes / 1e6));
    try (Nodes one = Nodes.start(root, root.resolve("opensearch/target/bench-1"), 1, 19650);
        Nodes three = Nodes.start(root, root.resolve("opensearch/target/bench-3"), 3, 19700)) {
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      Path local = null;
      for (int round = 0; round < rounds; round++) {
        local = work.resolve("local-" + round);
        long t0 = System.nanoTime();
        try (NewsIndex index = NewsIndex.openOrCreate(local)) {
          index.ingest(List.of(corpus), IngestListener.NONE);
        }
        rate(rates, "local index (ingest)", count, t0);
        push(rates, "1 node, 1 shard", one.urls(), "bench-" + round, 1, corpus, count);
        push(rates, "3 nodes, 3 shards", three.urls(), "bench-" + round, 3, corpus, count);
      }
      BenchDoc.Table t = doc.table(String.format(Locale.ROOT, "Push throughput (median of %d"
          + " interleaved rounds; replicas 0)", rounds), "target", "articles/s",
          "ratio to local");
      double base = median(rates.get("local index (ingest)"));
      rates.forEach((k, v) -> t.row(k, String.format(Locale.ROOT, "%,.0f", median(v)),
          String.format(Locale.ROOT, "%.2f", median(v) / base)));
      searchLatency(doc, local, one.urls(), three.urls(), "bench-" + (rounds - 1), rounds);
    }
    doc.note("Latencies are of the library call, in this JVM: for a cluster the request goes"
        + " over HTTP on loopback and is scored with the whole index's statistics"
        + " (dfs_query_then_fetch), one extra round trip.");
    doc.write();
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void push(Map<String, List<Double>> rates, String label, String urls,
      String index, int shards, Path corpus, long count) throws IOException {
    long t0 = System.nanoTime();
    IngestSummary s = OpenSearchArchive.push(ClusterOptions.of(urls).withIndex(index),
        IndexSettings.DEFAULT, shards, 0, List.of(corpus), IngestOptions.defaults(),
        5L << 20, IngestListener.NONE);
    if (s.indexed() != count) {
      throw new IllegalStateException(label + ": pushed " + s + ", expected " + count);
    }
    rate(rates, label, count, t0);
  }

  private static void rate(Map<String, List<Double>> rates, String label, long count, long t0) {
    double seconds = (System.nanoTime() - t0) / 1e9;
    rates.computeIfAbsent(label, k -> new ArrayList<>()).add(count / seconds);
    System.out.printf(Locale.ROOT, "  %-22s %,8.0f articles/s%n", label, count / seconds);
  }

  private static void searchLatency(BenchDoc doc, Path localDir, String one, String three,
      String index, int rounds) throws IOException {
    BenchDoc.Table t = doc.table(String.format(Locale.ROOT, "Search latency (ms, top 10;"
        + " SearchBench's query classes, 40 queries each, %d rounds, local and the clusters query"
        + " by query in turn)", rounds * 2), "class", "local p50", "local p99", "1 node p50",
        "1 node p99", "3 nodes p50", "3 nodes p99", "3 nodes / local (p50)");
    try (NewsIndex local = NewsIndex.open(localDir);
        OpenSearchArchive c1 = OpenSearchArchive.open(ClusterOptions.of(one).withIndex(index));
        OpenSearchArchive c3 = OpenSearchArchive.open(ClusterOptions.of(three)
            .withIndex(index))) {
      for (SearchBench.QueryClass c : SearchBench.classes()) {
        for (SearchRequest q : c.requests()) { // warm-up
          local.search(q);
          c1.search(q);
          c3.search(q);
        }
        int n = c.requests().size() * rounds * 2;
        double[][] ms = new double[3][n];
        int k = 0;
        for (int r = 0; r < rounds * 2; r++) {
          for (SearchRequest q : c.requests()) {
            long t0 = System.nanoTime();
            local.search(q);
            long t1 = System.nanoTime();
            c1.search(q);
            long t2 = System.nanoTime();
            c3.search(q);
            long t3 = System.nanoTime();
            ms[0][k] = (t1 - t0) / 1e6;
            ms[1][k] = (t2 - t1) / 1e6;
            ms[2][k] = (t3 - t2) / 1e6;
            k++;
          }
        }
        t.row(c.name(), ms(SearchBench.percentile(ms[0], 50)),
            ms(SearchBench.percentile(ms[0], 99)), ms(SearchBench.percentile(ms[1], 50)),
            ms(SearchBench.percentile(ms[1], 99)), ms(SearchBench.percentile(ms[2], 50)),
            ms(SearchBench.percentile(ms[2], 99)), String.format(Locale.ROOT, "%.1f",
                SearchBench.percentile(ms[2], 50) / SearchBench.percentile(ms[0], 50)));
      }
    }
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    return s.size() % 2 == 1 ? s.get(s.size() / 2)
        : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

}
