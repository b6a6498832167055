package dev.newsindex.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class WordTapTest {
  private static final String TEXT = "The US and the U.K. held HIGH-LEVEL talks -- again -- on"
      + " 3.5% growth in 2024; S\u00e3o Paulo's mayor e-mailed well-known D\u00f6nitz-era officials"
      + " about the Stra\u00dfe. Talks talks TALKS resumed at 10:30 (it's IT's turn).";

  private static List<String> terms(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term.toString());
    }
    ts.end();
    ts.close();
    return out;
  }

  private static List<String> analyse(Analyzer a, String text) throws IOException {
    return terms(a.tokenStream("body", text));
  }

  @Test
  void theNewsAnalysisFillsTheTapWithTheSpellingAnalyzersWordsEachOnce() throws IOException {
    try (Analyzer news = new NewsAnalyzer(); Analyzer spelling = new SpellingAnalyzer()) {
      List<String> expected = new ArrayList<>(new LinkedHashSet<>(analyse(spelling, TEXT)));
      WordTap tap = new WordTap(TEXT);
      tap.attach();
      List<String> searchTerms = analyse(news, TEXT);
      assertTrue(tap.tapped());
      assertEquals(expected, terms(tap.words()));
      assertTrue(expected.containsAll(List.of("high", "level", "e", "mailed", "well", "known",
          "donitz", "era", "sao", "paulo's", "strasse", "talks", "u.k", "us", "it's")));
      // The tap changes nothing in the analysis for search.
      assertEquals(analyse(news, TEXT), searchTerms);
      assertTrue(searchTerms.contains("highlevel"));
    }
  }

  @Test
  void aTapIsFilledOnlyByTheAnalysisRightAfterItIsAttached() throws IOException {
    try (Analyzer news = new NewsAnalyzer()) {
      WordTap first = new WordTap("Alpha beta");
      first.attach();
      analyse(news, "Alpha beta");
      analyse(news, "Gamma delta"); // nothing attached: the first tap keeps its words
      assertEquals(List.of("alpha", "beta"), terms(first.words()));
    }
  }

  @Test
  void aTapNoAnalysisFilledFindsItsWordsItself() throws IOException {
    WordTap tap = new WordTap("Well-known Caf\u00e9s, well known.");
    tap.attach(); // but the field is analysed by an analyzer without the tap
    assertEquals(List.of("well", "known", "cafes"), terms(tap.words()));
    assertFalse(tap.tapped());
    try (Analyzer news = new NewsAnalyzer()) {
      WordTap other = new WordTap("Gamma");
      analyse(news, "Gamma"); // the detached tap above is not filled by a later analysis
      assertFalse(other.tapped());
      assertEquals(List.of("gamma"), terms(other.words()));
    }
  }
}
