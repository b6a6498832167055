package dev.newsindex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them, so one bad line cannot spoil the next, and
 * with a cap on the length of a line: a line longer than the cap is consumed to its end without being
 * kept, and reported as {@link #tooLong()}, so that a 100 MB line costs no more memory than the cap.
 * {@code \n}, {@code \r\n} and a lone {@code \r} (old Mac files) each end a line.
 */
final class Lines {
  /** The longest line kept by default: far above any real article, far below the heap. */
  static final int DEFAULT_MAX_BYTES = 16 << 20;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[8192];
  private int length;
  private long fullLength;
  private long lineNumber;
  /** The last line ended with a {@code \r} at the end of the buffer: skip a {@code \n} next. */
  private boolean afterCr;

  Lines(InputStream in) {
    this(in, DEFAULT_MAX_BYTES);
  }

  Lines(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    fullLength = 0;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) {
            return false;
          }
          break;
        }
      }
      if (afterCr) {
        // The \n of a \r\n that the previous buffer ended between.
        afterCr = false;
        if (buffer[pos] == '\n') {
          pos++;
          continue;
        }
      }
      any = true;
      int start = pos;
      int end = start;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      append(start, end - start);
      pos = end;
      if (end < limit) {
        pos++; // the line end
        if (buffer[end] == '\r') {
          if (pos < limit) {
            if (buffer[pos] == '\n') {
              pos++;
            }
          } else {
            afterCr = true;
          }
        }
        break;
      }
    }
    lineNumber++;
    return true;
  }

  private void append(int from, int count) {
    fullLength += count;
    if (fullLength > maxBytes) {
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  /** The 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Whether the current line was longer than the cap (and so was not kept). */
  boolean tooLong() {
    return fullLength > maxBytes;
  }

  /** The length of the current line in bytes, even when it was too long to keep. */
  long fullLength() {
    return fullLength;
  }

  /** The reason a too long line is skipped, for reports. */
  String tooLongReason() {
    return "line of " + Text.bytes(fullLength) + " is longer than the limit of "
        + Text.bytes(maxBytes) + "; skipped";
  }

  /** The bytes of the current line; valid up to {@link #length()} until the next call. */
  byte[] bytes() {
    return line;
  }

  /** How many bytes of {@link #bytes()} the current line holds. */
  int length() {
    return length;
  }
}
