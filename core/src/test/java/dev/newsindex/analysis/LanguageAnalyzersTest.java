package dev.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/**
 * Token-level checks of each language's chain for the traps of its news text, with offsets (which
 * highlighting depends on) and positions, and random text through every chain.
 */
public class LanguageAnalyzersTest extends BaseTokenStreamTestCase {

  public void testFrenchElisionWithStraightAndCurlyApostrophesAndAccentsFolded() throws Exception {
    try (Analyzer a = LanguageAnalyzers.forLanguage("fr")) {
      assertAnalyzesTo(a, "L'Élysée dément, d\u2019Alger à Paris",
          new String[] {"elys", "dement", "alg", "pari"},
          new int[] {0, 9, 17, 27}, new int[] {8, 15, 24, 32});
      // Typed without accents, the query meets the indexed words.
      assertAnalyzesTo(a, "Elysee elections", new String[] {"elys", "election"});
      assertAnalyzesTo(a, "les élections présidentielles", new String[] {"election",
          "presidentiel"}, new int[] {4, 14}, new int[] {13, 29}, new int[] {2, 1});
    }
  }

  public void testArabicDefiniteArticleAndDiacriticsAreRemovedRightToLeftOffsetsExact()
      throws Exception {
    try (Analyzer a = LanguageAnalyzers.forLanguage("ar")) {
      // "the government announces", with the article, a prefixed article and a damma.
      assertAnalyzesTo(a, "الحكومة تعلن والحكومةُ بالحكومة",
          new String[] {"حكوم", "تعلن", "حكوم", "حكوم"},
          new int[] {0, 8, 13, 23}, new int[] {7, 12, 22, 31});
      assertAnalyzesTo(a, "حكومة", new String[] {"حكوم"});
      // Arabic-Indic digits are digits: ٢٠٢٤ is 2024.
      assertAnalyzesTo(a, "عام ٢٠٢٤", new String[] {"عام", "2024"});
    }
  }

  public void testGermanCompoundsAreFoundByTheirParts() throws Exception {
    try (Analyzer a = LanguageAnalyzers.forLanguage("de")) {
      assertAnalyzesTo(a, "Der Bahnstreik legt den Fernverkehr lahm",
          new String[] {"bahnstreik", "bahn", "streik", "legt", "fernverkehr", "fern", "verkehr",
              "lahm"},
          new int[] {4, 4, 4, 15, 24, 24, 24, 36}, new int[] {14, 14, 14, 19, 35, 35, 35, 40},
          new int[] {2, 0, 0, 1, 2, 0, 0, 1});
      // ß and umlauts folded: the query "Strasse" finds "Straße", "Fussball" finds "Fußball".
      assertAnalyzesTo(a, "Straße Fußball", new String[] {"strass", "fussball"});
      assertAnalyzesTo(a, "Strasse Fussball", new String[] {"strass", "fussball"});
    }
  }

  public void testSpanishStopWordsAndLightStemming() throws Exception {
    try (Analyzer a = LanguageAnalyzers.forLanguage("es")) {
      assertAnalyzesTo(a, "El gobierno aprueba las pensiones; Pensión",
          new String[] {"gobiern", "aprueb", "pension", "pension"},
          new int[] {3, 12, 24, 35}, new int[] {11, 19, 33, 42});
    }
  }

  /**
   * Stop words written with accents are removed as written, in any case, and the words that only
   * folding would make their twins stay: German {@code über} goes, {@code Uber} stays.
   */
  public void testAccentedStopWordsGoAndTheirUnaccentedTwinsStay() throws Exception {
    try (Analyzer a = LanguageAnalyzers.forLanguage("de")) {
      assertAnalyzesTo(a, "Für Uber über Berlin", new String[] {"uber", "berlin"},
          new int[] {4, 14}, new int[] {8, 20}, new int[] {2, 2});
      // Decomposed umlauts (u + combining diaeresis) are the same word.
      assertAnalyzesTo(a, "fu\u0308r Berlin", new String[] {"berlin"});
      assertAnalyzesTo(a, "DASS Berlin daß", new String[] {"berlin"});
    }
    try (Analyzer a = LanguageAnalyzers.forLanguage("es")) {
      assertAnalyzesTo(a, "Él dijo más", new String[] {"dijo"});
    }
    try (Analyzer a = LanguageAnalyzers.forLanguage("fr")) {
      assertAnalyzesTo(a, "À Paris", new String[] {"pari"});
    }
  }

  public void testOtherScriptsAreSegmentedAndFoldedWithoutStemming() throws Exception {
    try (Analyzer a = LanguageAnalyzers.forLanguage(LanguageAnalyzers.OTHER)) {
      assertAnalyzesTo(a, "Правительство повысит пенсии 東京で地震",
          new String[] {"правительство", "повысит", "пенсии", "東京", "て", "地震"},
          new int[] {0, 14, 22, 29, 31, 32}, new int[] {13, 21, 28, 31, 32, 34});
      // Hebrew, right to left: offsets count in logical (reading) order.
      assertAnalyzesTo(a, "ממשלת ישראל", new String[] {"ממשלת", "ישראל"}, new int[] {0, 6},
          new int[] {5, 11});
    }
  }

  public void testNormalizeFoldsAsTheChainDoesForWildcards() throws Exception {
    try (Analyzer a = LanguageAnalyzers.forLanguage("fr")) {
      assertEquals("elysee", a.normalize("body_fr", "Élysée").utf8ToString());
    }
    try (Analyzer a = LanguageAnalyzers.forLanguage("ar")) {
      // The damma dropped, teh marbuta written as heh, as the chain's normalisation does.
      assertEquals("حكومه", a.normalize("body_ar", "حكومةُ").utf8ToString());
    }
  }

  public void testRandomTextInEveryChain() throws Exception {
    for (String lang : new String[] {"ar", "de", "es", "fr", LanguageAnalyzers.OTHER}) {
      try (Analyzer a = LanguageAnalyzers.forLanguage(lang)) {
        checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
      }
    }
  }

  /** The stop lists read with one compiled pattern are Lucene's default stop sets, case-folded. */
  public void testSnowballStopListsAreLucenesDefaultSets() throws Exception {
    for (Object[] list : new Object[][] {
        {FrenchAnalyzer.DEFAULT_STOPWORD_FILE, FrenchAnalyzer.getDefaultStopSet()},
        {GermanAnalyzer.DEFAULT_STOPWORD_FILE, GermanAnalyzer.getDefaultStopSet()},
        {SpanishAnalyzer.DEFAULT_STOPWORD_FILE, SpanishAnalyzer.getDefaultStopSet()}}) {
      CharArraySet lucenes = (CharArraySet) list[1];
      CharArraySet read = LanguageAnalyzers.snowballStopWords((String) list[0],
          () -> {
            throw new AssertionError("the list is on the class path: read it");
          });
      assertEquals(list[0].toString(), words(lucenes), words(read));
    }
  }

  private static java.util.Set<String> words(CharArraySet set) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Object w : set) {
      out.add(com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance()
          .normalize(new String((char[]) w)));
    }
    return out;
  }
}
