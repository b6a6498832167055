package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.analysis.NewsSynonyms;
import dev.newsindex.opensearch.plugin.Names;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cluster's analysis, through the plugin on OpenSearch's Lucene, gives exactly the tokens
 * (terms, positions, position lengths, offsets, types) NewsAnalyzer gives locally: over 2,000
 * real articles at index time, and at query time (with the synonym chain) over the bundled alias
 * rules, TIME's queries and the articles' titles. Each article or query is one test, so each
 * difference is a failure of its own.
 */
class AnalysisParityIT {
  private static final String INDEX = "it-parity";
  /** The user's rules beside the bundled ones: the query chain reads both. */
  private static final String USER_RULES = "zorbavia, republic of zorba\nblockade => embargo";
  private static OpenSearchCluster cluster;
  private static Cluster client;

  @BeforeAll
  static void createIndex() throws IOException {
    cluster = OpenSearchCluster.shared();
    client = new Cluster(cluster.options(INDEX));
    client.send("DELETE", "/" + INDEX, null, (JsonNode) null);
    ClusterPush.createIndexIfMissing(client, IndexSettings.DEFAULT.withSynonyms(USER_RULES), 1,
        0);
    client.send("DELETE", "/" + CUSTOM, null, (JsonNode) null);
    client.call("creating an index of custom analyzers", "PUT", "/" + CUSTOM, null,
        customAnalyzers());
  }

  /** An index of analyzers of the user's own, made of the steps the plugin registers. */
  private static final String CUSTOM = "it-parity-custom";

  /**
   * Settings as a user writes them to rebuild newsindex's chains from the plugin's registered
   * steps (docs/opensearch.md shows the same): {@code custom_text} is the index-time chain,
   * {@code custom_query} the query-time one with the bundled aliases and the user's rules. Steps
   * without settings are named as registered; the others are configured under names of their own.
   */
  private static ObjectNode customAnalyzers() {
    String stemmer = IndexSettings.DEFAULT.stemmer().id();
    ObjectNode body = Cluster.JSON.createObjectNode();
    ObjectNode settings = body.putObject("settings");
    settings.put("number_of_shards", 1).put("number_of_replicas", 0);
    ObjectNode analysis = settings.putObject("analysis");
    ObjectNode filters = analysis.putObject("filter");
    filters.putObject("news_stop").put("type", "stop").put("stopwords", "_english_");
    filters.putObject("news_stemmer").put("type", Names.STEMMER_FILTER)
        .put(Names.STEMMER, stemmer);
    filters.putObject("news_variants").put("type", Names.SPELLING_VARIANT_FILTER)
        .put(Names.STEMMER, stemmer);
    filters.putObject("news_query_variants").put("type", Names.SPELLING_VARIANT_FILTER)
        .put(Names.STEM_GUARD, false);
    for (String type : List.of(Names.CASE_MARK_FILTER, Names.SYNONYM_FILTER)) {
      ArrayNode rules = filters.putObject(type.replace("newsindex_", "news_"))
          .put("type", type).putArray(Names.SYNONYMS);
      USER_RULES.lines().forEach(rules::add);
    }
    ObjectNode analyzers = analysis.putObject("analyzer");
    List<String> head = List.of(Names.POSSESSIVE_FILTER, Names.ACRONYM_FILTER);
    List<String> tail = List.of("news_stop", Names.COMPOUND_FILTER, "news_variants",
        Names.DOTTED_KEYWORD_FILTER, "news_stemmer");
    List<String> text = new ArrayList<>(head);
    text.addAll(List.of(Names.LOWERCASE_FILTER, Names.FOLDING_FILTER));
    text.addAll(tail);
    List<String> query = new ArrayList<>(head);
    query.addAll(List.of("news_case_mark", Names.LOWERCASE_FILTER, Names.FOLDING_FILTER,
        "news_query_variants", "news_synonyms", Names.CASE_STRIP_FILTER));
    query.addAll(tail);
    query.add(Names.SYNONYM_WEIGHT_FILTER);
    for (Map.Entry<String, List<String>> a : Map.of("custom_text", text, "custom_query", query)
        .entrySet()) {
      ObjectNode def = analyzers.putObject(a.getKey());
      def.put("type", "custom").put("tokenizer", "standard").putArray("char_filter")
          .add(Names.HYPHEN_CHAR_FILTER);
      a.getValue().forEach(def.putArray("filter")::add);
    }
    return body;
  }

  @AfterAll
  static void close() throws IOException {
    if (client != null) {
      client.send("DELETE", "/" + INDEX, null, (JsonNode) null);
      client.send("DELETE", "/" + CUSTOM, null, (JsonNode) null);
      client.close();
    }
  }

  /** Each token as one comparable line. */
  static List<String> local(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(NewsSchema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(line(term.toString(), position, len.getPositionLength(), offset.startOffset(),
            offset.endOffset(), type.type()));
      }
      ts.end();
    }
    return out;
  }

  static List<String> remote(String index, String analyzer, String text) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode().put("analyzer", analyzer).put("text", text);
    JsonNode answer = client.call("analysing", "POST", "/" + index + "/_analyze", null, body);
    List<String> out = new ArrayList<>();
    for (JsonNode t : answer.path("tokens")) {
      out.add(line(t.path("token").asText(), t.path("position").asInt(),
          t.path("positionLength").asInt(1), t.path("start_offset").asInt(),
          t.path("end_offset").asInt(), t.path("type").asText()));
    }
    return out;
  }

  private static String line(String term, int position, int length, int start, int end,
      String type) {
    return term + " @" + position + "+" + length + " [" + start + "," + end + ") " + type;
  }

  /** Runs every comparison on a few threads first, then one test per text. */
  private static Stream<DynamicTest> compare(List<String[]> named, Analyzer analyzer,
      String remoteAnalyzer) throws Exception {
    return compare(named, analyzer, INDEX, remoteAnalyzer);
  }

  private static Stream<DynamicTest> compare(List<String[]> named, Analyzer analyzer,
      String index, String remoteAnalyzer) throws Exception {
    Map<String, List<String>> remote = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String[] n : named) {
        done.add(pool.submit(() -> {
          remote.put(n[0], remote(index, remoteAnalyzer, n[1]));
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] n : named) {
      List<String> expected = local(analyzer, n[1]);
      tests.add(DynamicTest.dynamicTest(n[0], () -> assertEquals(expected, remote.get(n[0]),
          () -> n[0] + ": first difference at token " + firstDifference(expected,
              remote.get(n[0])))));
    }
    return tests.stream();
  }

  private static int firstDifference(List<String> a, List<String> b) {
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
      i++;
    }
    return i;
  }

  @TestFactory
  Stream<DynamicTest> indexTimeTokensOfRealArticles() throws Exception {
    List<String[]> named = articles();
    assertEquals(true, named.size() >= 2000, "at least 2,000 articles");
    return compare(named, new NewsAnalyzer(), ClusterSchema.TEXT_ANALYZER);
  }

  /**
   * A custom analyzer made of the registered steps gives NewsAnalyzer's tokens: index time over
   * every fourth article, query time over every query text.
   */
  @TestFactory
  Stream<DynamicTest> customAnalyzersOfTheRegisteredStepsGiveTheSameTokens() throws Exception {
    List<String[]> articles = articles();
    List<String[]> some = new ArrayList<>();
    for (int i = 0; i < articles.size(); i += 4) {
      some.add(new String[] {"custom_text: " + articles.get(i)[0], articles.get(i)[1]});
    }
    List<String[]> queries = new ArrayList<>();
    for (String[] q : queries()) {
      queries.add(new String[] {"custom_query: " + q[0], q[1]});
    }
    return Stream.concat(compare(some, new NewsAnalyzer(), CUSTOM, "custom_text"),
        compare(queries, queryAnalyzer(), CUSTOM, "custom_query"));
  }

  private static Analyzer queryAnalyzer() {
    return NewsAnalyzer.forQueries(IndexSettings.DEFAULT.stemmer(),
        NewsSynonyms.build(true, USER_RULES));
  }

  /** 800 BBC, 800 Reuters and all 423 TIME articles: 2,023 texts of three styles. */
  private static List<String[]> articles() throws IOException {
    List<String[]> named = new ArrayList<>();
    for (String corpus : List.of("bbc", "reuters21578", "time")) {
      for (Article a : Corpora.read(Corpora.corpus(corpus), 800)) {
        named.add(new String[] {corpus + " " + a.id(), a.title() + "\n\n" + a.body()});
      }
    }
    return named;
  }

  @TestFactory
  Stream<DynamicTest> queryTimeTokensWithTheSynonymChain() throws Exception {
    return compare(queries(), queryAnalyzer(), ClusterSchema.QUERY_ANALYZER);
  }

  /** The bundled alias rules' terms, alone and in a query, the user's, TIME's queries, titles. */
  private static List<String[]> queries() throws IOException {
    List<String[]> named = new ArrayList<>();
    try (InputStream in = NewsSynonyms.class.getResourceAsStream(NewsSynonyms.BUNDLED)) {
      int line = 0;
      for (String rule : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line++;
        if (rule.isBlank() || rule.strip().startsWith("#")) {
          continue;
        }
        int n = 0;
        for (String side : rule.split("=>|,")) {
          if (!side.isBlank()) {
            named.add(new String[] {"alias rule " + line + " term " + ++n, side.strip()});
            named.add(new String[] {"alias rule " + line + " term " + n + " in a query",
                "talks with " + side.strip() + " on trade"});
          }
        }
      }
    }
    for (String rule : USER_RULES.split("\n")) {
      named.add(new String[] {"user rule " + rule, rule.split("=>|,")[0].strip()});
    }
    int q = 0;
    for (String query : Files.readAllLines(Corpora.corpus("time").resolveSibling("queries.tsv"))) {
      if (query.contains("\t")) {
        named.add(new String[] {"TIME query " + ++q, query.substring(query.indexOf('\t') + 1)});
      }
    }
    for (Article a : Corpora.read(Corpora.corpus("reuters21578"), 600)) {
      if (!a.title().isBlank()) {
        named.add(new String[] {"Reuters title as query " + a.id(), a.title()});
      }
    }
    return named;
  }
}
