package dev.newsindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Splits a compound joined by {@link #JOINER} (which {@link NewsAnalyzer} puts where the text had a
 * hyphen between two words) into its parts, at consecutive positions with their own offsets, plus
 * the parts run together, stacked on the first part and spanning all of them: {@code high_level} →
 * {@code high}, {@code highlevel}, {@code level}. So {@code high-level} is found by {@code high},
 * by {@code level}, by the phrase {@code "high level"} and by {@code highlevel}, and at query time
 * {@code high-level} means the phrase or the joined word.
 */
public final class CompoundFilter extends TokenFilter {
  /** The character marking a compound's joints. */
  public static final char JOINER = '_';

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);

  private State compound;
  private String text;
  private int start;
  private boolean exactOffsets;
  /** Where the first part starts in {@link #text}: after any leading joiners. */
  private int firstStart;
  /** Start of the next part in {@link #text}; -1 when the joined form is to be emitted next. */
  private int next;
  private int partsLeft;
  private int parts;
  private boolean joinedDone;

  private final boolean joined;

  /** Wraps {@code in}, emitting parts and the joined form (as at index time). */
  public CompoundFilter(TokenStream in) {
    this(in, true);
  }

  /**
   * Wraps {@code in}; with {@code joined} false only the parts are emitted (at query time: {@code
   * high-level} then asks for {@code high} and {@code level}, both found in an indexed
   * {@code high-level}).
   */
  public CompoundFilter(TokenStream in, boolean joined) {
    super(in);
    this.joined = joined;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (compound != null) {
      return emitNext();
    }
    if (!input.incrementToken()) {
      return false;
    }
    int joiner = indexOf(JOINER);
    if (joiner < 0) {
      return true;
    }
    String t = termAtt.toString();
    parts = countParts(t);
    if (parts < 2) {
      termAtt.setEmpty().append(t.replace(String.valueOf(JOINER), ""));
      if (termAtt.length() == 0) {
        termAtt.append(t);
      }
      return true;
    }
    text = t;
    start = offsetAtt.startOffset();
    exactOffsets = offsetAtt.endOffset() - offsetAtt.startOffset() == t.length();
    compound = captureState();
    next = skipJoiners(0);
    firstStart = next;
    partsLeft = parts;
    joinedDone = !joined;
    return emitNext();
  }

  private boolean emitNext() {
    restoreState(compound);
    int firstIncrement = posIncAtt.getPositionIncrement();
    boolean first = partsLeft == parts;
    if (!first && !joinedDone) {
      // Right after the first part: the whole compound, run together, spanning every part.
      joinedDone = true;
      termAtt.setEmpty().append(text.replace(String.valueOf(JOINER), ""));
      posIncAtt.setPositionIncrement(0);
      posLenAtt.setPositionLength(parts);
      if (exactOffsets) {
        // From the first part's start, not the token's: a token cut by the tokenizer's length
        // limit may begin with a joiner, and offsets must never go back.
        offsetAtt.setOffset(start + firstStart, offsetAtt.endOffset());
      }
      return true;
    }
    int end = text.indexOf(JOINER, next);
    if (end < 0) {
      end = text.length();
    }
    termAtt.setEmpty().append(text, next, end);
    if (exactOffsets) {
      offsetAtt.setOffset(start + next, start + end);
    }
    posIncAtt.setPositionIncrement(first ? firstIncrement : 1);
    posLenAtt.setPositionLength(1);
    next = skipJoiners(end);
    partsLeft--;
    if (partsLeft == 0) {
      compound = null;
    }
    return true;
  }

  private int skipJoiners(int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) == JOINER) {
      i++;
    }
    return i;
  }

  private int indexOf(char c) {
    char[] b = termAtt.buffer();
    for (int i = 0; i < termAtt.length(); i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int countParts(String t) {
    int n = 0;
    boolean inPart = false;
    for (int i = 0; i < t.length(); i++) {
      boolean joiner = t.charAt(i) == JOINER;
      if (!joiner && !inPart) {
        n++;
      }
      inPart = !joiner;
    }
    return n;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    compound = null;
    text = null;
  }
}
