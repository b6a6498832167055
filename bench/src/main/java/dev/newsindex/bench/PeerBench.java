package dev.newsindex.bench;

import com.fasterxml.jackson.core.JsonGenerator;
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
import dev.newsindex.json.NewsJson;
import dev.newsindex.schema.NewsSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.CompoundDirectory;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Indexing side by side: newsindex, OpenSearch single node and bare Lucene on the same articles, in
 * alternating rounds of one run, so that the ratios hold however busy the machine is.
 *
 * <p>Each corpus ({@code docs.jsonl} under {@code --corpora DIR}, only those in the directories
 * {@code --only} names when given, and {@code --synthetic N}
 * {@link SyntheticCorpus} articles) is repeated with new ids ({@code ID-k}) until it holds at least
 * {@code --min-mb} MB (default 100) of JSON Lines, written once by {@link NewsJson#article}; the
 * same articles are written as OpenSearch bulk requests of 4,000. Then, {@code --rounds} times
 * (default 4; the first is dropped as warm-up), in an order that rotates each round:
 *
 * <ul>
 *   <li><b>opensearch</b>: OpenSearch 3.8.0, one node started by {@code scripts/opensearch.sh}
 *       ({@code --os-heap}, default 2g), a fresh index with 1 shard, no replica, refresh off;
 *       {@code english} analysis on title and body (positions), id, source and labels as keywords,
 *       date as a date, the article as {@code _source}; the bulk files sent by 2 clients; then a
 *       flush. CPU is the node's ({@code _nodes/stats}) plus the client's;
 *   <li><b>bare english</b>: a Lucene {@link IndexWriter} configured as newsindex's ({@link
 *       ArticleWriter#config}: RAM buffer, codec), {@link EnglishAnalyzer} on title and body, the
 *       same stored fields, keyword terms, date point and doc values as newsindex, the file read by
 *       the same Jackson reader on the calling thread and added from {@code --threads} threads;
 *   <li><b>bare standard</b>: the same with {@link StandardAnalyzer};
 *   <li><b>newsindex</b>: {@link NewsIndex#ingest} with {@code --threads} threads (upserts with
 *       unchanged detection, news analysis, did-you-mean vocabulary, near-duplicate signatures).
 * </ul>
 *
 * <p>Prints, per corpus: each indexer's median wall and CPU seconds and articles/s over the kept
 * rounds and its index size; the medians of the per-round ratios of newsindex to OpenSearch and to
 * bare english; and newsindex's index by part (Lucene files by extension, compound files opened).
 * Run from the repository: {@code bench/run PeerBench --corpora ../shared/corpora --synthetic
 * 100000}.
 */
public final class PeerBench {
  private static final String OS = "opensearch";
  private static final String ENGLISH = "bare english";
  private static final String STANDARD = "bare standard";
  private static final String NEWS = "newsindex";
  private static final int BULK = 4000;
  private static final Pattern NODE_CPU =
      Pattern.compile("\"cpu\":\\{\"percent\":\\d+,\"total_in_millis\":(\\d+)");
  private static final Pattern STORE = Pattern.compile("(\\d+)");

  private PeerBench() {}

  /** One run of one indexer. */
  record Run(long articles, double seconds, double cpuSeconds, long indexBytes) {}

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("org.apache.lucene").setLevel(java.util.logging.Level.OFF);
    Path corpora = null;
    long synthetic = 0;
    long minMb = 100;
    int rounds = 4;
    int threads = 2;
    String osHeap = "2g";
    int port = 19450;
    Path work = null;
    List<String> indexers = List.of(OS, ENGLISH, STANDARD, NEWS);
    java.util.Set<String> only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--synthetic" -> synthetic = Long.parseLong(args[++i]);
        case "--min-mb" -> minMb = Long.parseLong(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--os-heap" -> osHeap = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--no-opensearch" -> indexers = List.of(ENGLISH, STANDARD, NEWS);
        case "--only" -> only = java.util.Set.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]
            + "; usage: PeerBench [--corpora DIR] [--synthetic N] [--min-mb MB] [--rounds N]"
            + " [--threads N] [--os-heap SIZE] [--port PORT] [--no-opensearch] [--only CORPUS,...]"
            + " [--work DIR]");
      }
    }
    if (rounds < 2) {
      throw new IllegalArgumentException("--rounds must be at least 2: the first is dropped");
    }
    work = work != null ? Files.createDirectories(work) : Files.createTempDirectory("peerbench");
    List<Path> sources = new ArrayList<>();
    if (corpora != null) {
      try (Stream<Path> files = Files.walk(corpora)) {
        java.util.Set<String> wanted = only;
        files.filter(p -> p.getFileName().toString().equals("docs.jsonl"))
            .filter(p -> wanted == null || wanted.contains(p.getParent().getFileName().toString()))
            .sorted().forEach(sources::add);
      }
    }
    if (synthetic > 0) {
      Path file = work.resolve("synthetic-" + synthetic + ".src.jsonl");
      if (!Files.exists(file)) {
        SyntheticCorpus.main(new String[] {"--count", "" + synthetic, "--out", file.toString()});
      }
      sources.add(file);
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("nothing to index: give --corpora DIR and/or --synthetic N");
    }
    BenchDoc doc = BenchDoc.create("PeerBench", "Indexing throughput and index size of newsindex"
        + " beside OpenSearch single node and bare Lucene (EnglishAnalyzer, StandardAnalyzer) on"
        + " the same articles, in alternating rounds.", args);
    if (corpora != null) {
      doc.corpus("CORPORA", corpora.toString(), (only == null ? "every docs.jsonl under it"
          : "the docs.jsonl of " + String.join(", ", new java.util.TreeSet<>(only)))
          + ", each repeated with"
          + " new ids to at least " + minMb + " MB (see [Corpora](../benchmarks.md#corpora))");
    } else {
      // The synthetic corpus alone (a long run at 1M) keeps a page of its own.
      doc.page("PeerBench-synthetic-" + BenchDoc.countLabel(synthetic));
    }
    if (synthetic > 0) {
      doc.corpus(String.format(Locale.ROOT, "%,d synthetic articles (SyntheticCorpus, seed 42),"
          + " repeated to at least %d MB", synthetic, minMb));
    }
    BenchDoc.Table figures = doc.table(String.format(Locale.ROOT, "Medians of rounds 2-%d"
        + " (round 1 dropped), %d indexing threads / 2 bulk clients", rounds, threads),
        "corpus", "indexer", "articles", "wall s", "CPU s", "articles/s wall", "articles/s CPU",
        "index MB", "index / opensearch");
    BenchDoc.Table ratios = doc.table("newsindex's ratios (medians of the per-round ratios;"
        + " above 1: newsindex faster or smaller)", "corpus", "articles/s wall / opensearch",
        "articles/s CPU / opensearch", "articles/s wall / bare english",
        "articles/s CPU / bare english", "index size opensearch / newsindex");
    BenchDoc.Table parts = doc.table("newsindex's index by part (MB; Lucene files by extension)",
        "corpus", "stored text (fdt fdx fdm)", "postings (tim tip tmd doc pos psm)",
        "doc values (dvd dvm)", "points (kdd kdi kdm)", "norms (nvd nvm)", "other",
        "signatures (in doc values)", "vocabulary field");

    OpenSearch os = null;
    try {
      if (indexers.contains(OS)) {
        os = OpenSearch.start(work.resolve("os"), port, osHeap);
      }
      for (Path source : sources) {
        String name = source.startsWith(work) ? "synthetic-" + synthetic
            : source.getParent().getFileName().toString();
        Path input = work.resolve(name + ".jsonl");
        Path bulk = work.resolve(name + ".bulk");
        long articles = repeat(source, minMb << 20, input, bulk);
        System.out.printf(Locale.ROOT, "%s: %,d articles, %.0f MB%n", name, articles,
            Files.size(input) / 1048576.0);
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        indexers.forEach(x -> runs.put(x, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
          for (int k = 0; k < indexers.size(); k++) {
            String indexer = indexers.get((k + r) % indexers.size());
            Path dir = work.resolve(name + "-" + indexer.replace(' ', '-'));
            Run run = switch (indexer) {
              case OS -> os.index(bulk);
              case ENGLISH -> bare(input, dir, threads, new EnglishAnalyzer());
              case STANDARD -> bare(input, dir, threads, new StandardAnalyzer());
              default -> newsindex(input, dir, threads);
            };
            System.out.printf(Locale.ROOT, "  round %d %-14s %,9d articles %7.1f s %7.1f CPU s"
                + " %7.1f MB%n", r + 1, indexer, run.articles(), run.seconds(), run.cpuSeconds(),
                run.indexBytes() / 1048576.0);
            if (r > 0) {
              runs.get(indexer).add(run);
            }
          }
        }
        report(name, runs, figures, ratios);
        if (runs.get(NEWS) != null) {
          parts(name, work.resolve(name + "-newsindex"), parts);
        }
        for (String indexer : indexers) {
          if (!indexer.equals(OS)) {
            delete(work.resolve(name + "-" + indexer.replace(' ', '-')));
          }
        }
        Files.deleteIfExists(input);
        delete(bulk);
      }
    } finally {
      if (os != null) {
        os.close();
      }
    }
    doc.write();
  }

  private static void report(String name, Map<String, List<Run>> runs, BenchDoc.Table figures,
      BenchDoc.Table ratios) {
    List<Run> os = runs.get(OS);
    double osBytes = os == null ? Double.NaN : median(os, r -> (double) r.indexBytes());
    for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
      List<Run> rs = e.getValue();
      double wall = median(rs, Run::seconds);
      double cpu = median(rs, Run::cpuSeconds);
      double bytes = median(rs, r -> (double) r.indexBytes());
      long articles = rs.get(0).articles();
      String[] row = {name, e.getKey(), String.format(Locale.ROOT, "%,d", articles),
          f1(wall), f1(cpu), String.format(Locale.ROOT, "%,.0f", articles / wall),
          String.format(Locale.ROOT, "%,.0f", articles / cpu), f1(bytes / 1048576.0),
          os == null ? "" : f2(bytes / osBytes)};
      figures.row((Object[]) row);
      System.out.println("  " + String.join(" | ", row));
    }
    List<Run> news = runs.get(NEWS);
    List<Run> english = runs.get(ENGLISH);
    if (news == null || english == null) {
      return;
    }
    String[] row = {name,
        os == null ? "" : f2(medianRatio(news, os, Run::seconds)),
        os == null ? "" : f2(medianRatio(news, os, Run::cpuSeconds)),
        f2(medianRatio(news, english, Run::seconds)),
        f2(medianRatio(news, english, Run::cpuSeconds)),
        os == null ? "" : f2(osBytes / median(news, r -> (double) r.indexBytes()))};
    ratios.row((Object[]) row);
    System.out.println("  ratios: " + String.join(" | ", row));
  }

  /** The median over rounds of other's time / news's time: newsindex's rate relative to other. */
  private static double medianRatio(List<Run> news, List<Run> other, Function<Run, Double> time) {
    double[] r = new double[Math.min(news.size(), other.size())];
    for (int i = 0; i < r.length; i++) {
      r[i] = (time.apply(other.get(i)) / other.get(i).articles())
          / (time.apply(news.get(i)) / news.get(i).articles());
    }
    return median(r);
  }

  private static double median(List<Run> runs, Function<Run, Double> value) {
    return median(runs.stream().mapToDouble(value::apply).toArray());
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /**
   * Writes {@code source}'s articles again and again with new ids into {@code out} (JSON Lines)
   * and {@code bulk} (a directory of OpenSearch bulk bodies) until {@code out} holds {@code
   * minBytes}; returns how many articles it wrote.
   */
  static long repeat(Path source, long minBytes, Path out, Path bulk) throws IOException {
    delete(bulk);
    Files.createDirectories(bulk);
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        JsonGenerator g = NewsJson.generator(o); Bulk requests = new Bulk(bulk)) {
      // Each pass reads the source again: a corpus larger than the heap (the synthetic 1M) is
      // never held in memory.
      for (int k = 0; k == 0 || Files.size(out) < minBytes; k++) {
        String suffix = "-" + k;
        Ingest.readFile(source, new ArticleHandler() {
          @Override
          public void article(Article a, Origin origin) throws IOException {
            Article copy = a.toBuilder().id(a.id() + suffix).build();
            NewsJson.article(g, copy);
            g.writeRaw('\n');
            requests.add(copy);
          }

          @Override
          public void rejected(Origin origin, String reason) {}
        });
        g.flush();
      }
      return requests.count;
    }
  }

  /** The OpenSearch bulk files of {@link #repeat}: {@value #BULK} index requests per file. */
  private static final class Bulk implements java.io.Closeable {
    private final Path dir;
    private long count;
    private int chunk;
    private OutputStream out;
    private JsonGenerator g;

    Bulk(Path dir) {
      this.dir = dir;
    }

    void add(Article a) throws IOException {
      if (count % BULK == 0) {
        close();
        out = new BufferedOutputStream(Files.newOutputStream(
            dir.resolve(String.format(Locale.ROOT, "%06d.ndjson", chunk++))), 1 << 16);
        g = NewsJson.generator(out);
      }
      g.writeStartObject();
      g.writeObjectFieldStart("index");
      g.writeStringField("_id", a.id());
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
      NewsJson.article(g, a);
      g.writeRaw('\n');
      count++;
    }

    @Override
    public void close() throws IOException {
      if (g != null) {
        g.close();
        out.close();
        g = null;
      }
    }
  }

  static Run newsindex(Path input, Path dir, int threads) throws IOException {
    delete(dir);
    double cpu = cpuSeconds();
    long started = System.nanoTime();
    IngestSummary summary;
    try (NewsIndex index = NewsIndex.openOrCreate(dir, IndexSettings.DEFAULT)) {
      summary = index.ingest(List.of(input), IngestOptions.defaults().withThreads(threads),
          IngestListener.NONE);
    }
    return new Run(summary.articles(), (System.nanoTime() - started) / 1e9, cpuSeconds() - cpu,
        IndexBench.size(dir));
  }

  /**
   * Bare Lucene with {@code analyzer} on title and body, newsindex's writer configuration, the
   * same stored fields, keyword terms, dates and doc values, none of its features.
   */
  static Run bare(Path input, Path dir, int threads, Analyzer analyzer) throws Exception {
    delete(dir);
    double cpu = cpuSeconds();
    long started = System.nanoTime();
    AtomicLong count = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(threads * 4);
    List<Future<?>> pending = new ArrayList<>();
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, ArticleWriter.config(analyzer,
            IndexWriterConfig.OpenMode.CREATE, Compression.FAST))) {
      List<List<Article>> batch = new ArrayList<>(List.of(new ArrayList<>()));
      Runnable send = () -> {
        List<Article> articles = batch.set(0, new ArrayList<>());
        inFlight.acquireUninterruptibly();
        pending.add(pool.submit(() -> {
          try {
            for (Article a : articles) {
              writer.addDocument(document(a));
              count.incrementAndGet();
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            inFlight.release();
          }
        }));
        if (pending.size() > 1024) {
          pending.removeIf(Future::isDone);
        }
      };
      Ingest.readFile(input, new ArticleHandler() {
        @Override
        public void article(Article article, Origin origin) {
          batch.get(0).add(article);
          if (batch.get(0).size() == 64) {
            send.run();
          }
        }

        @Override
        public void rejected(Origin origin, String reason) {}
      });
      send.run();
      pool.shutdown();
      for (Future<?> f : pending) {
        f.get();
      }
      writer.commit();
    } finally {
      pool.shutdownNow();
    }
    return new Run(count.get(), (System.nanoTime() - started) / 1e9, cpuSeconds() - cpu,
        IndexBench.size(dir));
  }

  /** newsindex's fields without its features: analysed title and body, stored fields, keywords. */
  static Document document(Article a) {
    Document doc = new Document();
    doc.add(new StringField(NewsSchema.ID, a.id(), Field.Store.YES));
    doc.add(new TextField(NewsSchema.TITLE, a.title(), Field.Store.YES));
    doc.add(new TextField(NewsSchema.BODY, a.body(), Field.Store.YES));
    if (a.date() != null) {
      long day = a.date().toEpochDay();
      doc.add(new LongPoint(NewsSchema.DATE, day));
      doc.add(new NumericDocValuesField(NewsSchema.DATE, day));
      doc.add(new StoredField(NewsSchema.DATE, day));
    }
    if (!a.source().isEmpty()) {
      keyword(doc, NewsSchema.SOURCE, a.source());
    }
    if (!a.url().isEmpty()) {
      doc.add(new StoredField(NewsSchema.URL, a.url()));
    }
    for (Map.Entry<String, Function<Article, List<String>>> label
        : NewsSchema.LABEL_FIELDS.entrySet()) {
      for (String value : label.getValue().apply(a)) {
        keyword(doc, label.getKey(), value);
      }
    }
    for (Map.Entry<String, String> e : a.metadata().entrySet()) {
      doc.add(new StoredField(NewsSchema.METADATA_PREFIX + e.getKey(), e.getValue()));
    }
    return doc;
  }

  private static void keyword(Document doc, String field, String value) {
    doc.add(new StringField(field, NewsSchema.keywordTerm(value), Field.Store.NO));
    doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    doc.add(new StoredField(field, value));
  }

  /** newsindex's index by part: file bytes by extension, and its signatures and vocabulary. */
  static void parts(String name, Path dir, BenchDoc.Table table) throws IOException {
    Map<String, Long> byExtension = new TreeMap<>();
    long signatures = 0;
    long vocabularyTerms = 0;
    long vocabularyPostings = 0;
    try (FSDirectory fs = FSDirectory.open(dir)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(fs);
      for (String file : fs.listAll()) {
        if (!file.startsWith("segments") && !file.endsWith(".cfs") && !file.endsWith(".cfe")
            && !file.equals("write.lock")) {
          byExtension.merge(extension(file), fs.fileLength(file), Long::sum);
        }
      }
      byExtension.merge("segments", fs.fileLength(infos.getSegmentsFileName()), Long::sum);
      for (SegmentCommitInfo sci : infos) {
        if (sci.info.getUseCompoundFile()) {
          try (CompoundDirectory cfs = sci.info.getCodec().compoundFormat()
              .getCompoundReader(fs, sci.info)) {
            for (String file : cfs.listAll()) {
              byExtension.merge(extension(file), cfs.fileLength(file), Long::sum);
            }
          }
          // the compound file's own header and table of entries
          long inner = 0;
          for (String file : sci.info.files()) {
            if (file.endsWith(".cfs") || file.endsWith(".cfe")) {
              inner += fs.fileLength(file);
            }
          }
          byExtension.merge("cfs", inner, Long::sum);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(fs)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          BinaryDocValues minhash = leaf.reader().getBinaryDocValues(NewsSchema.MINHASH);
          if (minhash != null) {
            while (minhash.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
              signatures += minhash.binaryValue().length;
            }
          }
          Terms words = leaf.reader().terms(NewsSchema.WORDS);
          if (words != null) {
            vocabularyTerms += words.size();
            vocabularyPostings += words.getSumDocFreq();
          }
        }
      }
    }
    // Compound files are counted by what is inside them; their own size is reported apart.
    long cfsFiles = byExtension.getOrDefault("cfs", 0L);
    byExtension.remove("cfs");
    long stored = sum(byExtension, "fdt", "fdx", "fdm");
    long postings = sum(byExtension, "tim", "tip", "tmd", "doc", "pos", "pay", "psm");
    long docValues = sum(byExtension, "dvd", "dvm");
    long points = sum(byExtension, "kdd", "kdi", "kdm");
    long norms = sum(byExtension, "nvd", "nvm");
    long all = byExtension.values().stream().mapToLong(Long::longValue).sum();
    long other = all - stored - postings - docValues - points - norms;
    String[] row = {name, mb(stored), mb(postings), mb(docValues), mb(points), mb(norms),
        mb(other), mb(signatures) + " (raw)", String.format(Locale.ROOT,
            "%,d terms, %,d postings (in postings)", vocabularyTerms, vocabularyPostings)};
    table.row((Object[]) row);
    System.out.println("  parts: " + String.join(" | ", row) + " (compound file bytes "
        + mb(cfsFiles) + ")");
  }

  private static long sum(Map<String, Long> m, String... extensions) {
    long s = 0;
    for (String e : extensions) {
      s += m.getOrDefault(e, 0L);
    }
    return s;
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(dot + 1);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  /** The CPU time this process has used, merge and other background threads included. */
  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A one-node OpenSearch started by scripts/opensearch.sh; {@link #close} stops it. */
  static final class OpenSearch implements AutoCloseable {
    private static final String MAPPING = """
        {"settings":{"number_of_shards":1,"number_of_replicas":0,"refresh_interval":"-1"},
         "mappings":{"dynamic":false,"properties":{
          "id":{"type":"keyword"},
          "title":{"type":"text","analyzer":"english"},
          "body":{"type":"text","analyzer":"english"},
          "date":{"type":"date"},
          "source":{"type":"keyword"},
          "url":{"type":"keyword","index":false,"doc_values":false},
          "category":{"type":"keyword"},"topic":{"type":"keyword"},"place":{"type":"keyword"},
          "author":{"type":"keyword"},"lang":{"type":"keyword"}}}}""";
    private final Path dir;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private OpenSearch(Path dir, String url) {
      this.dir = dir;
      this.url = url;
    }

    static OpenSearch start(Path dir, int port, String heap) throws IOException,
        InterruptedException {
      ClusterBench.Nodes node = ClusterBench.Nodes.start(Path.of(System.getProperty("user.dir")),
          dir, 1, port, "--heap", heap);
      return new OpenSearch(dir, node.urls().split(",")[0]);
    }

    private String send(String method, String path, HttpRequest.BodyPublisher body)
        throws IOException, InterruptedException {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path))
          .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson"
              : "application/json")
          .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300 && !(method.equals("DELETE") && r.statusCode() == 404)) {
        throw new IOException(method + " " + path + ": " + r.statusCode() + " "
            + r.body().substring(0, Math.min(300, r.body().length())));
      }
      return r.body();
    }

    private long nodeCpuMillis() throws IOException, InterruptedException {
      Matcher m = NODE_CPU.matcher(send("GET", "/_nodes/stats/process",
          HttpRequest.BodyPublishers.noBody()));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** A fresh index, the bulk files sent by 2 clients, then a flush. */
    Run index(Path bulk) throws Exception {
      send("DELETE", "/news", HttpRequest.BodyPublishers.noBody());
      send("PUT", "/news", HttpRequest.BodyPublishers.ofString(MAPPING));
      List<Path> files;
      try (Stream<Path> s = Files.list(bulk)) {
        files = s.sorted().toList();
      }
      double cpu = cpuSeconds();
      long node = nodeCpuMillis();
      long started = System.nanoTime();
      ExecutorService clients = Executors.newFixedThreadPool(2);
      AtomicLong next = new AtomicLong();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        done.add(clients.submit(() -> {
          for (int i = (int) next.getAndIncrement(); i < files.size();
              i = (int) next.getAndIncrement()) {
            String body = send("POST", "/news/_bulk",
                HttpRequest.BodyPublishers.ofFile(files.get(i)));
            if (body.startsWith("{\"took\"") && body.contains("\"errors\":true")) {
              throw new IOException("bulk request with errors: "
                  + body.substring(0, Math.min(500, body.length())));
            }
          }
          return null;
        }));
      }
      try {
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        clients.shutdownNow();
      }
      send("POST", "/news/_flush", HttpRequest.BodyPublishers.noBody());
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuUsed = (nodeCpuMillis() - node) / 1e3 + cpuSeconds() - cpu;
      send("POST", "/news/_refresh", HttpRequest.BodyPublishers.noBody());
      String count = send("GET", "/news/_count", HttpRequest.BodyPublishers.noBody());
      Matcher c = Pattern.compile("\"count\":(\\d+)").matcher(count);
      long articles = c.find() ? Long.parseLong(c.group(1)) : 0;
      Matcher m = STORE.matcher(send("GET", "/_cat/indices/news?h=store.size&bytes=b",
          HttpRequest.BodyPublishers.noBody()));
      long bytes = m.find() ? Long.parseLong(m.group(1)) : 0;
      return new Run(articles, seconds, cpuUsed, bytes);
    }

    @Override
    public void close() throws IOException {
      ClusterBench.Nodes.stop(dir);
    }
  }
}
