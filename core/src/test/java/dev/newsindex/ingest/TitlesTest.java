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
}
