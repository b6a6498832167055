package dev.newsindex.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence boundaries: none after abbreviations, and every way of moving agrees. */
class NewsSentenceIteratorTest {
  static final String TEXT = "The U.S. and Mr. Smith met on Monday. Talks went well! "
      + "Did they agree? Officials at the U.N. said yes.";

  static List<Integer> forward(BreakIterator it) {
    List<Integer> out = new ArrayList<>();
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      out.add(b);
    }
    return out;
  }

  @Test
  void sentencesEndAtFullStopsButNotAfterAbbreviations() {
    BreakIterator it = new NewsSentenceIterator();
    it.setText(new StringCharacterIterator(TEXT));
    List<Integer> bounds = forward(it);
    assertEquals(List.of(0, TEXT.indexOf("Talks"), TEXT.indexOf("Did"), TEXT.indexOf("Officials"),
        TEXT.length()), bounds);
    List<Integer> backward = new ArrayList<>();
    for (int b = it.last(); b != BreakIterator.DONE; b = it.previous()) {
      backward.add(0, b);
    }
    assertEquals(bounds, backward);
  }

  @Test
  void followingAndPrecedingAgreeWithTheBoundaries() {
    BreakIterator it = new NewsSentenceIterator();
    // A text that does not start at index 0, as the highlighter may pass.
    it.setText(new StringCharacterIterator(TEXT, 0, TEXT.length(), 0));
    List<Integer> bounds = forward(it);
    for (int offset = 0; offset < TEXT.length(); offset++) {
      int expectedFollowing = BreakIterator.DONE;
      for (int b : bounds) {
        if (b > offset) {
          expectedFollowing = b;
          break;
        }
      }
      assertEquals(expectedFollowing, it.following(offset), "following " + offset);
      int expectedPreceding = BreakIterator.DONE;
      for (int b : bounds) {
        if (b < offset) {
          expectedPreceding = b;
        }
      }
      if (offset > 0) {
        assertEquals(expectedPreceding, it.preceding(offset), "preceding " + offset);
      }
    }
  }
}
