package dev.newsindex.opensearch.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Stemmer;
import dev.newsindex.analysis.LanguageAnalyzers;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.analysis.NewsSynonyms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.Test;

/**
 * newsindex-core's analysis runs on the Lucene inside OpenSearch: this module's tests run on that
 * Lucene (10.5.0), so an API that only newsindex's own Lucene has fails here, before a cluster.
 */
class CoreOnClusterLuceneTest {
  private static List<String> terms(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void theTestsRunOnOpenSearchsLucene() {
    assertEquals(Version.LUCENE_10_5_0, Version.LATEST);
  }

  @Test
  void theIndexAndQueryChainsWork() throws IOException {
    List<String> index = terms(new NewsAnalyzer(), "The U.S. and Korea's high-level talks");
    assertTrue(index.containsAll(List.of("u.s", "korea", "high", "highlevel", "level", "talk")),
        index.toString());
    List<String> query = terms(NewsAnalyzer.forQueries(Stemmer.DEFAULT,
        NewsSynonyms.build(true, "zorbavia, republic of zorba")), "DPRK and Zorbavia");
    assertTrue(query.containsAll(List.of("dprk", "north", "korea", "zorbavia", "zorba")),
        query.toString());
  }

  @Test
  void theOtherLanguagesChainsWork() throws IOException {
    List<String> french = terms(LanguageAnalyzers.forLanguage("fr"), "L'Élysée et d’Alger");
    assertEquals(List.of("elys", "alg"), french);
    List<String> arabic = terms(LanguageAnalyzers.forLanguage("ar"), "الحكومة");
    assertEquals(List.of("حكوم"), arabic);
    List<String> german = terms(LanguageAnalyzers.forLanguage("de"), "Bahnstreik");
    assertTrue(german.containsAll(List.of("bahn", "streik")), german.toString());
  }
}
