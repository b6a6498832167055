package dev.newsindex.cli;

import dev.newsindex.search.Snippet;

/**
 * Article text made safe for a terminal: every control character (C0 but tab and newline, DEL,
 * C1) becomes U+FFFD, so that a title or body cannot move the cursor, clear the screen or set the
 * window title with an escape sequence. One character for one, so match offsets still fit. JSON
 * output needs none of this: its writer escapes control characters as JSON does.
 */
final class Printable {
  /** What a control character is shown as. */
  static final char REPLACEMENT = '\uFFFD';

  private Printable() {}

  /**
   * {@code s} for printing as lines of text: tab and newline kept, a carriage return made a line
   * break (it would overwrite the line), every other control character replaced.
   */
  static String text(String s) {
    if (s == null) {
      return null;
    }
    String lines = s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = null;
    for (int i = 0; i < lines.length(); i++) {
      char c = lines.charAt(i);
      if (isControl(c) && c != '\n' && c != '\t') {
        if (out == null) {
          out = new StringBuilder(lines);
        }
        out.setCharAt(i, REPLACEMENT);
      }
    }
    return out == null ? lines : out.toString();
  }

  /**
   * {@code s} for printing on one line, character for character: white space controls (tab,
   * newline, carriage return, form feed) become spaces, every other control character U+FFFD.
   */
  static String line(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isControl(c)) {
        if (out == null) {
          out = new StringBuilder(s);
        }
        out.setCharAt(i, c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B ? ' '
            : REPLACEMENT);
      }
    }
    return out == null ? s : out.toString();
  }

  /** {@code s} with its text made safe for one line, its match offsets unchanged. */
  static Snippet line(Snippet s) {
    String safe = line(s.text());
    return safe.equals(s.text()) ? s : new Snippet(safe, s.fieldOffset(), s.matches());
  }

  /** C0, DEL and C1: the characters terminals act on rather than show. */
  static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7F && c <= 0x9F;
  }
}
