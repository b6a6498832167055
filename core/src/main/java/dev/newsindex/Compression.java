package dev.newsindex;

import java.util.Locale;

/**
 * How an index compresses the stored article text. Chosen when an index is created or rebuilt and
 * recorded in its commits; segments written either way stay readable, so changing it (with a
 * rebuild) is safe.
 */
public enum Compression {
  /**
   * LZ4 (Lucene's {@code BEST_SPEED} stored-fields mode): the index is about a quarter larger than
   * with {@link #SMALL}, and indexing takes less CPU: 5-15% less on real news, up to a third less
   * on text that compresses badly (measured with {@code bench/run IndexBench}, see the README).
   */
  FAST,
  /**
   * DEFLATE (Lucene's {@code BEST_COMPRESSION} mode), the default for new indexes: the smallest
   * index; searches decompress only the hits they show, so they are not slower.
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
   * @throws IllegalArgumentException when {@code label} names neither compression
   */
  public static Compression of(String label) {
    for (Compression c : values()) {
      if (c.label().equalsIgnoreCase(label.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown compression '" + label
        + "': expected fast or small");
  }
}
