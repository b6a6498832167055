package dev.newsindex.schema;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Near-duplicate signatures of short wire notices, whose headline alone names the company. */
class MinHashTest {
  static final String NOTICE = "Qtly div six cts vs six cts prior\n    Pay April 28\n"
      + "    Record March 31";

  @Test
  void shortNoticesOfDifferentCompaniesAreNotCopiesOfEachOther() {
    int[] a = MinHash.of("FIRST MISSISSIPPI CORP <FRM> SETS PAYOUT", NOTICE);
    int[] b = MinHash.of("<MDS HEALTH GROUP LIMITED> IN QTLY PAYOUT", NOTICE);
    assertNotNull(a);
    assertTrue(!MinHash.similar(a, b, MinHash.DEFAULT_THRESHOLD), "resemblance "
        + MinHash.resemblance(a, b));
  }

  @Test
  void theSameShortNoticeSentTwiceIsACopy() {
    int[] a = MinHash.of("THOMPSON MEDICAL CO INC <TM> SETS QUARTERLY", NOTICE);
    int[] b = MinHash.of("THOMPSON MEDICAL CO INC <TM> DECLARES QTLY DIV", NOTICE);
    assertTrue(MinHash.similar(a, b, MinHash.DEFAULT_THRESHOLD), "resemblance "
        + MinHash.resemblance(a, b));
    assertTrue(java.util.Arrays.equals(a, MinHash.decode(MinHash.encode(a), 0,
        MinHash.encode(a).length)), "a short text's signature survives doc values");
  }

  @Test
  void aSignatureTakesHalfAByteOfDocValuesPerValue() {
    String body = "The central bank said on Tuesday that it would keep its key interest rate"
        + " unchanged for a third month, citing slowing growth in the euro zone and a strong"
        + " currency that has weighed on exports. Economists had expected the decision, though"
        + " several had forecast a cut before the end of the year as inflation eased again.";
    int[] sig = MinHash.of("Bank holds rates", body);
    byte[] bytes = MinHash.encode(sig);
    assertTrue(bytes.length == MinHash.SIZE / 2, bytes.length + " bytes");
    assertTrue(java.util.Arrays.equals(sig, MinHash.decode(bytes, 0, bytes.length)),
        "a signature survives doc values");
  }

  @Test
  void aLongStoryIsACopyWhateverItsHeadline() {
    String body = "The central bank said on Tuesday that it would keep its key interest rate"
        + " unchanged for a third month, citing slowing growth in the euro zone and a strong"
        + " currency that has weighed on exports. Economists had expected the decision, though"
        + " several had forecast a cut before the end of the year as inflation eased again.";
    double r = MinHash.resemblance(MinHash.of("Bank holds rates", body),
        MinHash.of("Update: rates held as growth slows", body));
    assertTrue(r == 1.0, "resemblance " + r);
  }
}
