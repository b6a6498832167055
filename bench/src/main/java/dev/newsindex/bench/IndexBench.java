package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.Compression;
import dev.newsindex.IndexSettings;
import dev.newsindex.NewsIndex;
import dev.newsindex.index.ArticleWriter;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing throughput: newsindex against a bare Lucene {@link IndexWriter} on the same articles, in
 * one run, so that the ratio holds however busy the machine is.
 *
 * <p>For each corpus (every {@code docs.jsonl} under {@code --corpora DIR}, and a synthetic corpus
 * of {@code --synthetic N} articles written to a temporary JSONL file first), both index the same
 * file into a fresh directory:
 *
 * <ul>
 *   <li><b>bare Lucene</b>: the file parsed by the same JSON Lines reader on the calling thread, each
 *       article added with {@code addDocument} from {@code --threads} threads (default: one per
 *       processor; a list such as {@code 1,2} runs everything once per thread count);
 *       {@code StandardAnalyzer}; the same stored fields (id, title, body, date, source, url,
 *       metadata); default codec and settings; one commit at the end.
 *   <li><b>ni fast</b>: {@link NewsIndex#ingest} with the same thread count: upsert by id with
 *       unchanged-article detection (an id lookup and a 64-bit content hash per article),
 *       NewsAnalyzer, the spelling vocabulary, near-duplicate signatures, doc values for dates and
 *       labels, {@link Compression#FAST} (BEST_SPEED, LZ4) stored fields, commits every 100,000
 *       articles (indexer name {@code newsindex});
 *   <li><b>ni small</b>: the same with the default {@link Compression#SMALL} (DEFLATE) stored
 *       fields (indexer name {@code small}).
 * </ul>
 *
 * <p>Each indexer runs {@code --repeat} times (default 3), alternating, and the fastest run of each
 * is kept: on a shared machine the fastest run is the least disturbed one. Prints, per corpus and
 * indexer: articles, seconds, the process's CPU seconds, articles/s, input MB/s, index size / input
 * size, and peak heap used (sampled every 20 ms, the largest over the runs); then newsindex's rate
 * as a fraction of bare Lucene's, and the same for CPU time (bare CPU seconds / newsindex CPU
 * seconds), which load from other processes disturbs much less than wall time. Run, from the repository: {@code BENCH_JAVA_OPTS=-Xmx512m bench/run IndexBench --corpora
 * ../shared/corpora --synthetic 100000}; {@code --synthetic 1000000 --indexers newsindex --repeat 1}
 * builds a million articles within the 512 MB heap.
 */
public final class IndexBench {
  private static final java.util.logging.Logger LUCENE_LOGGER =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  private IndexBench() {}

  /** One indexer's figures on one corpus. */
  record Figures(long articles, double seconds, double cpuSeconds, long inputBytes,
      long indexBytes, long peakHeap) {
    double rate() {
      return articles / seconds;
    }

    /** The better of two runs: the shorter time, the larger peak heap. */
    Figures best(Figures other) {
      if (other == null) {
        return this;
      }
      Figures faster = other.seconds < seconds ? other : this;
      return new Figures(faster.articles, faster.seconds, Math.min(cpuSeconds, other.cpuSeconds),
          faster.inputBytes, faster.indexBytes, Math.max(peakHeap, other.peakHeap));
    }
  }

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /** Runs the benchmark: {@code [--corpora DIR] [--synthetic N] [--threads N[,N...]] [--work DIR]}. */
  public static void main(String[] args) throws Exception {
    LUCENE_LOGGER.setLevel(java.util.logging.Level.OFF); // its vector-module notice is noise here
    Path corpora = null;
    long synthetic = 0;
    List<Integer> threadCounts = List.of(Runtime.getRuntime().availableProcessors());
    int repeat = 3;
    boolean diagnose = false;
    java.util.Set<String> indexers = java.util.Set.of("bare", "newsindex", "small");
    Path work = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--synthetic" -> synthetic = Long.parseLong(args[++i]);
        case "--threads" -> threadCounts = java.util.Arrays.stream(args[++i].split(","))
            .map(Integer::valueOf).toList();
        case "--work" -> work = Path.of(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--diagnose" -> diagnose = true;
        case "--indexers" -> indexers = java.util.Set.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]
            + "; usage: IndexBench [--corpora DIR] [--synthetic N] [--threads N[,N...]] [--repeat N]"
            + " [--indexers bare,newsindex,small] [--diagnose] [--work DIR]");
      }
    }
    work = work != null ? Files.createDirectories(work) : Files.createTempDirectory("indexbench");
    List<Path> inputs = new ArrayList<>();
    if (corpora != null) {
      try (Stream<Path> files = Files.walk(corpora)) {
        files.filter(p -> p.getFileName().toString().equals("docs.jsonl")).sorted()
            .forEach(inputs::add);
      }
    }
    if (synthetic > 0) {
      Path file = work.resolve("synthetic-" + synthetic + ".jsonl");
      if (!Files.exists(file)) {
        System.out.printf(Locale.ROOT, "writing %,d synthetic articles to %s%n", synthetic, file);
        SyntheticCorpus.main(new String[] {"--count", "" + synthetic, "--out", file.toString()});
      }
      inputs.add(file);
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to index: give --corpora DIR and/or --synthetic N");
    }
    System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %d MB, indexing threads %s%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, threadCounts);
    int warmThreads = threadCounts.get(threadCounts.size() - 1);
    // Warm-up (not reported): both indexers once over the smallest input, so JIT favours neither.
    Path smallest = inputs.stream().min(Comparator.comparingLong(IndexBench::size)).orElseThrow();
    if (inputs.size() > 1) {
      bare(smallest, work.resolve("warm-bare"), warmThreads, false);
      newsindex(smallest, work.resolve("warm-news"), warmThreads, Compression.FAST);
    }

    BenchDoc doc = BenchDoc.create("IndexBench", "Indexing throughput of newsindex against a bare"
        + " Lucene IndexWriter (StandardAnalyzer, the same stored fields) on the same articles.",
        args);
    if (corpora != null) {
      doc.corpus("CORPORA", corpora.toString(), "every docs.jsonl under it (see"
          + " [Corpora](../benchmarks.md#corpora))");
    }
    if (synthetic > 0) {
      doc.corpus(String.format(Locale.ROOT, "%,d synthetic articles (SyntheticCorpus, seed 42)",
          synthetic));
    }
    BenchDoc.Table figures = doc.table(String.format(Locale.ROOT, "Best of %d alternating runs,"
        + " max heap %d MB", repeat, Runtime.getRuntime().maxMemory() >> 20), "corpus", "threads",
        "indexer", "articles", "seconds", "CPU s", "articles/s", "MB/s", "index / input",
        "peak heap MB");
    BenchDoc.Table ratios = doc.table("Ratios", "corpus", "threads", "articles/s ni fast / bare",
        "CPU time bare / ni fast", "articles/s ni small / bare", "index size ni small / ni fast");
    System.out.printf(Locale.ROOT, "best of %d alternating runs each (the machine may be shared:"
        + " the best run is the least disturbed; CPU seconds are the process's)%n", repeat);
    System.out.printf(Locale.ROOT, "%n%-28s %2s %-10s %10s %8s %8s %10s %8s %12s %10s%n", "corpus",
        "th", "indexer", "articles", "seconds", "cpu s", "articles/s", "MB/s", "index/input",
        "peak heap");
    for (Path input : inputs) {
      String name = input.startsWith(work) ? input.getFileName().toString()
          : input.getParent().getFileName() + "/" + input.getFileName();
      String base = name.replace('/', '_');
      for (int threads : threadCounts) {
        Figures b = null;
        Figures n = null;
        Figures small = null;
        Figures d = null;
        for (int r = 0; r < repeat; r++) {
          if (indexers.contains("bare")) {
            b = bare(input, work.resolve(base + "-bare"), threads, false).best(b);
          }
          if (indexers.contains("newsindex")) {
            n = newsindex(input, work.resolve(base + "-news"), threads, Compression.FAST).best(n);
          }
          if (indexers.contains("small")) {
            small = newsindex(input, work.resolve(base + "-small"), threads, Compression.SMALL)
                .best(small);
          }
          if (diagnose) {
            d = bare(input, work.resolve(base + "-docs"), threads, true).best(d);
          }
        }
        print(figures, name, threads, "bare", b);
        print(figures, name, threads, "ni fast", n);
        print(figures, name, threads, "ni small", small);
        print(figures, name, threads, "bare+docs", d);
        if (b == null || n == null || small == null) {
          continue;
        }
        ratios.row(name, threads, ratio(n.rate() / b.rate()),
            ratio(b.cpuSeconds() / n.cpuSeconds()), ratio(small.rate() / b.rate()),
            ratio((double) small.indexBytes() / n.indexBytes()));
        System.out.printf(Locale.ROOT, "%-28s %d threads, ratio ni fast/bare: articles/s %.2f,"
            + " CPU time %.2f; ni small: articles/s %.2f, CPU time %.2f, index size %.2f"
            + " of ni fast's%n", name, threads, n.rate() / b.rate(),
            b.cpuSeconds() / n.cpuSeconds(), small.rate() / b.rate(),
            b.cpuSeconds() / small.cpuSeconds(), (double) small.indexBytes() / n.indexBytes());
      }
    }
    doc.write();
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f", r);
  }

  private static void print(BenchDoc.Table table, String corpus, int threads, String indexer,
      Figures f) {
    if (f == null) {
      return;
    }
    System.out.printf(Locale.ROOT, "%-28s %2d %-10s %,10d %8.1f %8.1f %,10.0f %8.2f %12.2f %7d MB%n",
        corpus, threads, indexer, f.articles(), f.seconds(), f.cpuSeconds(), f.rate(),
        f.inputBytes() / f.seconds() / 1e6,
        (double) f.indexBytes() / f.inputBytes(), f.peakHeap() >> 20);
    table.row(corpus, threads, indexer, String.format(Locale.ROOT, "%,d", f.articles()),
        String.format(Locale.ROOT, "%.1f", f.seconds()),
        String.format(Locale.ROOT, "%.1f", f.cpuSeconds()),
        String.format(Locale.ROOT, "%,.0f", f.rate()),
        String.format(Locale.ROOT, "%.2f", f.inputBytes() / f.seconds() / 1e6),
        ratio((double) f.indexBytes() / f.inputBytes()), f.peakHeap() >> 20);
  }

  static Figures newsindex(Path input, Path dir, int threads, Compression compression)
      throws Exception {
    delete(dir);
    HeapSampler heap = HeapSampler.start();
    double cpu = cpuSeconds();
    long started = System.nanoTime();
    IngestSummary summary;
    try (NewsIndex index = NewsIndex.openOrCreate(dir,
        IndexSettings.DEFAULT.withCompression(compression))) {
      summary = index.ingest(List.of(input), IngestOptions.defaults().withThreads(threads),
          IngestListener.NONE);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Figures(summary.articles(), seconds, cpuSeconds() - cpu, size(input), size(dir),
        heap.stop());
  }

  /**
   * The yardstick; with {@code sameDocuments}, diagnostically, newsindex's own documents, analyzer
   * and writer settings through plain {@code addDocument}: what is left of the gap to newsindex is
   * the cost of upserting (id lookups, hashing, commits), the rest the cost of its features.
   */
  static Figures bare(Path input, Path dir, int threads, boolean sameDocuments) throws Exception {
    delete(dir);
    HeapSampler heap = HeapSampler.start();
    double cpu = cpuSeconds();
    long started = System.nanoTime();
    AtomicLong count = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(threads * 4);
    List<Future<?>> failures = new ArrayList<>();
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, sameDocuments
            ? ArticleWriter.config(NewsSchema.analyzer(), IndexWriterConfig.OpenMode.CREATE,
                Compression.FAST)
            : new IndexWriterConfig(new StandardAnalyzer()))) {
      Batcher batcher = new Batcher(batch -> {
        inFlight.acquireUninterruptibly();
        failures.add(pool.submit(() -> {
          try {
            for (Article a : batch) {
              writer.addDocument(sameDocuments ? NewsSchema.toDocument(a) : document(a));
              count.incrementAndGet();
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            inFlight.release();
          }
        }));
        if (failures.size() > 1024) {
          failures.removeIf(Future::isDone);
        }
      });
      Ingest.readFile(input, batcher);
      batcher.flush();
      pool.shutdown();
      for (Future<?> future : failures) {
        future.get();
      }
      writer.commit();
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Figures(count.get(), seconds, cpuSeconds() - cpu, size(input), size(dir),
        heap.stop());
  }

  /** Collects the articles a reader finds into batches of 64 for the indexing threads. */
  private static final class Batcher implements ArticleHandler {
    private final java.util.function.Consumer<List<Article>> sink;
    private List<Article> current = new ArrayList<>();

    Batcher(java.util.function.Consumer<List<Article>> sink) {
      this.sink = sink;
    }

    @Override
    public void article(Article article, Origin origin) {
      current.add(article);
      if (current.size() == 64) {
        flush();
      }
    }

    @Override
    public void rejected(Origin origin, String reason) {}

    void flush() {
      if (!current.isEmpty()) {
        sink.accept(current);
        current = new ArrayList<>();
      }
    }
  }

  /** The yardstick's document: the same stored fields as newsindex, plainly indexed. */
  private static Document document(Article a) {
    Document doc = new Document();
    doc.add(new StringField("id", a.id(), Field.Store.YES));
    doc.add(new TextField("title", a.title(), Field.Store.YES));
    doc.add(new TextField("body", a.body(), Field.Store.YES));
    if (a.date() != null) {
      doc.add(new LongPoint("date", a.date().toEpochDay()));
      doc.add(new StoredField("date", a.date().toEpochDay()));
    }
    doc.add(new StoredField("source", a.source()));
    if (!a.url().isEmpty()) {
      doc.add(new StoredField("url", a.url()));
    }
    for (Map.Entry<String, String> e : a.metadata().entrySet()) {
      doc.add(new StoredField("meta." + e.getKey(), e.getValue()));
    }
    return doc;
  }

  static long size(Path p) {
    try (Stream<Path> files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Samples the heap in use every 20 ms and keeps the peak. */
  static final class HeapSampler {
    private final Thread thread;
    private volatile boolean running = true;
    private long peak;

    private HeapSampler() {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      thread = new Thread(() -> {
        while (running) {
          peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
    }

    static HeapSampler start() {
      System.gc();
      HeapSampler s = new HeapSampler();
      s.thread.start();
      return s;
    }

    long stop() throws InterruptedException {
      running = false;
      thread.join();
      return peak;
    }
  }
}
