package dev.newsindex.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces a hyphen (ASCII {@code -}, U+2010, U+2011) that stands between two letters or digits
 * with {@link CompoundFilter#JOINER}, which the standard tokenizer keeps inside a word; a dash
 * between spaces ({@code talks - war}, {@code talks -- war}) is left alone. One character for one,
 * so offsets need no correction. Streams with one character of look-ahead.
 */
public final class WordHyphenCharFilter extends CharFilter {
  private final char[] buffer = new char[4096];
  private int pos;
  private int limit;
  private boolean eof;
  private int previous = -1;

  /** Reads {@code in}. */
  public WordHyphenCharFilter(Reader in) {
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
        if (pos >= limit) {
          fill();
        }
        if (pos < limit && isWord(buffer[pos])) {
          c = CompoundFilter.JOINER;
        }
      }
      cbuf[off + n++] = c;
      previous = c;
    }
    return n == 0 ? -1 : n;
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

  private static boolean isWord(int c) {
    return c >= 0 && Character.isLetterOrDigit(c);
  }
}
