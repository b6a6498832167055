package dev.newsindex.analysis;

import dev.newsindex.Stemmer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.util.BytesRef;

/**
 * Token-level checks of the news chain for each trap of news text, with offsets and positions
 * (which highlighting and phrases depend on).
 */
public class NewsAnalyzerTest extends BaseTokenStreamTestCase {

  public void testPossessivesWithStraightAndCurlyApostrophes() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "Korea's Korea\u2019s Korea\uFF07s", new String[] {"korea", "korea",
          "korea"}, new int[] {0, 8, 16}, new int[] {7, 15, 23});
    }
  }

  public void testFoldsAccentsAndLowercases() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "D\u00f6nitz in S\u00e3o Paulo, Pyongyang",
          new String[] {"donitz", "sao", "paulo", "pyongyang"},
          new int[] {0, 10, 14, 21}, new int[] {6, 13, 19, 30});
    }
  }

  public void testDropsStopWordsAndKeepsPositionsGaps() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.PORTER)) {
      assertAnalyzesTo(a, "the deterrence of the strategy", new String[] {"deterr", "strategi"},
          new int[] {4, 22}, new int[] {14, 30}, new int[] {2, 3});
    }
  }

  public void testCapitalisedStopWordsStartingATitleAreStopWords() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.NONE)) {
      // Not mistaken for acronyms: dropped like their lower-case forms, leaving the real words.
      assertAnalyzesTo(a, "The Hague", new String[] {"hague"}, new int[] {4}, new int[] {9},
          new int[] {2});
      assertAnalyzesTo(a, "A U.S. Plan", new String[] {"u.s", "plan"}, new int[] {2, 7},
          new int[] {5, 11}, new int[] {2, 1});
      assertAnalyzesTo(a, "IT IS OVER", new String[] {"over"});
      assertAnalyzesTo(a, "It Is Over", new String[] {"over"});
    }
  }

  public void testKeepsNumbersPercentagesAndYears() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.KSTEM)) {
      assertAnalyzesTo(a, "rates rose 3.5% in 2024, up 12,000", new String[] {"rate", "rose",
          "3.5", "2024", "up", "12,000"}, new int[] {0, 6, 11, 19, 25, 28},
          new int[] {5, 10, 14, 23, 27, 34});
    }
  }

  public void testDottedAndUndottedAcronymsShareATerm() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "U.S. US u.s. U.S", new String[] {"u.s", "u.s", "u.s", "u.s"},
          new int[] {0, 5, 8, 13}, new int[] {3, 7, 11, 16});
      assertAnalyzesTo(a, "U.N. UN E.U. EU U.K. UK", new String[] {"un", "un", "eu", "eu", "uk",
          "uk"});
    }
  }

  public void testThePronounUsIsNotTheCountry() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.KSTEM)) {
      assertAnalyzesTo(a, "Let us talk to US officials. Us and them.",
          new String[] {"let", "us", "talk", "u.s", "official", "us", "them"});
      assertAnalyzesTo(a, "US", new String[] {"u.s"});
      assertAnalyzesTo(a, "us", new String[] {"us"});
    }
  }

  public void testTextAllInCapitalsReadsUsAsThePronoun() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.NONE)) {
      // TIME and wire headlines are set in capitals: there the case says nothing.
      assertAnalyzesTo(a, "THEY TOLD US THE U.S . WANTS TALKS",
          new String[] {"told", "us", "u.s", "wants", "talks"});
    }
  }

  public void testAcronymsAreNotStemmed() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.PORTER)) {
      assertAnalyzesTo(a, "AIDS aids", new String[] {"a.i.d.s", "aid"});
    }
  }

  public void testHyphenatedCompoundsAreFoundWholeAndByParts() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.NONE)) {
      assertAnalyzesTo(a, "recent high-level talks", new String[] {"recent", "high", "highlevel",
          "level", "talks"}, new int[] {0, 7, 7, 12, 18}, new int[] {6, 11, 17, 17, 23}, null,
          new int[] {1, 1, 0, 1, 1}, new int[] {1, 1, 2, 1, 1}, true);
      assertAnalyzesTo(a, "a full\u2011blown crisis", new String[] {"full", "fullblown", "blown",
          "crisis"}, new int[] {2, 2, 7, 13}, new int[] {6, 12, 12, 19}, null,
          new int[] {2, 0, 1, 1}, new int[] {1, 2, 1, 1}, true);
    }
  }

  public void testHyphenAcrossTheCharFiltersBufferBoundary() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.NONE)) {
      String pad = "x ".repeat(2047); // 4094 characters, so the hyphen is at 4095
      assertAnalyzesTo(a, pad + "a-b", java.util.stream.Stream.concat(
          java.util.stream.Stream.generate(() -> "x").limit(2047),
          java.util.stream.Stream.of("a", "ab", "b")).toArray(String[]::new));
    }
  }

  public void testDashesBetweenWordsAreNotCompounds() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.NONE)) {
      assertAnalyzesTo(a, "talks -- peace - war", new String[] {"talks", "peace", "war"});
    }
  }

  public void testAmpersandAcronymsAreOneTerm() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "AT&T and S&P's R&D, Q&A", new String[] {"at&t", "s&p", "r&d", "q&a"},
          new int[] {0, 9, 15, 20}, new int[] {4, 14, 18, 23}, new int[] {1, 2, 1, 1});
      // Not between letters: an ampersand is punctuation as before.
      assertAnalyzesTo(a, "Marks & Spencer 3&4", new String[] {"mark", "spencer", "3", "4"});
    }
  }

  public void testWireFractionsAreOneNumber() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.NONE)) {
      assertAnalyzesTo(a, "up 7/8 to 23-1/2, 1/4 point", new String[] {"up", "7/8", "23",
          "231/2", "1/2", "1/4", "point"}, new int[] {0, 3, 10, 10, 13, 18, 22},
          new int[] {2, 6, 12, 16, 16, 21, 27}, null, new int[] {1, 1, 2, 0, 1, 1, 1},
          new int[] {1, 1, 1, 2, 1, 1, 1}, true);
      // A slash between words is not a number's.
      assertAnalyzesTo(a, "km/h war/peace", new String[] {"km", "h", "war", "peace"});
    }
  }

  public void testBritishAndAmericanSpellingsMeet() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.NONE)) {
      assertAnalyzesTo(a, "organisation organization labour defence programme modernise centre"
          + " well-organised", new String[] {"organization", "organization", "labor", "defense",
          "program", "modernize", "center", "well", "wellorganised", "organized"});
      // Real words are never rewritten as others: tour is not tor, four not for.
      assertAnalyzesTo(a, "tour four hour analyses", new String[] {"tour", "four", "hour",
          "analyses"});
    }
    try (Analyzer porter = new NewsAnalyzer(Stemmer.PORTER)) {
      assertEquals(java.util.List.of(termsOf(porter, "organizations")),
          java.util.List.of(termsOf(porter, "organisations")));
      assertEquals(java.util.List.of(termsOf(porter, "modernize")),
          java.util.List.of(termsOf(porter, "modernised")));
    }
  }

  public void testPorterIsKeptFromMergingUnrelatedNewsWords() throws Exception {
    try (Analyzer a = new NewsAnalyzer(Stemmer.PORTER)) {
      assertAnalyzesTo(a, "organization organizations organ organs",
          new String[] {"organization", "organizations", "organ", "organ"});
      assertAnalyzesTo(a, "general generous generate generated generation",
          new String[] {"general", "generous", "generate", "generated", "generation"});
      assertAnalyzesTo(a, "United units news new France francs",
          new String[] {"united", "unit", "news", "new", "france", "franc"});
      // Words outside the families are stemmed as before.
      assertAnalyzesTo(a, "policies elections", new String[] {"polici", "elect"});
    }
    try (Analyzer unguarded = new NewsAnalyzer(Stemmer.PORTER,
        new NewsAnalyzer.Variant(true, StemGuard.NONE));
        Analyzer dictionary = new NewsAnalyzer(Stemmer.PORTER,
            new NewsAnalyzer.Variant(true, StemGuard.DICTIONARY))) {
      assertAnalyzesTo(unguarded, "organization organ", new String[] {"organ", "organ"});
      assertAnalyzesTo(dictionary, "organizations organ generated",
          new String[] {"organization", "organ", "generate"});
    }
  }

  private static String[] termsOf(Analyzer a, String text) throws Exception {
    java.util.List<String> terms = new java.util.ArrayList<>();
    try (var ts = a.tokenStream("body", text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms.toArray(String[]::new);
  }

  public void testEachStemmer() throws Exception {
    String text = "policies elections escalated";
    try (Analyzer porter = new NewsAnalyzer(Stemmer.PORTER);
        Analyzer kstem = new NewsAnalyzer(Stemmer.KSTEM);
        Analyzer minimal = new NewsAnalyzer(Stemmer.MINIMAL);
        Analyzer none = new NewsAnalyzer(Stemmer.NONE)) {
      assertAnalyzesTo(porter, text, new String[] {"polici", "elect", "escal"});
      assertAnalyzesTo(kstem, text, new String[] {"policy", "election", "escalate"});
      assertAnalyzesTo(minimal, text, new String[] {"policy", "election", "escalated"});
      assertAnalyzesTo(none, text, new String[] {"policies", "elections", "escalated"});
    }
  }

  public void testNormalizeFoldsLikeIndexing() {
    try (Analyzer a = new NewsAnalyzer()) {
      assertEquals(new BytesRef("donitz"), a.normalize("body", "D\u00d6NITZ"));
    }
  }

  public void testRandomText() throws Exception {
    for (Stemmer s : Stemmer.values()) {
      try (Analyzer a = new NewsAnalyzer(s)) {
        checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      }
    }
  }

  public void testRandomTextWithHyphensAndAcronyms() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      String[] words = {"high-level", "U.S.", "US", "us", "LET", "US", "full-blown", "it's",
          "Korea\u2019s", "3.5%", "-", "--", "a-b-c", "UN", "talks", "AT&T", "&", "S&P's", "3-1/2",
          "7/8", "/", "1/", "labour", "organisations", "well-organised", "a&", "&b", "x/y"};
      for (int i = 0; i < 200; i++) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random().nextInt(12);
        for (int j = 0; j < n; j++) {
          b.append(words[random().nextInt(words.length)]).append(random().nextBoolean() ? " "
              : "  ");
        }
        checkAnalysisConsistency(random(), a, random().nextBoolean(), b.toString());
      }
      checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER, 20);
    }
  }
}
