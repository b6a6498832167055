package dev.newsindex.ingest;

/**
 * Where an article (or a problem) came from: a file name and, for formats with many articles per
 * file, a 1-based line number (0 when the whole file is meant).
 *
 * @param file the file as the user named it, or {@code -} for standard input
 * @param line the 1-based line, or 0 for the whole file
 */
public record Origin(String file, long line) {

  /**
   * The whole of {@code file}.
   *
   * @param file the file as the user named it
   * @return the origin with line 0
   */
  public static Origin of(String file) {
    return new Origin(file, 0);
  }

  /** {@code file:line}, or just {@code file} when no line applies: the form error messages use. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
