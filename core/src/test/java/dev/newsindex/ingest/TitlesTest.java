package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitlesTest {
  @Test
  void stopsAtTheFirstSentenceEnd() {
    assertEquals("Markets fell sharply", Titles.derive("Markets fell sharply. Oil rose."));
  }

  @Test
  void doesNotStopAtAbbreviations() {
    assertEquals("The U.S. and Mr. Smith agreed on Jan. 5 to talk",
        Titles.derive("The U.S. and Mr. Smith agreed on Jan. 5 to talk. Then they left."));
  }

  @Test
  void keepsAQuestionMarkAndClosingQuote() {
    assertEquals("\u201CWhy now?\u201D", Titles.derive("\u201CWhy now?\u201D she asked."));
  }

  @Test
  void shortensLongSentencesAtAWordBoundary() {
    String body = "word ".repeat(40).strip() + ".";
    String title = Titles.derive(body);
    assertEquals('\u2026', title.charAt(title.length() - 1));
    assertEquals(Titles.MAX_CHARS - 1, title.length() - 1); // 20 x "word " minus the last space
  }

  @Test
  void usesOnlyTheFirstParagraph() {
    assertEquals("Headline without a full stop", Titles.derive(
        "Headline without a full stop\n\nSecond paragraph. More."));
  }

  @Test
  void collapsesWhiteSpaceExactlyAsTheRegularExpressionDid() {
    java.util.Random random = new java.util.Random(42);
    char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003',
        '.'};
    for (int n = 0; n < 2000; n++) {
      char[] text = new char[random.nextInt(12)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text);
      assertEquals(s.replaceAll("\\s+", " "), Titles.collapseSpaces(s), s);
    }
  }
}
