package dev.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.util.BytesRef;

/** Token-level checks of the news chain, including offsets (which highlighting depends on). */
public class NewsAnalyzerTest extends BaseTokenStreamTestCase {

  public void testPossessivesWithStraightAndCurlyApostrophes() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "Korea's Korea\u2019s", new String[] {"korea", "korea"},
          new int[] {0, 8}, new int[] {7, 15});
    }
  }

  public void testFoldsAccentsAndLowercases() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "D\u00f6nitz in S\u00e3o Paulo", new String[] {"donitz", "sao", "paulo"},
          new int[] {0, 10, 14}, new int[] {6, 13, 19});
    }
  }

  public void testDropsStopWordsAndKeepsPositionsGaps() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "the deterrence of the strategy", new String[] {"deterr", "strategi"},
          new int[] {4, 22}, new int[] {14, 30}, new int[] {2, 3});
    }
  }

  public void testKeepsNumbersPercentagesAndYears() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "rates rose 3.5% in 2024", new String[] {"rate", "rose", "3.5", "2024"});
    }
  }

  public void testStemsInflectionsTogether() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      assertAnalyzesTo(a, "escalated escalating escalation",
          new String[] {"escal", "escal", "escal"});
    }
  }

  public void testNormalizeFoldsLikeIndexing() {
    try (Analyzer a = new NewsAnalyzer()) {
      assertEquals(new BytesRef("donitz"), a.normalize("body", "D\u00d6NITZ"));
    }
  }

  public void testRandomText() throws Exception {
    try (Analyzer a = new NewsAnalyzer()) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
    }
  }
}
