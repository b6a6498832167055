package dev.newsindex.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.IngestListener;
import dev.newsindex.NewsIndex;
import dev.newsindex.analysis.Stemmer;
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
  private static final float[] BS = {0.3f, 0.4f, 0.5f, 0.6f, 0.75f, 0.9f};

  private RelevanceReport() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpora/time");
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
            new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)), qrels));
    Evaluation porter = Evaluation.of(bareLucene(docs, topics, new EnglishAnalyzer()), qrels);
    row("Lucene EnglishAnalyzer (possessive, stop, Porter), BM25: the Anserini-style baseline",
        porter);

    Path work = Files.createTempDirectory("newsindex-relevance");
    try {
      IndexSettings defaults = IndexSettings.DEFAULT;
      Map<String, Evaluation> variants = new LinkedHashMap<>();
      for (Stemmer s : Stemmer.values()) {
        IndexSettings settings = defaults.withStemmer(s);
        variants.put("newsindex, stemmer " + s.id() + (s == Stemmer.DEFAULT ? " (default)" : ""),
            evaluate(work, docs, topics, qrels, settings));
      }
      variants.put("newsindex default without bundled synonyms",
          evaluate(work, docs, topics, qrels, defaults.withBundledSynonyms(false)));
      variants.put("newsindex default, BM25 at Lucene's defaults (k1 1.2, b 0.75)",
          evaluate(work, docs, topics, qrels, defaults.withBm25(1.2f, 0.75f)));
      variants.forEach(RelevanceReport::row);
      Evaluation chosen = variants.get("newsindex, stemmer " + Stemmer.DEFAULT.id() + " (default)");
      System.out.println();
      System.out.printf(Locale.ROOT,
          "newsindex default vs the Porter baseline: MAP %+.4f, nDCG@10 %+.4f%n",
          chosen.mean().map() - porter.mean().map(),
          chosen.mean().ndcg10() - porter.mean().ndcg10());

      tune(work, docs, topics, qrels, defaults);
    } finally {
      deleteTree(work);
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
    System.out.printf(Locale.ROOT, "BM25 k1/b grid on %d tuning queries (1st, 3rd, 5th... judged"
        + " query), checked on the other %d:%n", tuning.size(), checking.size());
    float bestK1 = 0;
    float bestB = 0;
    double bestMap = -1;
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
        all.put(k1 + "/" + b, e);
        double map = e.restrictedTo(tuning).mean().map();
        line.append(String.format(Locale.ROOT, "  b %.2f %.4f", b, map));
        if (map > bestMap + 1e-9) {
          bestMap = map;
          bestK1 = k1;
          bestB = b;
        }
      }
      System.out.println(line);
    }
    Evaluation best = all.get(bestK1 + "/" + bestB);
    Evaluation lucene = all.get(1.2f + "/" + 0.75f);
    System.out.printf(Locale.ROOT, "best on tuning half: k1 %.1f b %.2f, MAP %.4f (Lucene's 1.2/0.75:"
        + " %.4f)%n", bestK1, bestB, bestMap, lucene.restrictedTo(tuning).mean().map());
    System.out.printf(Locale.ROOT, "check on held-out half: k1 %.1f b %.2f MAP %.4f nDCG@10 %.4f;"
        + " Lucene's 1.2/0.75 MAP %.4f nDCG@10 %.4f%n", bestK1, bestB,
        best.restrictedTo(checking).mean().map(), best.restrictedTo(checking).mean().ndcg10(),
        lucene.restrictedTo(checking).mean().map(), lucene.restrictedTo(checking).mean().ndcg10());
    System.out.printf(Locale.ROOT, "newsindex ships k1 %s b %s%n",
        Float.toString(IndexSettings.DEFAULT_K1), Float.toString(IndexSettings.DEFAULT_B));
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

  /** Bare Lucene: title and body as TextFields, BM25 defaults, any-term multi-field query. */
  private static Run bareLucene(Path docs, List<Topic> topics, Analyzer analyzer)
      throws IOException, ParseException {
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
          for (ScoreDoc sd : searcher.search(parser.parse(Evaluator.plainQuery(t.text())),
              Evaluator.DEPTH).scoreDocs) {
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
  private static List<Article> readRaw(Path docs) throws IOException {
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

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
