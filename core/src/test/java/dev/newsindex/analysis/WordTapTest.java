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

public class WordTapTest {
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

  /**
   * What the vocabulary field should hold of the spelling analyzer's words: each once, a
   * possessive's 's dropped, at least three letters and nothing else, not an ordinary English word.
   */
  public static List<String> vocabulary(List<String> spellingWords) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String w : spellingWords) {
      String word = w.endsWith("'s") || w.endsWith("\u2019s") ? w.substring(0, w.length() - 2) : w;
      if (word.matches("\\p{L}{3,}") && !EnglishWords.contains(word)) {
        out.add(word);
      }
    }
    return new ArrayList<>(out);
  }

  @Test
  void theNewsAnalysisFillsTheTapWithTheWordsSuggestionsNeedEachOnce() throws IOException {
    try (Analyzer news = new NewsAnalyzer(); Analyzer spelling = new SpellingAnalyzer()) {
      List<String> expected = vocabulary(analyse(spelling, TEXT));
      WordTap tap = new WordTap(TEXT);
      TokenStream stream = news.tokenStream("body", TEXT);
      assertTrue(tap.attachTo(stream));
      List<String> searchTerms = terms(stream);
      assertTrue(tap.tapped());
      assertEquals(expected, terms(tap.words()));
      // Names and foreign words stay; ordinary English words (the bundled list knows them),
      // numbers, abbreviations and words shorter than three letters do not.
      assertEquals(List.of("sao", "paulo", "donitz", "strasse"), expected);
      // The tap changes nothing in the analysis for search.
      assertEquals(analyse(news, TEXT), searchTerms);
      assertTrue(searchTerms.contains("highlevel"));
    }
  }

  @Test
  void aTapIsFilledOnlyByTheStreamItIsAttachedTo() throws IOException {
    try (Analyzer news = new NewsAnalyzer()) {
      WordTap first = new WordTap("Xalpha Xbeta");
      TokenStream stream = news.tokenStream("title", "Xalpha Xbeta");
      first.attachTo(stream);
      terms(stream);
      // The same analyzer (and, on this thread, the same reused stream) again, without the tap:
      // the first tap keeps its words.
      analyse(news, "Xgamma Xdelta");
      assertEquals(List.of("xalpha", "xbeta"), terms(first.words()));
    }
  }

  @Test
  void aTapNoAnalysisFilledFindsItsWordsItself() throws IOException {
    String text = "Well-known D\u00f6nitz-era Caf\u00e9s, Stra\u00dfe 12, D\u00f6nitz's.";
    WordTap tap = new WordTap(text);
    try (Analyzer spelling = new SpellingAnalyzer()) {
      TokenStream stream = spelling.tokenStream("body", text);
      assertFalse(tap.attachTo(stream), "an analyzer without a tap filter takes no tap");
      terms(stream);
    }
    assertEquals(List.of("donitz", "strasse"), terms(tap.words()));
    assertFalse(tap.tapped());
    try (Analyzer news = new NewsAnalyzer()) {
      WordTap other = new WordTap("Xgamma");
      analyse(news, "Xgamma"); // never attached: not filled by an analysis of its text
      assertFalse(other.tapped());
      assertEquals(List.of("xgamma"), terms(other.words()));
    }
  }
}
