package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.NewsIndex;
import dev.newsindex.Stemmer;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.analysis.NewsSynonyms;
import dev.newsindex.analysis.StemGuard;
import dev.newsindex.eval.Baselines;
import dev.newsindex.eval.Evaluation;
import dev.newsindex.eval.Evaluator;
import dev.newsindex.eval.Measures;
import dev.newsindex.eval.Qrels;
import dev.newsindex.eval.Run;
import dev.newsindex.eval.Topic;
import dev.newsindex.eval.Topics;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.Ranked;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.internal.ArticleSearcher;
import dev.newsindex.search.internal.TextScoring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The relevance tables: MAP, nDCG@10, P@10 and recall@1000 on every judged collection there is
 * (TIME with its own judgments; Reuters-21578 and BBC with the topics and qrels in {@code
 * bench/relevance/}), for bare Lucene (StandardAnalyzer; EnglishAnalyzer with title and body as
 * separate fields, the Anserini-style Porter baseline) and newsindex's default, with the queries
 * whose average precision differs; then what each part of the analysis does, and the headline
 * scoring tuned on one collection and reported on the others.
 *
 * <p>{@code bench/run RelevanceReport [--corpora DIR] [--relevance DIR] [--tune NAME] [--quick]
 * [--out FILE]}: {@code DIR} holds the corpora ({@code time/}, {@code reuters21578/}, {@code bbc/},
 * default {@code ../shared/corpora}), {@code --relevance} the topics and qrels of the collections
 * without their own (default {@code bench/relevance}); a collection whose files are missing is
 * left out with a line saying so. {@code --tune} names the collection the headline scoring is
 * tuned on (default {@code reuters}); {@code --quick} prints only the main tables. The tables are
 * also written to {@code FILE} (default {@code docs/benchmarks/RelevanceReport.md}).
 */
public final class RelevanceReport {
  /** Held so java.util.logging keeps the level: Lucene's vector-module notice is noise here. */
  private static final java.util.logging.Logger LUCENE_LOGGER =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  private static final float[] TITLE_WEIGHTS = {1f, 2f, 3f, 5f};
  private static final float[] TITLE_BONUSES = {0f, 0.5f, 1f, 2f};
  private static final float[] TITLE_BS = {0.3f, 0.75f};

  /** A judged collection: its articles, its topics and qrels. */
  record Collection(String name, String label, Path docs, Path topics, Path qrels) {}

  private final StringBuilder out = new StringBuilder();
  private Path corpora = Path.of(".");

  private RelevanceReport() {}

  /** Runs the report; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    LUCENE_LOGGER.setLevel(java.util.logging.Level.OFF);
    Path corpora = Path.of("..", "shared", "corpora");
    Path relevance = Path.of("bench", "relevance");
    Path file = Path.of("docs", "benchmarks", "RelevanceReport.md");
    String tune = "reuters";
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--relevance" -> relevance = Path.of(args[++i]);
        case "--tune" -> tune = args[++i];
        case "--out" -> file = Path.of(args[++i]);
        case "--quick" -> quick = true;
        default -> {
          System.err.println("RelevanceReport: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    List<Collection> all = List.of(
        new Collection("time", "TIME (423 TIME articles, 1963; its own queries and judgments)",
            corpora.resolve("time/docs.jsonl"), corpora.resolve("time/queries.tsv"),
            corpora.resolve("time/qrels.txt")),
        new Collection("reuters", "Reuters-21578 (wire stories, 1987; bench/relevance/reuters)",
            corpora.resolve("reuters21578/docs.jsonl"), first(relevance.resolve("reuters"),
                "topics.tsv", "topics.txt", "queries.tsv"), first(relevance.resolve("reuters"),
                "qrels.txt", "qrels", "qrels.tsv")),
        new Collection("bbc", "BBC News (2004-2005; bench/relevance/bbc)",
            corpora.resolve("bbc/docs.jsonl"), first(relevance.resolve("bbc"), "topics.tsv",
                "topics.txt", "queries.tsv"), first(relevance.resolve("bbc"), "qrels.txt",
                "qrels", "qrels.tsv")));
    RelevanceReport report = new RelevanceReport();
    List<Collection> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Collection c : all) {
      if (Files.isRegularFile(c.docs) && Files.isRegularFile(c.topics)
          && Files.isRegularFile(c.qrels)) {
        present.add(c);
      } else {
        missing.add(c.name + " (no " + (Files.isRegularFile(c.docs) ? Files.isRegularFile(c.topics)
            ? c.qrels : c.topics : c.docs) + ")");
      }
    }
    if (present.isEmpty()) {
      System.err.println("RelevanceReport: no judged collection found: " + missing
          + "; pass --corpora DIR (and --relevance DIR)");
      System.exit(2);
    }
    report.corpora = corpora;
    report.header(args, present, missing);
    Path work = Files.createTempDirectory("newsindex-relevance");
    try {
      Map<String, Path> indexes = new LinkedHashMap<>();
      for (Collection c : present) {
        indexes.put(c.name, report.collection(c, work, quick));
      }
      if (!quick) {
        String tuneName = tune;
        Collection tuning = present.stream().filter(c -> c.name.equals(tuneName)).findFirst()
            .orElse(null);
        report.headlines(tuning, present, indexes);
      }
    } finally {
      deleteTree(work);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, report.out.toString(), StandardCharsets.UTF_8);
    System.out.print(report.out);
    System.out.println();
    System.out.println("(written to " + file + ")");
  }

  private static Path first(Path dir, String... names) {
    for (String n : names) {
      if (Files.isRegularFile(dir.resolve(n))) {
        return dir.resolve(n);
      }
    }
    return dir.resolve(names[0]);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  /** A corpus file as the document names it: relative to {@code --corpora DIR}, never a path
   *  outside the repository. */
  private String shown(Path file) {
    Path dir = corpora.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    return f.startsWith(dir) ? "CORPORA/" + dir.relativize(f) : file.toString();
  }

  private void header(String[] args, List<Collection> present, List<String> missing) {
    line("# RelevanceReport");
    line("");
    line("- command: `bench/run RelevanceReport" + (args.length == 0 ? "" : " "
        + String.join(" ", args)) + "`");
    line("- date: " + ZonedDateTime.now(ZoneOffset.UTC).format(
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap, "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    line("- JDK: " + System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    for (Collection c : present) {
      line("- corpus: " + c.label + ": " + shown(c.docs) + ", " + shown(c.topics) + ", "
          + shown(c.qrels));
    }
    for (String m : missing) {
      line("- left out: " + m);
    }
    line("- CORPORA: the directory given by `--corpora DIR` (default: `shared/corpora` beside the repository), holding"
        + " `time/` (TIME collection with its queries and qrels), `reuters21578/` and `bbc/`"
        + " (Reuters-21578 and BBC News as JSON Lines, one article per line)");
    line("- measures as trec_eval -c computes them: the mean over topics with a relevant article;"
        + " nDCG@10 with gain = grade; top 1000; every query any-word (`eval --mode any`)");
    line("");
  }

  /** The main table of one collection, the per-topic differences and the ablations. */
  private Path collection(Collection c, Path work, boolean quick) throws Exception {
    List<Topic> topics = Topics.read(c.topics);
    Qrels qrels = Qrels.read(c.qrels);
    long count;
    try (Stream<String> lines = Files.lines(c.docs)) {
      count = lines.filter(l -> !l.isBlank()).count();
    }
    line("## " + c.label);
    line("");
    line(String.format(Locale.ROOT, "%d articles, %d topics, %d with a relevant article.",
        count, topics.size(), Evaluation.of(new Run(Map.of()), qrels).perQuery().size()));
    line("");
    line("| system | MAP | nDCG@10 | P@10 | R@1000 | judged@10 |");
    line("|---|---|---|---|---|---|");
    Run standardRun = Baselines.run(c.docs, topics, Baselines.Analysis.STANDARD);
    Evaluation standard = Evaluation.of(standardRun, qrels);
    row("Lucene StandardAnalyzer + English stop words, BM25, title and body fields", standard,
        judged10(standardRun, qrels));
    Run porterRun = Baselines.run(c.docs, topics, Baselines.Analysis.PORTER);
    Evaluation porter = Evaluation.of(porterRun, qrels);
    row("Lucene EnglishAnalyzer (Porter), BM25, title and body fields (Anserini-style)", porter,
        judged10(porterRun, qrels));
    Path dir = Files.createTempDirectory(work, c.name);
    Evaluation ours;
    Run ourRun;
    try (NewsIndex index = NewsIndex.openOrCreate(dir, IndexSettings.DEFAULT)) {
      index.ingest(List.of(c.docs), IngestListener.NONE);
      ourRun = Evaluator.run(index, topics);
      ours = Evaluation.of(ourRun, qrels);
    }
    row("**newsindex default**", ours, judged10(ourRun, qrels));
    line("");
    line("judged@10: the share of each top 10 that has a judgment (unjudged stories count as not"
        + " relevant, so a system whose top 10 was not all pooled is measured low, never high; where"
        + " the qrels list only the relevant stories, as TIME's do, it equals P@10).");
    line("");
    line(String.format(Locale.ROOT, "newsindex default vs StandardAnalyzer: MAP %+.4f, nDCG@10"
        + " %+.4f; vs Porter: MAP %+.4f, nDCG@10 %+.4f.", ours.mean().map() - standard.mean()
        .map(), ours.mean().ndcg10() - standard.mean().ndcg10(), ours.mean().map()
        - porter.mean().map(), ours.mean().ndcg10() - porter.mean().ndcg10()));
    line("");
    perTopic(topics, porter, ours);
    if (!quick) {
      ablations(c, topics, qrels, work, ours);
    }
    return dir;
  }

  /** The topics whose average precision differs between the Porter baseline and newsindex. */
  private void perTopic(List<Topic> topics, Evaluation baseline, Evaluation ours) {
    List<String> rows = new ArrayList<>();
    for (Topic t : topics) {
      Measures b = baseline.perQuery().get(t.id());
      Measures o = ours.perQuery().get(t.id());
      if (b == null || o == null || Math.abs(b.map() - o.map()) < 0.0005) {
        continue;
      }
      rows.add(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.4f | %s |", t.id(), b.map(),
          o.map(), o.map() - b.map(), t.text().replace("|", "\\|")));
    }
    line("Topics whose average precision differs (Porter baseline → newsindex default): "
        + rows.size() + ".");
    line("");
    if (!rows.isEmpty()) {
      line("| topic | Porter AP | newsindex AP | difference | query |");
      line("|---|---|---|---|---|");
      rows.forEach(this::line);
      line("");
    }
  }

  /** What each part of the analysis does: the default with one part changed. */
  private void ablations(Collection c, List<Topic> topics, Qrels qrels, Path work,
      Evaluation ours) throws IOException {
    List<Article> articles = readArticles(c.docs);
    line("What each part does on " + c.name + " (the default with one part changed):");
    line("");
    line("| variant | MAP | nDCG@10 | P@10 | R@1000 |");
    line("|---|---|---|---|---|");
    row("newsindex default", ours);
    Map<String, Object[]> variants = new LinkedHashMap<>();
    variants.put("Porter unguarded (no stem dictionary)", new Object[] {Stemmer.PORTER,
        new NewsAnalyzer.Variant(true, StemGuard.NONE), true});
    variants.put("Porter guard as protected words (KeywordMarkerFilter), not a stem dictionary",
        new Object[] {Stemmer.PORTER, new NewsAnalyzer.Variant(true, StemGuard.KEYWORDS), true});
    variants.put("British spellings not folded", new Object[] {Stemmer.PORTER,
        new NewsAnalyzer.Variant(false, StemGuard.DEFAULT), true});
    variants.put("no bundled synonyms", new Object[] {Stemmer.PORTER,
        NewsAnalyzer.Variant.DEFAULT, false});
    variants.put("stemmer kstem", new Object[] {Stemmer.KSTEM, NewsAnalyzer.Variant.DEFAULT,
        true});
    for (Map.Entry<String, Object[]> v : variants.entrySet()) {
      Stemmer stemmer = (Stemmer) v.getValue()[0];
      NewsAnalyzer.Variant variant = (NewsAnalyzer.Variant) v.getValue()[1];
      boolean synonyms = (Boolean) v.getValue()[2];
      Analyzer index = NewsSchema.perField(new NewsAnalyzer(stemmer, variant));
      Analyzer query = NewsSchema.perField(NewsAnalyzer.forQueries(stemmer, variant,
          NewsSynonyms.build(synonyms, "")));
      try (Directory dir = new ByteBuffersDirectory()) {
        BM25Similarity bm25 = new BM25Similarity(IndexSettings.DEFAULT_K1,
            IndexSettings.DEFAULT_B);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(index)
            .setSimilarity(bm25))) {
          for (Article a : articles) {
            w.addDocument(NewsSchema.toDocument(a));
          }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          row(v.getKey(), Evaluation.of(run(reader, query, index, TextScoring.DEFAULT, topics),
              qrels));
        }
      }
    }
    line("");
  }

  /**
   * The headline scoring ({@link TextScoring}): a grid tuned on {@code tuning}, the best of it
   * then reported on every collection beside the default.
   */
  private void headlines(Collection tuning, List<Collection> present, Map<String, Path> indexes)
      throws IOException {
    line("## Headline scoring");
    line("");
    if (tuning == null) {
      line("The tuning collection is not here; the grid is left out.");
      line("");
      return;
    }
    List<Topic> topics = Topics.read(tuning.topics);
    Qrels qrels = Qrels.read(tuning.qrels);
    line("Tuned on " + tuning.name + " only (title weight in the combined field × headline bonus ×"
        + " the headline's own b), MAP / nDCG@10:");
    line("");
    line("| title weight | bonus | title b | MAP | nDCG@10 |");
    line("|---|---|---|---|---|");
    TextScoring best = null;
    double bestMap = -1;
    double bestNdcg = -1;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(
        indexes.get(tuning.name)))) {
      Analyzer index = NewsSchema.analyzer(IndexSettings.DEFAULT);
      Analyzer query = NewsSchema.queryAnalyzer(IndexSettings.DEFAULT);
      for (float w : TITLE_WEIGHTS) {
        for (float bonus : TITLE_BONUSES) {
          for (float tb : TITLE_BS) {
            if (bonus == 0 && tb != TITLE_BS[TITLE_BS.length - 1]) {
              continue; // without a bonus the headline's own b does nothing
            }
            TextScoring s = new TextScoring(w, bonus, tb);
            Evaluation e = Evaluation.of(run(reader, query, index, s, topics), qrels);
            line(String.format(Locale.ROOT, "| %.1f | %.1f | %.2f | %.4f | %.4f |", w, bonus, tb,
                e.mean().map(), e.mean().ndcg10()));
            if (e.mean().map() > bestMap + 1e-9 || Math.abs(e.mean().map() - bestMap) <= 1e-9
                && e.mean().ndcg10() > bestNdcg) {
              best = s;
              bestMap = e.mean().map();
              bestNdcg = e.mean().ndcg10();
            }
          }
        }
      }
    }
    line("");
    line(String.format(Locale.ROOT, "Best on %s: title weight %.1f, bonus %.1f, title b %.2f;"
        + " the default is title weight %.1f, bonus %.1f, title b %.2f. Both on every"
        + " collection:", tuning.name, best.titleWeight(), best.titleBonus(), best.titleB(),
        TextScoring.DEFAULT.titleWeight(), TextScoring.DEFAULT.titleBonus(),
        TextScoring.DEFAULT.titleB()));
    line("");
    line("| collection | scoring | MAP | nDCG@10 | P@10 | R@1000 |");
    line("|---|---|---|---|---|---|");
    for (Collection c : present) {
      List<Topic> ts = Topics.read(c.topics);
      Qrels qs = Qrels.read(c.qrels);
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexes.get(c.name)))) {
        Analyzer index = NewsSchema.analyzer(IndexSettings.DEFAULT);
        Analyzer query = NewsSchema.queryAnalyzer(IndexSettings.DEFAULT);
        for (TextScoring s : List.of(TextScoring.DEFAULT, best)) {
          Measures m = Evaluation.of(run(reader, query, index, s, ts), qs).mean();
          line(String.format(Locale.ROOT, "| %s%s | %s | %.4f | %.4f | %.4f | %.4f |", c.name,
              c.name.equals(tuning.name) ? " (tuned here)" : "", s == TextScoring.DEFAULT
                  ? "default" : "best on " + tuning.name, m.map(), m.ndcg10(), m.p10(),
              m.recall1000()));
        }
      }
    }
    line("");
  }

  /** The topics run through newsindex's searcher over {@code reader} with {@code scoring}. */
  private static Run run(DirectoryReader reader, Analyzer query, Analyzer index,
      TextScoring scoring, List<Topic> topics) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(scoring.similarity(IndexSettings.DEFAULT_K1, IndexSettings.DEFAULT_B));
    ArticleSearcher articles = new ArticleSearcher(searcher, query, index, scoring);
    Map<String, List<Run.Ranked>> results = new LinkedHashMap<>();
    for (Topic t : topics) {
      List<Run.Ranked> ranked = new ArrayList<>();
      String q = Evaluator.plainQuery(t.text());
      if (!q.isBlank()) {
        for (Ranked r : articles.rank(SearchRequest.builder(q).limit(Evaluator.DEPTH)
            .matchAll(false).passages(0).build())) {
          ranked.add(new Run.Ranked(r.id(), r.score()));
        }
      }
      results.put(t.id(), ranked);
    }
    return new Run(results);
  }

  /** The mean, over topics with a relevant article, of the judged share of the top 10. */
  private static double judged10(Run run, Qrels qrels) {
    double sum = 0;
    int n = 0;
    for (String qid : qrels.queries()) {
      if (qrels.relevantCount(qid) == 0) {
        continue;
      }
      List<Run.Ranked> top = run.ranking(qid);
      top = top.subList(0, Math.min(10, top.size()));
      long judged = top.stream().filter(r -> qrels.judged(qid).containsKey(r.docId())).count();
      sum += top.isEmpty() ? 1 : (double) judged / top.size();
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }

  private void row(String name, Evaluation e, double judged10) {
    Measures m = e.mean();
    line(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.3f |", name, m.map(),
        m.ndcg10(), m.p10(), m.recall1000(), judged10));
  }

  private void row(String name, Evaluation e) {
    Measures m = e.mean();
    line(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |", name, m.map(),
        m.ndcg10(), m.p10(), m.recall1000()));
  }

  /** The articles as newsindex reads them (titles derived where a format has none). */
  private static List<Article> readArticles(Path docs) throws IOException {
    List<Article> out = new ArrayList<>();
    Ingest.read(List.of(docs), new ArticleHandler() {
      @Override
      public void article(Article a, Origin origin) {
        out.add(a);
      }

      @Override
      public void rejected(Origin origin, String reason) {}
    });
    return out;
  }

  /** The collection's records as given (an empty title stays empty): for PoolTopics too. */
  static List<Article> readRaw(Path docs) throws IOException {
    List<Article> out = new ArrayList<>();
    for (String[] r : Baselines.records(docs)) {
      out.add(new Article(r[0], r[1], null, "", "", r[2]));
    }
    return out;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
