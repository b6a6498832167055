package dev.newsindex.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Marks the joints inside news words that the standard tokenizer would split at, each by a
 * character it keeps inside a word, one character for one (so offsets need no correction):
 *
 * <ul>
 *   <li>a hyphen (ASCII {@code -}, U+2010, U+2011) between two letters or digits becomes {@link
 *       CompoundFilter#JOINER}: {@code high-level} stays one token for the {@link CompoundFilter};
 *       a dash between spaces ({@code talks - war}, {@code talks -- war}) is left alone;
 *   <li>a slash between two digits becomes U+2044 FRACTION SLASH, which the tokenizer keeps inside
 *       a number and ASCII folding turns back into {@code /}: wire figures such as {@code 3-1/2},
 *       {@code 7/8} and {@code 1/4} are one number each, not two;
 *   <li>an ampersand between two letters becomes {@link #AMPERSAND} (U+2027, which the tokenizer
 *       keeps between letters), which {@link AcronymFilter} turns back into {@code &}: {@code AT&T},
 *       {@code S&P} and {@code R&D} are one term each, not stop words and single letters.
 * </ul>
 *
 * <p>Streams with one character of look-ahead.
 */
public final class NewsCharFilter extends CharFilter {
  /** What an ampersand between two letters becomes until {@link AcronymFilter} restores it. */
  static final char AMPERSAND = '\u2027';

  private final char[] buffer = new char[4096];
  private int pos;
  private int limit;
  private boolean eof;
  private int previous = -1;

  public NewsCharFilter(Reader in) {
    super(in);
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (pos >= limit && !fill()) {
        break;
      }
      char c = buffer[pos++];
      if ((c == '-' || c == '\u2010' || c == '\u2011') && isWord(previous)) {
        if (isWord(peek())) {
          c = CompoundFilter.JOINER;
        }
      } else if (c == '/' && isDigit(previous)) {
        if (isDigit(peek())) {
          c = '\u2044';
        }
      } else if (c == '&' && previous >= 0 && Character.isLetter(previous)) {
        int next = peek();
        if (next >= 0 && Character.isLetter(next)) {
          c = AMPERSAND;
        }
      }
      cbuf[off + n++] = c;
      previous = c;
    }
    return n == 0 ? -1 : n;
  }

  /** The next character, without reading past it; -1 at the end of the input. */
  private int peek() throws IOException {
    if (pos >= limit) {
      fill();
    }
    return pos < limit ? buffer[pos] : -1;
  }

  /** Moves unread characters to the front and reads more; false at the end of the input. */
  private boolean fill() throws IOException {
    if (eof) {
      return pos < limit;
    }
    int left = limit - pos;
    System.arraycopy(buffer, pos, buffer, 0, left);
    pos = 0;
    limit = left;
    int read = input.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      eof = true;
    } else {
      limit += read;
    }
    return pos < limit;
  }

  private static boolean isDigit(int c) {
    return c >= 0 && Character.isDigit(c);
  }

  private static boolean isWord(int c) {
    return c >= 0 && Character.isLetterOrDigit(c);
  }
}
