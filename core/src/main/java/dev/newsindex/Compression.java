package dev.newsindex;

import java.util.Locale;

/**
 * How an index compresses the stored article text. Chosen when an index is created or rebuilt and
 * recorded in its commits; segments written either way stay readable, so changing it (with a
 * rebuild) is safe.
 */
public enum Compression {
  /**
   * LZ4 (Lucene's {@code BEST_SPEED} stored-fields mode): text shrinks about twofold; stored
   * text about 1.4 times its size with {@link #SMALL}, and indexing CPU measured no less.
   */
  FAST,
  /**
   * DEFLATE, in blocks of 160 KiB (Lucene's {@code BEST_COMPRESSION} mode compresses 480 KiB
   * together, which makes each hit loaded many times slower), the default: on wire news
   * (Reuters-21578) stored text about 0.66 times its size with {@link #FAST}, for indexing CPU
   * within the run-to-run noise of {@link #FAST}'s; an article's stored text loads in about 81 µs
   * against {@link #FAST}'s 12 ({@code bench/run StoredCompressionBench}).
   */
  SMALL;

  /**
   * The name used on the command line and in commits.
   *
   * @return {@code fast} or {@code small}: the constant's name in lower case
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The compression named {@code label}, any case.
   *
   * @param label {@code fast} or {@code small} in any case; surrounding white space is ignored
   * @return the constant whose {@link #label()} matches
   * @throws InvalidRequestException when {@code label} names neither compression
   */
  public static Compression of(String label) {
    for (Compression c : values()) {
      if (c.label().equalsIgnoreCase(label.strip())) {
        return c;
      }
    }
    throw new InvalidRequestException("unknown compression '" + label
        + "': expected fast or small");
  }
}
