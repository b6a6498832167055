package dev.newsindex;

import java.util.Locale;

/**
 * How an index compresses the stored article text. Chosen when an index is created or rebuilt and
 * recorded in its commits; segments written either way stay readable, so changing it (with a
 * rebuild) is safe.
 */
public enum Compression {
  /**
   * LZ4 (Lucene's {@code BEST_SPEED} stored-fields mode), the default: text still shrinks about
   * twofold, and indexing keeps pace with a bare Lucene writer.
   */
  FAST,
  /**
   * DEFLATE (Lucene's {@code BEST_COMPRESSION} mode): an index about a quarter smaller than with
   * {@link #FAST}, for more indexing CPU (a quarter more on 200,000 synthetic articles in {@code
   * bench/run IndexBench}). Worth it for archives built once and kept; searches
   * decompress only the hits they show.
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
