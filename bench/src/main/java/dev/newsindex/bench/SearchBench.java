package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.NewsIndex;
import dev.newsindex.index.ArticleWriter;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.internal.ArticleSearcher;
import dev.newsindex.search.internal.TextScoring;
import dev.newsindex.search.Facet;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SortOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Search latency of newsindex beside bare Lucene on the same articles, in the same JVM.
 *
 * <p>{@code bench/run SearchBench [--count N] [--index DIR] [--rounds R] [--build-only]} builds (once)
 * an index of N {@link SyntheticCorpus} articles (seed 42) in DIR, then runs each query class: each
 * request goes to {@link NewsIndex#search}, and the query it runs (parsed once, as newsindex parses
 * it, with the index's query analyzer; filters included) to a bare {@link IndexSearcher#search}
 * with the same similarity that also loads the stored fields of its top 10 (and, for the classes
 * with passages, searches a copy of the articles with offsets in the postings, {@link
 * #offsetsCopy}, and highlights its top 10 from them with a default {@link UnifiedHighlighter}),
 * alternating query by query, each side first half of the time, so that both see the same noise
 * and caches. It prints the median and p99 latency per class and the ratio of the medians, and
 * writes them to {@code docs/benchmarks/SearchBench-SIZE.md} (SIZE: N as 100k, 1M).
 */
public final class SearchBench {
  private static final String[] PHRASES = {"north korea", "central bank", "united states",
      "oil prices", "interest rates", "prime minister", "climate change", "trade talks",
      "peace talks", "artificial intelligence", "police arrested", "nuclear missile"};

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    long count = 1_000_000;
    Path dir = null;
    int rounds = 5;
    boolean buildOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--count" -> count = Long.parseLong(args[++i]);
        case "--index" -> dir = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--build-only" -> buildOnly = true;
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (dir == null) {
      dir = Path.of(System.getProperty("java.io.tmpdir"), "newsindex-bench-" + count);
    }
    if (!NewsIndex.exists(dir)) {
      build(dir, count, 0);
    } else {
      long have;
      try (NewsIndex existing = NewsIndex.open(dir)) {
        have = existing.size();
      } catch (dev.newsindex.IncompatibleIndexException e) {
        // Cached by a build of another schema: made again (it would be searched wrongly).
        System.out.println("the cached index has another schema; building it again");
        have = 0;
      }
      if (have < count) {
        // An interrupted build continues where its last commit ended.
        build(dir, count, have);
      }
    }
    Path offsets = offsetsCopy(dir);
    if (buildOnly) {
      return;
    }
    // One page per index size (SearchBench-100k, SearchBench-1M), so that each keeps its figures.
    String size = BenchDoc.countLabel(count);
    BenchDoc doc = BenchDoc.create("SearchBench", "Search latency of newsindex beside bare Lucene"
        + " given the same parsed query, on the same articles, in the same JVM.", args)
        .page("SearchBench-" + size);
    doc.corpus(String.format(Locale.ROOT, "%,d synthetic articles (SyntheticCorpus, seed 42)",
        count));
    run(dir, offsets, rounds, doc);
    doc.write();
  }

  /**
   * Writes {@code count} synthetic articles with two indexing threads (segments as the default merge
   * policy leaves them, stored fields compressed as a new index's are), committing every 100,000.
   */
  static void build(Path dir, long count, long from) throws Exception {
    long started = System.nanoTime();
    System.out.printf(Locale.ROOT, "building %,d articles in %s from %,d ...%n", count, dir, from);
    Files.createDirectories(dir);
    // newsindex's own writer configuration (codec and stored-fields compression included), so
    // that stored fields are read back as fast as from an index newsindex made.
    IndexWriterConfig config = ArticleWriter.config(NewsSchema.analyzer(),
        from == 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND,
        IndexSettings.DEFAULT.compression()).setRAMBufferSizeMB(512);
    try (FSDirectory fs = FSDirectory.open(dir); IndexWriter w = new IndexWriter(fs, config)) {
      Iterator<Article> articles = SyntheticCorpus.articles(count, 42).iterator();
      for (long skip = 0; skip < from; skip++) {
        articles.next(); // the same deterministic stream, so the index continues it
      }
      AtomicLong done = new AtomicLong(from);
      onTwoThreads(thread -> {
        while (true) {
          Article a;
          synchronized (articles) {
            if (!articles.hasNext()) {
              return;
            }
            a = articles.next();
          }
          w.addDocument(NewsSchema.toDocument(a));
          long n = done.incrementAndGet();
          if (n % 100_000 == 0) {
            // A commit per 100,000: a build cut short still leaves a usable index. Never
            // lock on the IndexWriter itself: it synchronises on its own monitor (deadlock).
            synchronized (done) {
              w.setLiveCommitData(NewsSchema.commitData().entrySet());
              w.commit();
            }
            System.out.printf(Locale.ROOT, "  %,d articles committed, %.0f s%n", n,
                (System.nanoTime() - started) / 1e9);
          }
        }
      });
      w.setLiveCommitData(NewsSchema.commitData().entrySet());
      w.commit();
    }
    System.out.printf(Locale.ROOT, "built in %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  /**
   * The bare side's index for the classes with passages: the articles of {@code dir} again, title
   * and body with offsets in their postings (so its highlighter reads them there instead of
   * analysing the text again), every other stored field stored as it is, with newsindex's writer
   * configuration. Made once beside {@code dir} ({@code DIR-offsets}), and again when {@code dir}
   * holds other articles.
   */
  static Path offsetsCopy(Path dir) throws Exception {
    Path copy = dir.resolveSibling(dir.getFileName() + "-offsets");
    try (FSDirectory from = FSDirectory.open(dir); DirectoryReader source = DirectoryReader.open(from)) {
      try (FSDirectory to = FSDirectory.open(copy)) {
        if (DirectoryReader.indexExists(to)) {
          try (DirectoryReader made = DirectoryReader.open(to)) {
            if (made.numDocs() == source.numDocs()) {
              return copy;
            }
          }
        }
      }
      long started = System.nanoTime();
      System.out.printf(Locale.ROOT, "copying %,d articles to %s, with offsets ...%n",
          source.numDocs(), copy);
      FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
      withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
      withOffsets.freeze();
      IndexWriterConfig config = ArticleWriter.config(NewsSchema.analyzer(),
          IndexWriterConfig.OpenMode.CREATE, IndexSettings.DEFAULT.compression())
          .setRAMBufferSizeMB(512);
      try (FSDirectory to = FSDirectory.open(copy); IndexWriter w = new IndexWriter(to, config)) {
        for (LeafReaderContext leaf : source.leaves()) {
          onTwoThreads(first -> {
            StoredFields fields = leaf.reader().storedFields(); // one per thread: not shared
            Bits live = leaf.reader().getLiveDocs();
            for (int d = first; d < leaf.reader().maxDoc(); d += THREADS) {
              if (live != null && !live.get(d)) {
                continue;
              }
              Document copied = new Document();
              for (IndexableField f : fields.document(d)) {
                boolean text = NewsSchema.TITLE.equals(f.name())
                    || NewsSchema.BODY.equals(f.name());
                if (text && f.stringValue() != null) {
                  copied.add(new Field(f.name(), f.stringValue(), withOffsets));
                } else if (f.stringValue() != null) {
                  copied.add(new StoredField(f.name(), f.stringValue()));
                } else if (f.numericValue() instanceof Integer v) {
                  copied.add(new StoredField(f.name(), v));
                } else if (f.numericValue() instanceof Long v) {
                  copied.add(new StoredField(f.name(), v));
                } else if (f.numericValue() instanceof Float v) {
                  copied.add(new StoredField(f.name(), v));
                } else if (f.numericValue() instanceof Double v) {
                  copied.add(new StoredField(f.name(), v));
                } else if (f.binaryValue() != null) {
                  copied.add(new StoredField(f.name(), f.binaryValue()));
                }
              }
              w.addDocument(copied);
            }
          });
        }
        w.forceMerge(source.leaves().size());
        w.commit();
      }
      System.out.printf(Locale.ROOT, "copied in %.0f s%n", (System.nanoTime() - started) / 1e9);
      return copy;
    }
  }

  /** Threads that build and copy the indexes: both cores. */
  private static final int THREADS = 2;

  /** What each of {@link #onTwoThreads}'s threads does, given its number. */
  interface Work {
    void run(int thread) throws IOException;
  }

  /**
   * Runs {@code work} on {@link #THREADS} threads of a pool and waits for them; rethrows the first
   * failure, whatever its kind.
   */
  static void onTwoThreads(Work work) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<Void>> each = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int number = t;
        each.add(pool.submit(() -> {
          work.run(number);
          return null;
        }));
      }
      for (Future<Void> f : each) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
  }

  /** One class of queries: how to make the i-th request. */
  record QueryClass(String name, List<SearchRequest> requests) {}

  static List<QueryClass> classes() {
    SplittableRandom r = new SplittableRandom(7);
    int n = 40;
    List<SearchRequest> term = new ArrayList<>();
    List<SearchRequest> and = new ArrayList<>();
    List<SearchRequest> or = new ArrayList<>();
    List<SearchRequest> phrase = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String a = word(r);
      String b = word(r);
      term.add(plain(a));
      and.add(plain(a + " " + b));
      or.add(plain(a + " " + b).toBuilder().matchAll(false).build());
      phrase.add(plain("\"" + PHRASES[i % PHRASES.length] + "\""));
    }
    List<QueryClass> out = new ArrayList<>();
    out.add(new QueryClass("term", term));
    out.add(new QueryClass("AND", and));
    out.add(new QueryClass("OR", or));
    out.add(new QueryClass("phrase", phrase));
    out.add(new QueryClass("date-filtered", map(term, q -> q.toBuilder()
        .since(LocalDate.of(2010 + q.query().length() % 10, 1, 1))
        .until(LocalDate.of(2010 + q.query().length() % 10, 12, 31)).build())));
    out.add(new QueryClass("sorted by date", map(term, q -> q.toBuilder()
        .sort(SortOrder.NEWEST).build())));
    out.add(new QueryClass("AND + snippets", map(and, q -> q.toBuilder().passages(3).build())));
    out.add(new QueryClass("term + snippets", map(term, q -> q.toBuilder().passages(3).build())));
    out.add(new QueryClass("term + facets", map(term, q -> q.toBuilder()
        .facets(Facet.SOURCE, Facet.MONTH).build())));
    out.add(new QueryClass("AND + snippets + facets", map(and, q -> q.toBuilder().passages(3)
        .facets(Facet.SOURCE, Facet.MONTH).build())));
    return out;
  }

  private static SearchRequest plain(String query) {
    return SearchRequest.builder(query).limit(10).passages(0).suggest(false).build();
  }

  private static List<SearchRequest> map(List<SearchRequest> in, UnaryOperator<SearchRequest> f) {
    return in.stream().map(f).toList();
  }

  private static String word(SplittableRandom r) {
    return SyntheticCorpus.NEWS_WORDS[r.nextInt(SyntheticCorpus.NEWS_WORDS.length)];
  }

  static void run(Path dir, Path offsets, int rounds, BenchDoc doc) throws IOException {
    try (NewsIndex index = NewsIndex.open(dir);
        FSDirectory fs = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(fs);
        FSDirectory copyFs = FSDirectory.open(offsets);
        DirectoryReader copyReader = DirectoryReader.open(copyFs)) {
      IndexSettings settings = index.settings();
      IndexSearcher same = new IndexSearcher(reader);
      // The similarity newsindex ranks with, so that top-k skipping prunes alike.
      same.setSimilarity(TextScoring.DEFAULT.similarity(settings.k1(), settings.b()));
      IndexSearcher copy = new IndexSearcher(copyReader);
      copy.setSimilarity(same.getSimilarity());
      if (!hasOffsets(copyReader)) {
        throw new IllegalStateException(offsets + " has no offsets in its postings");
      }
      // The copy's highlighter reads the offsets from its postings.
      UnifiedHighlighter copyHighlighter = UnifiedHighlighter.builder(copy,
          NewsSchema.analyzer(settings)).build();
      // Parsed with the query analyzer newsindex parses with (query-time synonyms included), so
      // that both sides run the same query: with the index analyzer, "north korea" would be two
      // words for the bare side but also DPRK and its other aliases for newsindex.
      ArticleSearcher parser = new ArticleSearcher(same, NewsSchema.queryAnalyzer(settings),
          NewsSchema.analyzer(settings));
      System.out.printf(Locale.ROOT, "index %s: %,d articles, %d segments; %d rounds%n", dir,
          reader.numDocs(), reader.leaves().size(), rounds);
      System.out.printf(Locale.ROOT, "%-26s %12s %12s %12s %12s %8s%n", "class (top 10)",
          "bare p50 ms", "bare p99 ms", "news p50 ms", "news p99 ms", "ratio");
      BenchDoc.Table table = doc.table(String.format(Locale.ROOT, "Latency (%,d articles, %d"
          + " segments; 40 queries per class x %d rounds, after 2 warm-up passes)",
          reader.numDocs(), reader.leaves().size(), rounds), "class (top 10)",
          "bare Lucene p50 ms", "p99 ms", "newsindex p50 ms", "p99 ms", "ratio of medians");
      doc.note("The bare side is handed the query newsindex parsed (with the index's query"
          + " analyzer, filters included), ranks with the same similarity and loads"
          + " the stored fields of its top 10; the two run query by query, each first half of the"
          + " time. For the classes without passages it searches the same index; for the"
          + " snippet classes it searches a copy of the same articles whose title and body hold"
          + " offsets in their postings (" + String.format(Locale.ROOT, "%.0f", sizeMb(offsets))
          + " MB beside newsindex's " + String.format(Locale.ROOT, "%.0f", sizeMb(dir))
          + " MB) and highlights title (one passage) and body (the passages asked for) of its"
          + " top 10 from them, in one call of a default UnifiedHighlighter; newsindex, whose"
          + " postings have no offsets, analyses the text of its top 10 again."
          + " It never counts facets, so for the facet classes the ratio is their whole cost.");
      // JIT warm-up over every class first, so that the first class measured is not penalised.
      for (int pass = 0; pass < 2; pass++) {
        for (QueryClass c : classes()) {
          for (SearchRequest q : c.requests()) {
            bare(q.passages() > 0 ? copy : same, copyHighlighter, parser.filtered(q), null,
                q.passages());
            index.search(q);
          }
        }
      }
      for (QueryClass c : classes()) {
        List<Query> queries = new ArrayList<>();
        List<Sort> sorts = new ArrayList<>();
        for (SearchRequest q : c.requests()) {
          queries.add(parser.filtered(q));
          sorts.add(q.sort() == SortOrder.RELEVANCE ? null : new Sort(new SortField(
              NewsSchema.DATE, SortField.Type.LONG, true), SortField.FIELD_DOC));
        }
        // Warm-up: one untimed pass of each.
        for (int i = 0; i < queries.size(); i++) {
          bare(c.requests().get(i).passages() > 0 ? copy : same, copyHighlighter, queries.get(i),
              sorts.get(i), c.requests().get(i).passages());
          index.search(c.requests().get(i));
        }
        double[] bareMs = new double[queries.size() * rounds];
        double[] newsMs = new double[queries.size() * rounds];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
          for (int i = 0; i < queries.size(); i++) {
            // Each side goes first half of the time: the second finds the query's postings and
            // stored blocks in the CPU caches (worth about 10% on the term class).
            boolean bareFirst = (i + round) % 2 == 0;
            if (bareFirst) {
              bareMs[k] = timeBare(c.requests().get(i).passages() > 0 ? copy : same, copyHighlighter,
                  queries.get(i), sorts.get(i),
                  c.requests().get(i).passages());
            }
            long t0 = System.nanoTime();
            index.search(c.requests().get(i));
            newsMs[k] = (System.nanoTime() - t0) / 1e6;
            if (!bareFirst) {
              bareMs[k] = timeBare(c.requests().get(i).passages() > 0 ? copy : same, copyHighlighter,
                  queries.get(i), sorts.get(i),
                  c.requests().get(i).passages());
            }
            k++;
          }
        }
        double bp50 = percentile(bareMs, 50);
        double np50 = percentile(newsMs, 50);
        System.out.printf(Locale.ROOT, "%-26s %12.2f %12.2f %12.2f %12.2f %8.2f%n", c.name(),
            bp50, percentile(bareMs, 99), np50, percentile(newsMs, 99), np50 / bp50);
        table.row(c.name(), ms(bp50), ms(percentile(bareMs, 99)), ms(np50),
            ms(percentile(newsMs, 99)), String.format(Locale.ROOT, "%.2f", np50 / bp50));
      }
    }
  }

  /** Milliseconds {@link #bare} takes. */
  private static double timeBare(IndexSearcher s, UnifiedHighlighter highlighter, Query q,
      Sort sort, int passages) throws IOException {
    long t0 = System.nanoTime();
    bare(s, highlighter, q, sort, passages);
    return (System.nanoTime() - t0) / 1e6;
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /**
   * Bare Lucene: the same query, top 10, the stored fields of those 10, and with {@code passages}
   * above 0 their title and body highlighted by {@code highlighter}.
   */
  private static int bare(IndexSearcher s, UnifiedHighlighter highlighter, Query q, Sort sort,
      int passages) throws IOException {
    TopDocs top = sort == null ? s.search(q, 10) : s.search(q, 10, sort);
    StoredFields stored = s.storedFields();
    int n = 0;
    for (ScoreDoc d : top.scoreDocs) {
      n += stored.document(d.doc).getFields().size();
    }
    if (passages > 0 && top.scoreDocs.length > 0) {
      int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
      Map<String, String[]> marked = highlighter.highlightFields(
          new String[] {NewsSchema.TITLE, NewsSchema.BODY}, q, docs, new int[] {1, passages});
      n += marked.size();
    }
    return n;
  }

  /** The size of the files of the index in {@code dir}, in MB. */
  private static double sizeMb(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum() / 1e6;
    }
  }

  /** Whether the body's postings hold offsets (the highlighters then read them there). */
  private static boolean hasOffsets(DirectoryReader reader) {
    for (var leaf : reader.leaves()) {
      var info = leaf.reader().getFieldInfos().fieldInfo(NewsSchema.BODY);
      if (info != null && info.getIndexOptions().compareTo(
          org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0) {
        return true;
      }
    }
    return false;
  }

  static double percentile(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, i))];
  }
}
