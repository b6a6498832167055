package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.analysis.NewsSynonyms;
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
  }

  @AfterAll
  static void close() throws IOException {
    if (client != null) {
      client.send("DELETE", "/" + INDEX, null, (JsonNode) null);
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

  static List<String> remote(String analyzer, String text) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode().put("analyzer", analyzer).put("text", text);
    JsonNode answer = client.call("analysing", "POST", "/" + INDEX + "/_analyze", null, body);
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
    Map<String, List<String>> remote = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String[] n : named) {
        done.add(pool.submit(() -> {
          remote.put(n[0], remote(remoteAnalyzer, n[1]));
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
    // 800 BBC, 800 Reuters and all 423 TIME articles: 2,023 texts of three styles.
    List<String[]> named = new ArrayList<>();
    for (String corpus : List.of("bbc", "reuters21578", "time")) {
      for (Article a : Corpora.read(Corpora.corpus(corpus), 800)) {
        named.add(new String[] {corpus + " " + a.id(), a.title() + "\n\n" + a.body()});
      }
    }
    assertEquals(true, named.size() >= 2000, "at least 2,000 articles");
    return compare(named, new NewsAnalyzer(), ClusterSchema.TEXT_ANALYZER);
  }

  @TestFactory
  Stream<DynamicTest> queryTimeTokensWithTheSynonymChain() throws Exception {
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
    Analyzer query = NewsAnalyzer.forQueries(IndexSettings.DEFAULT.stemmer(),
        NewsSynonyms.build(true, USER_RULES));
    return compare(named, query, ClusterSchema.QUERY_ANALYZER);
  }
}
