package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.NewsIndex;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.search.Facet;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.server.NewsServer;
import dev.newsindex.server.ServerOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on {@code newsindex serve}: 1, 8 and 32 concurrent clients over loopback ask a 100,000
 * article index for the top 10 with passages and source and month facets, while another process
 * indexes into the same index (an upsert every 5 ms, a commit every second). Requests per second,
 * median and 99th percentile latency and errors, beside the same searches run through the library
 * in this process as the yardstick; then all of it again without passages, which shows what the
 * server itself adds apart from highlighting. The server and the writer are child JVMs; the
 * clients are platform threads sharing one {@link HttpClient}.
 *
 * <pre>bench/run ServerLoad [--articles 100000] [--seconds 10] [--clients 1,8,32]
 *     [--index DIR] [--docs docs/benchmarks] [--build-only]</pre>
 *
 * <p>The index is built once (in the temporary directory unless {@code --index} names one) and
 * reused by later runs; {@code --build-only} stops after building it.
 */
public final class ServerLoad {
  private ServerLoad() {}

  /** Two-word and one-word queries over the corpus's news words, the same list for both modes. */
  static List<String> queries() {
    List<String> out = new ArrayList<>();
    String[] w = SyntheticCorpus.NEWS_WORDS;
    for (int i = 0; i < 200; i++) {
      String a = w[(i * 7) % w.length];
      String b = w[(i * 13 + 5) % w.length];
      out.add(i % 3 == 0 ? a : i % 3 == 1 ? a + " " + b : "\"" + a + " " + b + "\"");
    }
    return out;
  }

  static SearchRequest request(String q, int passages) {
    return SearchRequest.builder(q).limit(10).passages(passages)
        .facets(Facet.SOURCE, Facet.MONTH).build();
  }

  static String path(String q, int passages) {
    return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + "&limit=10&passages=" + passages + "&facet=source&facet=month";
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--serve")) {
      serve(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    if (args.length > 0 && args[0].equals("--write")) {
      write(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    int articles = 100_000;
    int seconds = 10;
    int[] clients = {1, 8, 32};
    Path index = null;
    Path docs = Path.of("docs/benchmarks");
    boolean buildOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Arrays.stream(args[++i].split(","))
            .mapToInt(Integer::parseInt).toArray();
        case "--index" -> index = Path.of(args[++i]);
        case "--docs" -> docs = Path.of(args[++i]);
        case "--build-only" -> buildOnly = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (index == null) {
      index = Path.of(System.getProperty("java.io.tmpdir"), "newsindex-serverload-" + articles);
    }
    build(index, articles);
    if (buildOnly) {
      return;
    }
    Path work = Files.createTempDirectory("serverload");
    Process server = child("--serve", index, work.resolve("port"));
    Process writer = null;
    try (NewsIndex local = NewsIndex.open(index)) {
      int port = awaitPort(work.resolve("port"), server);
      writer = child("--write", index, work.resolve("written"));
      URI base = URI.create("http://127.0.0.1:" + port);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      Thread refresher = Thread.ofPlatform().daemon().start(() -> {
        while (true) {
          try {
            Thread.sleep(250); // as the server does: commits of the writer become visible
            local.refresh();
          } catch (InterruptedException e) {
            return;
          } catch (IOException | RuntimeException e) {
            // try again
          }
        }
      });
      List<String> queries = queries();
      List<String[]> rows = new ArrayList<>();
      List<String[]> bare = new ArrayList<>();
      long writtenBefore = written(work.resolve("written"));
      double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long started = System.nanoTime();
      for (int passages : new int[] {3, 0}) {
        for (int c : clients) {
          // Interleaved: each client count runs over HTTP, then in-process, before the next.
          Result h = run(c, seconds, queries, q -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                base.resolve(path(q, passages))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().startsWith("{\"query\"");
          });
          Result l = run(c, seconds, queries,
              q -> local.search(request(q, passages)).totalHits() >= 0);
          List<String[]> table = passages > 0 ? rows : bare;
          table.add(h.row(c, "HTTP (newsindex serve)"));
          table.add(l.row(c, "library, in-process"));
          System.err.println(passages + " passages: " + String.join(" | ",
              table.get(table.size() - 2)));
          System.err.println(passages + " passages: " + String.join(" | ",
              table.get(table.size() - 1)));
        }
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      double minutes = (System.nanoTime() - started) / 60e9;
      long writtenDuring = written(work.resolve("written")) - writtenBefore;
      refresher.interrupt();
      report(docs, args, articles, seconds, rows, bare, writtenDuring, minutes, local.size(),
          loadBefore, loadAfter);
    } finally {
      if (writer != null) {
        writer.destroy();
        writer.waitFor();
      }
      server.destroy(); // SIGTERM: the server finishes what is in flight and closes the index
      server.waitFor();
    }
  }

  /** A check that one query was answered as expected. */
  interface Ask {
    boolean ask(String q) throws Exception;
  }

  record Result(long requests, long errors, double seconds, long[] latencies) {
    String[] row(int clients, String mode) {
      Arrays.sort(latencies);
      return new String[] {Integer.toString(clients), mode,
          String.format(Locale.ROOT, "%,.0f", requests / seconds),
          String.format(Locale.ROOT, "%.2f", pct(0.50) / 1e6),
          String.format(Locale.ROOT, "%.2f", pct(0.99) / 1e6), Long.toString(errors)};
    }

    private double pct(double p) {
      return latencies.length == 0 ? Double.NaN
          : latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)];
    }
  }

  /** {@code clients} loops for a warm-up of 3 s, then {@code seconds} measured. */
  static Result run(int clients, int seconds, List<String> queries, Ask ask)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long warmEnd = System.nanoTime() + 3_000_000_000L;
    long end = warmEnd + seconds * 1_000_000_000L;
    long[][] lat = new long[clients][];
    int[] counts = new int[clients];
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int me = c;
      lat[me] = new long[1 << 16];
      // Platform threads: the OS shares the cores among them, so a latency includes the wait for a
      // core, in-process as over HTTP (a CPU-bound virtual thread runs to the end once mounted).
      Thread.ofPlatform().daemon().start(() -> {
        try {
          while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
              return;
            }
            String q = queries.get((int) (next.getAndIncrement() % queries.size()));
            boolean ok;
            try {
              ok = ask.ask(q);
            } catch (Exception e) {
              ok = false;
            }
            long t1 = System.nanoTime();
            if (t0 >= warmEnd) {
              if (!ok) {
                errors.incrementAndGet();
              }
              if (counts[me] == lat[me].length) {
                lat[me] = Arrays.copyOf(lat[me], lat[me].length * 2);
              }
              lat[me][counts[me]++] = t1 - t0;
            }
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(lat[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    return new Result(total, errors.get(), seconds, all);
  }

  /** Builds the synthetic index once; a later run reuses it. */
  static void build(Path index, int articles) throws IOException {
    if (NewsIndex.exists(index)) {
      try (NewsIndex existing = NewsIndex.open(index)) {
        if (existing.size() >= articles) {
          return;
        }
      }
    }
    System.err.println("ServerLoad: indexing " + articles + " synthetic articles into " + index
        + " (once)...");
    Path feed = Files.createTempFile("serverload", ".jsonl");
    try {
      SyntheticCorpus.main(new String[] {"--count", Integer.toString(articles), "--out",
          feed.toString()});
      try (NewsIndex news = NewsIndex.openOrCreate(index)) {
        news.ingest(List.of(feed), IngestOptions.defaults(), IngestListener.NONE);
      }
    } finally {
      Files.deleteIfExists(feed);
    }
  }

  static Process child(String mode, Path index, Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), ServerLoad.class.getName(), mode,
        index.toString(), out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  static int awaitPort(Path file, Process server) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(file) && Files.size(file) > 0) {
        return Integer.parseInt(Files.readString(file).strip());
      }
      if (!server.isAlive()) {
        throw new IllegalStateException("the server process ended: " + server.exitValue());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the server did not start within a minute");
  }

  static long written(Path file) throws IOException {
    return Files.exists(file) ? Long.parseLong(("0" + Files.readString(file)).strip()) : 0;
  }

  /** The child that serves: the server as {@code newsindex serve} runs it, on a free port. */
  static void serve(Path index, Path portFile) throws Exception {
    NewsIndex news = NewsIndex.open(index);
    NewsServer server = NewsServer.start(news, ServerOptions.builder()
        .address(InetAddress.getLoopbackAddress(), 0).build());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        news.close();
      } catch (IOException e) {
        // exiting anyway
      }
    }));
    Path tmp = portFile.resolveSibling("port.tmp");
    Files.writeString(tmp, Integer.toString(server.address().getPort()));
    Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }

  /** The child that indexes: new articles at a steady pace, a commit every second. */
  static void write(Path index, Path countFile) throws Exception {
    try (NewsIndex news = NewsIndex.open(index)) {
      long n = 0;
      long lastCommit = System.nanoTime();
      for (Article a : SyntheticCorpus.articles(Long.MAX_VALUE, 7)) {
        news.upsert(new Article("live-" + n++, a.title(), a.date(), a.source(), a.url(),
            a.body()));
        Thread.sleep(5);
        if (System.nanoTime() - lastCommit > 1_000_000_000L) {
          news.commit();
          lastCommit = System.nanoTime();
          Path tmp = countFile.resolveSibling("written.tmp");
          Files.writeString(tmp, Long.toString(n));
          Files.move(tmp, countFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
  }

  static void report(Path docs, String[] args, int articles, int seconds, List<String[]> rows,
      List<String[]> bare, long written, double minutes, int finalSize, double loadBefore,
      double loadAfter) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# ServerLoad\n\nLoad on `newsindex serve` over loopback while another process"
        + " indexes into the same index, beside the same searches through the library in-process."
        + "\n\n| | |\n|---|---|\n");
    md.append("| machine | ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ").append(cpu()).append(", ")
        .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB heap (client); system load (1 min) ")
        .append(String.format(Locale.ROOT, "%.1f before, %.1f after", loadBefore, loadAfter))
        .append(" |\n");
    md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(Runtime.version()).append(" |\n");
    md.append("| date | ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
    md.append("| corpus | SyntheticCorpus, ").append(String.format(Locale.ROOT, "%,d", articles))
        .append(" articles (seed 42); the writer adds about ")
        .append(String.format(Locale.ROOT, "%,.0f", written / minutes / 60))
        .append(" articles/s with a commit a second (")
        .append(String.format(Locale.ROOT, "%,d", finalSize)).append(" at the end) |\n");
    md.append("| command | `bench/run ServerLoad").append(args.length == 0 ? "" : " "
        + String.join(" ", args)).append("` |\n");
    md.append("| JVM options | ").append(String.join(" ", ManagementFactory.getRuntimeMXBean()
        .getInputArguments())).append(" |\n");
    String head = " s per row after 3 s of warm-up\n\n"
        + "| clients | through | requests/s | p50 ms | p99 ms | errors |\n"
        + "|---|---|---|---|---|---|\n";
    md.append("\n## Top 10 with 3 passages and source and month facets, ").append(seconds)
        .append(head);
    for (String[] r : rows) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    md.append("\n## The same without passages (no highlighting), ").append(seconds).append(head);
    for (String[] r : bare) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    md.append("\nLatency is from sending a request to reading its whole answer; an error is an"
        + " answer other than 200 with a search result, or no answer. The machine is shared:"
        + " compare the rows of one run.\n");
    Files.createDirectories(docs);
    Path file = docs.resolve("ServerLoad.md");
    Files.writeString(file, md);
    System.out.print(md);
    System.err.println("ServerLoad: wrote " + file);
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
