package dev.newsindex;

import dev.newsindex.analysis.NewsSynonyms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an index analyses, ranks and stores articles, recorded in the index (commit user data) so
 * that every search uses what indexing used. Start from {@link #DEFAULT} and change what you need
 * with the {@code with...} methods; each returns new settings.
 *
 * <ul>
 *   <li>{@link #stemmer()} and {@link #compression()} are fixed when an index is created; a rebuild
 *       ({@link NewsIndex#rebuild(java.nio.file.Path, java.util.List,
 *       dev.newsindex.ingest.IngestOptions, java.util.function.UnaryOperator,
 *       dev.newsindex.ingest.IngestListener)}) changes them;
 *   <li>{@link #bundledSynonyms()}, {@link #synonyms()}, {@link #k1()} and {@link #b()} act at
 *       query time only and may be changed on an existing index ({@link NewsIndex#openOrCreate}).
 * </ul>
 *
 * <p>A final class rather than a record, so that a setting can be added without breaking callers.
 */
public final class IndexSettings {
  /**
   * BM25 {@code k1}: Lucene's default, kept because no pair tuned on half of the TIME queries did
   * better on the other half.
   */
  public static final float DEFAULT_K1 = 1.2f;
  /** BM25 {@code b}: Lucene's default, kept for the same reason as {@link #DEFAULT_K1}. */
  public static final float DEFAULT_B = 0.75f;

  /** The settings of an index created without options. */
  public static final IndexSettings DEFAULT =
      new IndexSettings(Stemmer.DEFAULT, true, "", DEFAULT_K1, DEFAULT_B, Compression.SMALL);

  private static final String STEMMER_KEY = "newsindex.stemmer";
  private static final String BUNDLED_KEY = "newsindex.synonyms.bundled";
  private static final String SYNONYMS_KEY = "newsindex.synonyms";
  private static final String K1_KEY = "newsindex.bm25.k1";
  private static final String B_KEY = "newsindex.bm25.b";
  private static final String COMPRESSION_KEY = "newsindex.compression";

  private final Stemmer stemmer;
  private final boolean bundledSynonyms;
  private final String synonyms;
  private final float k1;
  private final float b;
  private final Compression compression;

  /** Checks the parts; malformed synonym rules are refused here, naming the line. */
  private IndexSettings(Stemmer stemmer, boolean bundledSynonyms, String synonyms, float k1,
      float b, Compression compression) {
    this.stemmer = Objects.requireNonNull(stemmer, "stemmer");
    this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
    this.compression = Objects.requireNonNull(compression, "compression");
    if (!(k1 >= 0) || Float.isInfinite(k1)) {
      throw new InvalidRequestException("BM25 k1 must be 0 or more, not " + k1);
    }
    if (!(b >= 0 && b <= 1)) {
      throw new InvalidRequestException("BM25 b must be between 0 and 1, not " + b);
    }
    if (!synonyms.isBlank()) {
      try {
        NewsSynonyms.check(synonyms);
      } catch (InvalidRequestException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage(), e.getCause());
      }
    }
    this.bundledSynonyms = bundledSynonyms;
    this.k1 = k1;
    this.b = b;
  }

  /**
   * The stemmer of the text fields, at index and at query time.
   *
   * @return the stemmer, {@link Stemmer#DEFAULT} unless chosen
   */
  public Stemmer stemmer() {
    return stemmer;
  }

  /**
   * Whether queries expand newsindex's bundled entity aliases ({@code DPRK}, {@code North Korea}).
   *
   * @return true unless turned off
   */
  public boolean bundledSynonyms() {
    return bundledSynonyms;
  }

  /**
   * The user's synonym rules, expanded at query time.
   *
   * @return the rules in Solr format, one per line; empty for none
   */
  public String synonyms() {
    return synonyms;
  }

  /**
   * BM25 term-frequency saturation.
   *
   * @return {@code k1}, 0 or more ({@value #DEFAULT_K1} by default)
   */
  public float k1() {
    return k1;
  }

  /**
   * BM25 length normalisation.
   *
   * @return {@code b}, 0 (none) to 1 (full) ({@value #DEFAULT_B} by default)
   */
  public float b() {
    return b;
  }

  /**
   * How the index compresses stored article text.
   *
   * @return the compression, {@link Compression#SMALL} unless chosen
   */
  public Compression compression() {
    return compression;
  }

  /**
   * These settings with {@code stemmer}.
   *
   * @param stemmer the stemmer of the text fields; an existing index only takes it on a rebuild
   * @return a copy of these settings with {@code stemmer} in place of this one's
   */
  public IndexSettings withStemmer(Stemmer stemmer) {
    return new IndexSettings(stemmer, bundledSynonyms, synonyms, k1, b, compression);
  }

  /**
   * These settings with the bundled synonyms on or off.
   *
   * @param on whether queries expand newsindex's bundled entity aliases
   * @return a copy of these settings with {@link #bundledSynonyms()} set to {@code on}
   */
  public IndexSettings withBundledSynonyms(boolean on) {
    return new IndexSettings(stemmer, on, synonyms, k1, b, compression);
  }

  /**
   * These settings with the user's synonym rules {@code rules} (Solr format; empty for none).
   *
   * @param rules the synonym rules, one per line in Solr format, replacing any before; empty for
   *     none
   * @return a copy of these settings with {@code rules} as its synonyms
   * @throws InvalidRequestException when a rule is malformed (the message names its line)
   */
  public IndexSettings withSynonyms(String rules) {
    return new IndexSettings(stemmer, bundledSynonyms, rules, k1, b, compression);
  }

  /**
   * These settings with BM25 parameters {@code k1} and {@code b}.
   *
   * @param k1 term-frequency saturation, 0 or more and finite ({@value #DEFAULT_K1} by default)
   * @param b length normalisation, 0 (none) to 1 (full) ({@value #DEFAULT_B} by default)
   * @return a copy of these settings with {@code k1} and {@code b}
   * @throws InvalidRequestException when {@code k1} or {@code b} is out of range
   */
  public IndexSettings withBm25(float k1, float b) {
    return new IndexSettings(stemmer, bundledSynonyms, synonyms, k1, b, compression);
  }

  /**
   * These settings with stored text compressed as {@code compression}.
   *
   * @param compression how a new or rebuilt index compresses stored text; an existing index only
   *     takes it on a rebuild
   * @return a copy of these settings with {@code compression}
   */
  public IndexSettings withCompression(Compression compression) {
    return new IndexSettings(stemmer, bundledSynonyms, synonyms, k1, b, compression);
  }

  /**
   * Whether {@code other} differs from these settings only in what acts at query time or in how
   * stored text is compressed.
   *
   * @param other the settings to compare with
   * @return true when both use the same stemmer, so an index built with either can search with
   *     the other
   */
  public boolean sameIndexTimeAnalysis(IndexSettings other) {
    return stemmer == other.stemmer;
  }

  /**
   * These settings as commit user data.
   *
   * @return a new mutable map from the {@code newsindex.*} keys to each setting as text
   */
  public Map<String, String> toCommitData() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(STEMMER_KEY, stemmer.id());
    m.put(BUNDLED_KEY, Boolean.toString(bundledSynonyms));
    m.put(SYNONYMS_KEY, synonyms);
    m.put(K1_KEY, Float.toString(k1));
    m.put(B_KEY, Float.toString(b));
    m.put(COMPRESSION_KEY, compression.label());
    return m;
  }

  /**
   * The settings recorded in {@code commitData}; anything not recorded takes its default.
   *
   * @param commitData the user data of an index commit, as {@link #toCommitData()} wrote it; keys
   *     other than the settings' are ignored
   * @return the recorded settings, {@link #DEFAULT} for data that records none
   * @throws IllegalArgumentException when a recorded value is not understood
   */
  public static IndexSettings fromCommitData(Map<String, String> commitData) {
    String stemmer = commitData.get(STEMMER_KEY);
    String bundled = commitData.get(BUNDLED_KEY);
    String k1 = commitData.get(K1_KEY);
    String b = commitData.get(B_KEY);
    String compression = commitData.get(COMPRESSION_KEY);
    return new IndexSettings(
        stemmer == null ? DEFAULT.stemmer : Stemmer.parse(stemmer),
        bundled == null ? DEFAULT.bundledSynonyms : Boolean.parseBoolean(bundled),
        commitData.getOrDefault(SYNONYMS_KEY, ""),
        k1 == null ? DEFAULT.k1 : Float.parseFloat(k1),
        b == null ? DEFAULT.b : Float.parseFloat(b),
        compression == null ? DEFAULT.compression : Compression.of(compression));
  }

  /**
   * Whether {@code o} holds the same settings.
   *
   * @param o the object to compare with
   * @return true when {@code o} is an {@code IndexSettings} with equal parts
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof IndexSettings s && stemmer == s.stemmer
        && bundledSynonyms == s.bundledSynonyms && synonyms.equals(s.synonyms)
        && Float.compare(k1, s.k1) == 0 && Float.compare(b, s.b) == 0
        && compression == s.compression;
  }

  @Override
  public int hashCode() {
    return Objects.hash(stemmer, bundledSynonyms, synonyms, k1, b, compression);
  }

  @Override
  public String toString() {
    return "IndexSettings[stemmer=" + stemmer + ", bundledSynonyms=" + bundledSynonyms
        + ", synonyms=" + synonyms + ", k1=" + k1 + ", b=" + b + ", compression=" + compression
        + "]";
  }
}
