package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.NewsIndex;
import dev.newsindex.eval.EvalInputException;
import dev.newsindex.eval.Evaluator;
import dev.newsindex.eval.Run;
import dev.newsindex.eval.Topic;
import dev.newsindex.eval.Topics;
import dev.newsindex.ingest.IngestListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
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
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.LMDirichletSimilarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Makes the judging pools of a test collection: for each topic, the union of the top {@code
 * --depth} stories of four systems and of a keyword query written for the topic, listed in an
 * order that carries neither the system that found a story nor its rank (sorted by SHA-256 of
 * {@code qid + " " + id}), so that judges read each story without knowing where it came from.
 *
 * <p>The systems: (a) Lucene {@link StandardAnalyzer} with English stop words, BM25, title and body
 * fields; (b) {@link EnglishAnalyzer} (Porter), BM25, title and body fields (the Anserini-style
 * baseline); both as {@link RelevanceReport} runs them; (c) newsindex's default ranking ({@link
 * Evaluator#run}); (d) {@link LMDirichletSimilarity} over title and body as one Porter-stemmed
 * field, a different retrieval model. The keyword pool is the top {@code --depth} matches of the
 * topic's line in the keywords file ({@code qid<TAB>Lucene query}, in classic query syntax over
 * unstemmed title and body without stop words, so that phrases such as {@code "AT and T"} and
 * wildcards such as {@code privati*} mean what they say), ranked by BM25.
 *
 * <p>Run from the repository root: {@code bench/run PoolTopics --collection DIR --topics FILE
 * --keywords FILE [--depth 30] --out DIR}. It writes {@code DIR/<qid>.txt} (one story id per
 * line) and prints each topic's pool size; rerunning it on the same inputs writes the same files.
 */
public final class PoolTopics {
  /** Held so java.util.logging keeps the level: Lucene's vector-module notice is noise here. */
  private static final java.util.logging.Logger LUCENE_LOGGER =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String BODY = "body";
  private static final String TEXT = "text";

  private PoolTopics() {}

  /**
   * Writes the pools.
   *
   * @param args {@code --collection DIR --topics FILE --keywords FILE [--depth N] --out DIR}
   * @throws Exception when a file cannot be read or written, or a keyword query does not parse
   */
  public static void main(String[] args) throws Exception {
    LUCENE_LOGGER.setLevel(java.util.logging.Level.OFF);
    Path collection = null;
    Path topicsFile = null;
    Path keywordsFile = null;
    Path out = null;
    int depth = 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--collection" -> collection = Path.of(args[++i]);
        case "--topics" -> topicsFile = Path.of(args[++i]);
        case "--keywords" -> keywordsFile = Path.of(args[++i]);
        case "--depth" -> depth = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (collection == null || topicsFile == null || keywordsFile == null || out == null) {
      System.err.println("usage: bench/run PoolTopics --collection DIR --topics FILE"
          + " --keywords FILE [--depth 30] --out DIR");
      System.exit(2);
    }
    Path docs = collection.resolve("docs.jsonl");
    if (!Files.isRegularFile(docs)) {
      System.err.println("PoolTopics: no docs.jsonl in " + collection);
      System.exit(2);
    }
    List<Topic> topics = Topics.read(topicsFile);
    Map<String, String> keywords = readKeywords(keywordsFile, topics);

    final int poolDepth = depth;
    Map<String, Run> runs = new LinkedHashMap<>();
    runs.put("standard-bm25", RelevanceReport.bareLucene(docs, topics,
        new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), false));
    runs.put("porter-bm25", RelevanceReport.bareLucene(docs, topics, new EnglishAnalyzer(),
        false));
    runs.put("newsindex-default", newsindex(docs, topics));
    KeywordIndex extra = new KeywordIndex(RelevanceReport.readRaw(docs));
    runs.put("porter-lm-dirichlet", extra.dirichlet(topics));
    runs.put("keywords", extra.keywords(topics, keywords, depth));

    Files.createDirectories(out);
    System.out.printf(Locale.ROOT, "pools of %s, depth %d, systems %s%n", collection, depth,
        String.join(", ", runs.keySet()));
    List<Integer> sizes = new ArrayList<>();
    Map<String, Integer> onlyFrom = new LinkedHashMap<>();
    for (Topic t : topics) {
      Map<String, Set<String>> tops = new LinkedHashMap<>();
      runs.forEach((system, run) -> tops.put(system, top(run, t.id(), poolDepth)));
      Set<String> pool = new TreeSet<>(Comparator.comparing((String id) -> shuffleKey(t.id(), id))
          .thenComparing(Comparator.naturalOrder()));
      tops.values().forEach(pool::addAll);
      // How much each system adds that no other finds: printed summed over topics only, as a
      // measure of pool diversity; per story it would tell the judges where a story came from.
      tops.forEach((system, ids) -> onlyFrom.merge(system, (int) ids.stream()
          .filter(id -> tops.entrySet().stream().filter(e -> e.getValue().contains(id)).count()
              == 1).count(), Integer::sum));
      Files.write(out.resolve(t.id() + ".txt"), pool, StandardCharsets.UTF_8);
      sizes.add(pool.size());
      System.out.printf(Locale.ROOT, "  %-5s %3d stories   (keyword query matches %d)  %s%n",
          t.id(), pool.size(), extra.matches(keywords.get(t.id())), t.text());
    }
    List<Integer> sorted = sizes.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "%d topics; pool size min %d, median %d, max %d, total %d%n",
        sizes.size(), sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
        sizes.stream().mapToInt(Integer::intValue).sum());
    System.out.println("stories found by one system only, over all topics: " + onlyFrom);
  }

  /** newsindex's default ranking of the topics, on a fresh index of the collection. */
  private static Run newsindex(Path docs, List<Topic> topics) throws IOException {
    Path dir = Files.createTempDirectory("newsindex-pool");
    try {
      try (NewsIndex index = NewsIndex.openOrCreate(dir, IndexSettings.DEFAULT)) {
        index.ingest(List.of(docs), IngestListener.NONE);
        return Evaluator.run(index, topics);
      }
    } finally {
      RelevanceReport.deleteTree(dir);
    }
  }

  private static Set<String> top(Run run, String qid, int depth) {
    Set<String> ids = new LinkedHashSet<>();
    for (Run.Ranked r : run.ranking(qid)) {
      if (ids.size() == depth) {
        break;
      }
      ids.add(r.docId());
    }
    return ids;
  }

  /** The order of a pool: a hash of topic and id, which no system's ranking can leak into. */
  static String shuffleKey(String qid, String id) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest((qid + " " + id)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** {@code qid<TAB>query} lines (blank and {@code #} lines skipped), one for every topic. */
  private static Map<String, String> readKeywords(Path file, List<Topic> topics)
      throws IOException {
    Map<String, String> keywords = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0 || line.substring(tab + 1).isBlank()) {
        throw new EvalInputException(file, i + 1, "expected 'qid<TAB>keyword query'");
      }
      if (keywords.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip()) != null) {
        throw new EvalInputException(file, i + 1, "topic " + line.substring(0, tab).strip()
            + " appears twice");
      }
    }
    for (Topic t : topics) {
      if (!keywords.containsKey(t.id())) {
        throw new EvalInputException(file, 0, "no keyword query for topic " + t.id());
      }
    }
    return keywords;
  }

  /**
   * One in-memory index for the two pools bare Lucene cannot give: unstemmed title and body without
   * stop words for the keyword queries, and a Porter-stemmed title-plus-body field scored by
   * Dirichlet-smoothed language models.
   */
  private static final class KeywordIndex {
    private final Directory dir = new ByteBuffersDirectory();
    private final Analyzer plain = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final Analyzer porter = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    KeywordIndex(List<Article> articles) throws IOException {
      Analyzer perField = new PerFieldAnalyzerWrapper(plain, Map.of(TEXT, porter));
      IndexWriterConfig config = new IndexWriterConfig(perField).setSimilarity(similarity());
      try (IndexWriter w = new IndexWriter(dir, config)) {
        for (Article a : articles) {
          Document d = new Document();
          d.add(new StringField(ID, a.id(), Field.Store.YES));
          d.add(new TextField(TITLE, a.title(), Field.Store.NO));
          d.add(new TextField(BODY, a.body(), Field.Store.NO));
          d.add(new TextField(TEXT, a.title() + "\n" + a.body(), Field.Store.NO));
          w.addDocument(d);
        }
      }
      searcher = new IndexSearcher(DirectoryReader.open(dir));
      searcher.setSimilarity(similarity());
    }

    /** BM25 for the keyword fields, language models for the combined one (norms agree). */
    private static Similarity similarity() {
      Similarity bm25 = new BM25Similarity();
      Similarity lm = new LMDirichletSimilarity();
      return new PerFieldSimilarityWrapper() {
        @Override
        public Similarity get(String field) {
          return TEXT.equals(field) ? lm : bm25;
        }
      };
    }

    Run dirichlet(List<Topic> topics) throws IOException, ParseException {
      Map<String, List<Run.Ranked>> results = new LinkedHashMap<>();
      for (Topic t : topics) {
        QueryParser parser = new QueryParser(TEXT, porter);
        results.put(t.id(), ranked(searcher.search(parser.parse(Evaluator.plainQuery(t.text())),
            Evaluator.DEPTH)));
      }
      return new Run(results);
    }

    Run keywords(List<Topic> topics, Map<String, String> keywords, int depth)
        throws IOException {
      Map<String, List<Run.Ranked>> results = new LinkedHashMap<>();
      for (Topic t : topics) {
        results.put(t.id(), ranked(searcher.search(parse(keywords.get(t.id())), depth)));
      }
      return new Run(results);
    }

    int matches(String keywordQuery) throws IOException {
      return searcher.count(parse(keywordQuery));
    }

    private org.apache.lucene.search.Query parse(String keywordQuery) {
      MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {TITLE, BODY}, plain);
      parser.setDefaultOperator(QueryParser.OR_OPERATOR);
      try {
        return parser.parse(keywordQuery);
      } catch (ParseException e) {
        throw new IllegalArgumentException("keyword query does not parse: " + keywordQuery
            + ": " + e.getMessage(), e);
      }
    }

    private List<Run.Ranked> ranked(TopDocs top) throws IOException {
      List<Run.Ranked> ranked = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        ranked.add(new Run.Ranked(searcher.storedFields().document(sd.doc).get(ID), sd.score));
      }
      return ranked;
    }
  }
}
