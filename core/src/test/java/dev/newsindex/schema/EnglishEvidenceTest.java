package dev.newsindex.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnglishEvidenceTest {
  private static final String ENGLISH = "Showers continued throughout the week in the Bahia cocoa"
      + " zone, alleviating the drought since early January and improving prospects for the coming"
      + " harvest, although normal humidity levels have not been restored, the trade house said in"
      + " its weekly review. The dry period means the harvest will be late this year.";
  private static final String FRENCH = "Le gouvernement a annoncé mardi une série de mesures pour"
      + " soutenir les agriculteurs touchés par la sécheresse, qui dure depuis le début de l'été dans"
      + " le sud du pays, et le ministre a promis des aides rapides aux exploitations les plus"
      + " touchées par la crise.";
  private static final String GERMAN = "Die Bundesregierung hat am Dienstag ein Paket von"
      + " Maßnahmen vorgestellt, das die Landwirte in den von der Dürre betroffenen Regionen im"
      + " Süden des Landes unterstützen soll, und der Minister versprach schnelle Hilfe für die am"
      + " stärksten betroffenen Betriebe in der Krise.";
  private static final String TABLE = "COBANCO INC YEAR NET Shr 34 cts vs 1.19 dlrs Net 807,000 vs"
      + " 2,858,000 Assets 510.2 mln vs 479.7 mln Deposits 472.3 mln vs 440.3 mln Loans 299.2 mln"
      + " vs 327.2 mln";

  private static EnglishEvidence scan(String text) {
    return EnglishEvidence.scan(text.toCharArray(), text.length());
  }

  @Test
  void runningEnglishIsSettledByItsFunctionWords() {
    assertTrue(scan(ENGLISH).isEnglish());
    assertTrue(scan(ENGLISH.toUpperCase(java.util.Locale.ROOT)).isEnglish());
    assertEquals("en", LanguageDetection.detect("Bahia cocoa review", ENGLISH));
  }

  @Test
  void otherLanguagesAndTablesAreLeftToTheProfiles() {
    assertFalse(scan(FRENCH).isEnglish());
    assertFalse(scan(GERMAN).isEnglish());
    assertFalse(scan(TABLE).isEnglish());
    assertEquals("fr", LanguageDetection.detect("Sécheresse", FRENCH));
    assertEquals("de", LanguageDetection.detect("Dürre", GERMAN));
  }

  @Test
  void tooFewWordsAreNoEvidence() {
    assertFalse(scan("the of and to in that for with said was is on by").isEnglish());
  }

  @Test
  void lettersAndCapitalsAreCountedAsTheProfilesReadThem() {
    EnglishEvidence s = scan("São Paulo, 12 ÉTÉ");
    assertEquals(11, s.letters);
    assertEquals(5, s.capitals);
  }
}
