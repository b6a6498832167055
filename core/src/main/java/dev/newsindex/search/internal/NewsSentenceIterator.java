package dev.newsindex.search.internal;

import dev.newsindex.ingest.Titles;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Locale;

/**
 * Sentence boundaries for news passages: the JDK's English sentence rules, minus the boundaries
 * they put after abbreviations such as {@code U.S.} or {@code Mr.} (see {@link
 * Titles#isAbbreviation}). Boundaries are found lazily, around the offsets the highlighter asks
 * about, so a long body costs little when its matches are few.
 */
final class NewsSentenceIterator extends BreakIterator {
  private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
  private CharacterIterator text = new StringCharacterIterator("");
  private String chars = "";
  private int base;

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      sb.append(c);
    }
    chars = sb.toString();
    base = newText.getBeginIndex();
    sentences.setText(chars);
  }

  /** Whether the boundary {@code b} (in {@link #chars}) follows an abbreviation's full stop. */
  private boolean isAbbreviationBreak(int b) {
    if (b <= 0 || b >= chars.length()) {
      return false;
    }
    int i = b - 1;
    while (i > 0 && chars.charAt(i) == ' ') {
      i--;
    }
    return chars.charAt(i) == '.' && Titles.isAbbreviation(chars, i);
  }

  private int forward(int b) {
    while (b != DONE && isAbbreviationBreak(b)) {
      b = sentences.next();
    }
    return out(b);
  }

  private int backward(int b) {
    while (b != DONE && isAbbreviationBreak(b)) {
      b = sentences.previous();
    }
    return out(b);
  }

  private int out(int b) {
    return b == DONE ? DONE : b + base;
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    return out(sentences.first());
  }

  @Override
  public int last() {
    return out(sentences.last());
  }

  @Override
  public int next(int n) {
    int b = current();
    for (int i = 0; i < Math.abs(n) && b != DONE; i++) {
      b = n > 0 ? next() : previous();
    }
    return b;
  }

  @Override
  public int next() {
    return forward(sentences.next());
  }

  @Override
  public int previous() {
    return backward(sentences.previous());
  }

  @Override
  public int following(int offset) {
    return forward(sentences.following(offset - base));
  }

  @Override
  public int preceding(int offset) {
    return backward(sentences.preceding(offset - base));
  }

  @Override
  public int current() {
    return out(sentences.current());
  }
}
