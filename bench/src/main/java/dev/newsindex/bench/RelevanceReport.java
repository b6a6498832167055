package dev.newsindex.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.NewsIndex;
import dev.newsindex.Stemmer;
import dev.newsindex.eval.Evaluation;
import dev.newsindex.eval.Evaluator;
import dev.newsindex.eval.Measures;
import dev.newsindex.eval.Qrels;
import dev.newsindex.eval.Run;
import dev.newsindex.eval.Topic;
import dev.newsindex.eval.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The relevance table of the README: MAP, nDCG@10, P@10 and recall@1000 on a judged collection
 * (TIME by default) for bare Lucene (StandardAnalyzer + English stop words; EnglishAnalyzer, the
 * Anserini-style Porter baseline), for newsindex with each stemmer, with and without its synonyms,
 * and the BM25 k1/b choice: tuned on the odd-numbered queries, checked on the even-numbered ones.
 *
 * <p>Run from the repository root: {@code bench/run RelevanceReport [COLLECTION_DIR]}, where the
 * directory holds {@code docs.jsonl}, {@code queries.tsv} and {@code qrels.txt} (default {@code
 * ../shared/corpora/time}).
 */
public final class RelevanceReport {
  private static final float[] K1S = {0.6f, 0.8f, 0.9f, 1.0f, 1.2f, 1.5f, 2.0f};
  private static final float[] BS = {0.3f, 0.5f, 0.6f, 0.75f, 0.9f, 1.0f};

  /** Held so java.util.logging keeps the level: Lucene's vector-module notice is noise here. */
  private static final java.util.logging.Logger LUCENE_LOGGER =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  private RelevanceReport() {}

  /** Prints the report for the collection in {@code args[0]} (default ../shared/corpora/time). */
  public static void main(String[] args) throws Exception {
    LUCENE_LOGGER.setLevel(java.util.logging.Level.OFF);
    boolean quick = List.of(args).contains("--quick");
    List<String> positional = Stream.of(args).filter(a -> !a.startsWith("--")).toList();
    Path dir = Path.of(positional.isEmpty() ? "../shared/corpora/time" : positional.get(0));
    Path docs = dir.resolve("docs.jsonl");
    if (!Files.isRegularFile(docs)) {
      System.err.println("RelevanceReport: no collection at " + dir
          + " (expected docs.jsonl, queries.tsv, qrels.txt)");
      System.exit(2);
    }
    List<Topic> topics = Topics.read(dir.resolve("queries.tsv"));
    Qrels qrels = Qrels.read(dir.resolve("qrels.txt"));
    System.out.printf(Locale.ROOT, "collection %s: %d topics, %d judged with a relevant document%n",
        dir, topics.size(), Evaluation.of(new Run(Map.of()), qrels).perQuery().size());
    System.out.println();
    System.out.println("| system | MAP | nDCG@10 | P@10 | R@1000 |");
    System.out.println("|---|---|---|---|---|");
    row("Lucene StandardAnalyzer + English stop words, BM25",
        Evaluation.of(bareLucene(docs, topics,
            new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), false), qrels));
    Evaluation porter = Evaluation.of(bareLucene(docs, topics, new EnglishAnalyzer(), false),
        qrels);
    row("Lucene EnglishAnalyzer (possessive, stop, Porter), BM25: the Anserini-style baseline",
        porter);

    // The collection's reference figures (SOURCE.md) come from queries only escaped, so that the
    // capitalised AND, OR, NOT in 27 TIME queries act as operators; reproduced here to validate the
    // measures, while every other row treats them as words.
    row("(reference setup: StandardAnalyzer + stop words, AND/OR/NOT left as operators)",
        Evaluation.of(bareLucene(docs, topics,
            new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), true), qrels));
    row("(reference setup: EnglishAnalyzer, AND/OR/NOT left as operators)",
        Evaluation.of(bareLucene(docs, topics, new EnglishAnalyzer(), true), qrels));

    Path work = Files.createTempDirectory("newsindex-relevance");
    try {
      IndexSettings defaults = IndexSettings.DEFAULT;
      Map<String, Evaluation> variants = new LinkedHashMap<>();
      for (Stemmer s : quick ? new Stemmer[] {Stemmer.DEFAULT} : Stemmer.values()) {
        IndexSettings settings = defaults.withStemmer(s);
        variants.put("newsindex, stemmer " + s.id() + (s == Stemmer.DEFAULT ? " (default)" : ""),
            evaluate(work, docs, topics, qrels, settings));
      }
      if (!quick) {
        variants.put("newsindex default without bundled synonyms",
            evaluate(work, docs, topics, qrels, defaults.withBundledSynonyms(false)));
        variants.put("newsindex default, untitled articles left untitled (no title derived from"
            + " the body)", evaluateRaw(work, docs, topics, qrels, defaults));
      }
      variants.forEach(RelevanceReport::row);
      Evaluation chosen = variants.get("newsindex, stemmer " + Stemmer.DEFAULT.id() + " (default)");
      System.out.println();
      System.out.printf(Locale.ROOT,
          "newsindex default vs the Porter baseline: MAP %+.5f, nDCG@10 %+.5f%n",
          chosen.mean().map() - porter.mean().map(),
          chosen.mean().ndcg10() - porter.mean().ndcg10());
      perQuery(topics, porter, chosen);
      if (!quick) {
        tune(work, docs, topics, qrels, defaults);
      }
    } finally {
      deleteTree(work);
    }
  }

  /** The queries whose average precision differs between the baseline and newsindex. */
  private static void perQuery(List<Topic> topics, Evaluation baseline, Evaluation ours) {
    System.out.println();
    System.out.println("queries where average precision differs (Porter baseline -> newsindex"
        + " default):");
    for (Topic t : topics) {
      Measures b = baseline.perQuery().get(t.id());
      Measures o = ours.perQuery().get(t.id());
      if (b == null || o == null || Math.abs(b.map() - o.map()) < 0.0005) {
        continue;
      }
      System.out.printf(Locale.ROOT, "  %-4s %.4f -> %.4f (%+.4f)  %s%n", t.id(), b.map(), o.map(),
          o.map() - b.map(), t.text());
    }
  }

  /** Grid search of k1/b on the odd-numbered queries; the best checked on the even-numbered. */
  private static void tune(Path work, Path docs, List<Topic> topics, Qrels qrels,
      IndexSettings base) throws IOException {
    List<String> judged = new ArrayList<>(Evaluation.of(new Run(Map.of()), qrels).perQuery()
        .keySet());
    List<String> tuning = new ArrayList<>();
    List<String> checking = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      (i % 2 == 0 ? tuning : checking).add(judged.get(i));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "BM25 k1/b grid, MAP on the %d odd-numbered judged queries"
        + " (1st, 3rd, ...); the other %d check the choice, then the halves swap:%n",
        tuning.size(), checking.size());
    Map<String, Evaluation> all = new LinkedHashMap<>();
    // BM25's k1 and b act at query time: one index, re-opened with each pair.
    Path dir = Files.createTempDirectory(work, "index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir, base)) {
      index.ingest(List.of(docs), IngestListener.NONE);
    }
    for (float k1 : K1S) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  k1 %.1f:", k1));
      for (float b : BS) {
        Evaluation e;
        try (NewsIndex index = NewsIndex.openOrCreate(dir, base.withBm25(k1, b))) {
          e = Evaluation.of(Evaluator.run(index, topics), qrels);
        }
        all.put(key(k1, b), e);
        line.append(String.format(Locale.ROOT, "  b %.2f %.4f", b,
            e.restrictedTo(tuning).mean().map()));
      }
      System.out.println(line);
    }
    check("odd-numbered", tuning, "even-numbered", checking, all);
    check("even-numbered", checking, "odd-numbered", tuning, all);
    System.out.printf(Locale.ROOT, "newsindex ships k1 %s b %s%n",
        Float.toString(IndexSettings.DEFAULT_K1), Float.toString(IndexSettings.DEFAULT_B));
  }

  private static String key(float k1, float b) {
    return k1 + "/" + b;
  }

  /** Picks the best pair on {@code tune} and compares it with Lucene's 1.2/0.75 on {@code held}. */
  private static void check(String tuneName, List<String> tune, String heldName, List<String> held,
      Map<String, Evaluation> all) {
    String best = null;
    double bestMap = -1;
    for (Map.Entry<String, Evaluation> e : all.entrySet()) {
      double map = e.getValue().restrictedTo(tune).mean().map();
      if (map > bestMap + 1e-9) {
        bestMap = map;
        best = e.getKey();
      }
    }
    Evaluation chosen = all.get(best).restrictedTo(held);
    Evaluation lucene = all.get(key(1.2f, 0.75f)).restrictedTo(held);
    System.out.printf(Locale.ROOT, "tuned on the %s queries: best k1/b %s (MAP %.4f; 1.2/0.75:"
        + " %.4f); on the held-out %s queries: MAP %.4f nDCG@10 %.4f vs 1.2/0.75 MAP %.4f"
        + " nDCG@10 %.4f%n", tuneName, best, bestMap,
        all.get(key(1.2f, 0.75f)).restrictedTo(tune).mean().map(), heldName, chosen.mean().map(),
        chosen.mean().ndcg10(), lucene.mean().map(), lucene.mean().ndcg10());
  }

  private static void row(String name, Evaluation e) {
    Measures m = e.mean();
    System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |%n", name, m.map(), m.ndcg10(),
        m.p10(), m.recall1000());
  }

  private static Evaluation evaluate(Path work, Path docs, List<Topic> topics, Qrels qrels,
      IndexSettings settings) throws IOException {
    Path dir = Files.createTempDirectory(work, "index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir, settings)) {
      index.ingest(List.of(docs), IngestListener.NONE);
      return Evaluation.of(Evaluator.run(index, topics), qrels);
    } finally {
      deleteTree(dir);
    }
  }

  /** As {@link #evaluate}, but upserting the records as given, without deriving titles. */
  private static Evaluation evaluateRaw(Path work, Path docs, List<Topic> topics, Qrels qrels,
      IndexSettings settings) throws IOException {
    Path dir = Files.createTempDirectory(work, "index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir, settings)) {
      for (Article a : readRaw(docs)) {
        index.upsert(a);
      }
      index.commit();
      return Evaluation.of(Evaluator.run(index, topics), qrels);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Bare Lucene: title and body as TextFields, BM25 defaults, any-term multi-field query. Also
   * two of the systems whose top stories make the judging pools ({@link PoolTopics}).
   */
  static Run bareLucene(Path docs, List<Topic> topics, Analyzer analyzer,
      boolean operatorsLive) throws IOException, ParseException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (Article a : readRaw(docs)) {
          Document d = new Document();
          d.add(new StringField("id", a.id(), Field.Store.YES));
          d.add(new TextField("title", a.title(), Field.Store.NO));
          d.add(new TextField("body", a.body(), Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Map<String, List<Run.Ranked>> results = new LinkedHashMap<>();
        for (Topic t : topics) {
          MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"title", "body"},
              analyzer);
          parser.setDefaultOperator(QueryParser.OR_OPERATOR);
          List<Run.Ranked> ranked = new ArrayList<>();
          String query = operatorsLive ? QueryParserBase.escape(t.text())
              : Evaluator.plainQuery(t.text());
          for (ScoreDoc sd : searcher.search(parser.parse(query), Evaluator.DEPTH).scoreDocs) {
            ranked.add(new Run.Ranked(searcher.storedFields().document(sd.doc).get("id"),
                sd.score));
          }
          results.put(t.id(), ranked);
        }
        return new Run(results);
      }
    }
  }

  /** The collection's records as given (an empty title stays empty, as bare Lucene indexes it). */
  static List<Article> readRaw(Path docs) throws IOException {
    List<Article> out = new ArrayList<>();
    JsonFactory json = new JsonFactory();
    try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String id = "";
        String title = "";
        String body = "";
        try (JsonParser p = json.createParser(line)) {
          p.nextToken();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
              p.skipChildren();
              continue;
            }
            switch (name) {
              case "id" -> id = p.getValueAsString();
              case "title" -> title = p.getValueAsString("");
              case "body" -> body = p.getValueAsString("");
              default -> { }
            }
          }
        }
        out.add(new Article(id, title, null, "", "", body));
      }
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
