package dev.newsindex.search.internal;

import dev.newsindex.ingest.Titles;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sentence boundaries for news passages: the JDK's English sentence rules, minus the boundaries
 * they put after abbreviations such as {@code U.S.} or {@code Mr.} (see {@link
 * Titles#isAbbreviation}). Boundaries are computed once per text, when it is set.
 */
final class NewsSentenceIterator extends BreakIterator {
  private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
  private CharacterIterator text = new StringCharacterIterator("");
  private int[] bounds = {0};
  private int at;

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      sb.append(c);
    }
    int base = newText.getBeginIndex();
    sentences.setText(sb.toString());
    int[] found = new int[16];
    int n = 0;
    for (int b = sentences.first(); b != DONE; b = sentences.next()) {
      if (b > 0 && b < sb.length() && isAbbreviationBreak(sb, b)) {
        continue;
      }
      if (n == found.length) {
        found = Arrays.copyOf(found, n * 2);
      }
      found[n++] = base + b;
    }
    bounds = Arrays.copyOf(found, n);
    at = 0;
  }

  /** Whether the boundary {@code b} follows an abbreviation's full stop (and spaces). */
  private static boolean isAbbreviationBreak(CharSequence s, int b) {
    int i = b - 1;
    while (i > 0 && s.charAt(i) == ' ') {
      i--;
    }
    return s.charAt(i) == '.' && Titles.isAbbreviation(s, i);
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    at = 0;
    return bounds[at];
  }

  @Override
  public int last() {
    at = bounds.length - 1;
    return bounds[at];
  }

  @Override
  public int next(int n) {
    int target = at + n;
    if (target < 0 || target >= bounds.length) {
      at = target < 0 ? 0 : bounds.length - 1;
      return DONE;
    }
    at = target;
    return bounds[at];
  }

  @Override
  public int next() {
    return next(1);
  }

  @Override
  public int previous() {
    return next(-1);
  }

  @Override
  public int following(int offset) {
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i + 1 : -i - 1;
    if (i >= bounds.length) {
      at = bounds.length - 1;
      return DONE;
    }
    at = i;
    return bounds[at];
  }

  @Override
  public int preceding(int offset) {
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i - 1 : -i - 2;
    if (i < 0) {
      at = 0;
      return DONE;
    }
    at = i;
    return bounds[at];
  }

  @Override
  public int current() {
    return bounds[at];
  }
}
