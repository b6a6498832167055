package dev.newsindex.search;

/**
 * A matched stretch of text, as character offsets into the text it belongs to.
 *
 * @param start offset of the first matched character
 * @param end offset just after the last matched character
 */
public record Span(int start, int end) {
  /** Checks {@code 0 <= start <= end}. */
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
