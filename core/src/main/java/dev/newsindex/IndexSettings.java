package dev.newsindex;

import dev.newsindex.analysis.NewsSynonyms;
import dev.newsindex.analysis.Stemmer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an index analyses and ranks, stored in the index (commit user data) so that every search uses
 * what indexing used. The stemmer is fixed when the index is created; synonyms and BM25 parameters
 * act at query time only and may be changed on an existing index.
 *
 * @param stemmer the stemmer of the text fields (index and query time)
 * @param bundledSynonyms whether queries expand newsindex's bundled entity aliases
 * @param synonyms the user's synonym rules in Solr format (empty for none), expanded at query time
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation, 0 to 1
 */
public record IndexSettings(Stemmer stemmer, boolean bundledSynonyms, String synonyms, float k1,
    float b) {
  /**
   * BM25 {@code k1}: Lucene's default, kept because no pair tuned on half of the TIME queries did
   * better on the other half (README, "Relevance").
   */
  public static final float DEFAULT_K1 = 1.2f;
  /** BM25 {@code b}: Lucene's default, kept for the same reason as {@link #DEFAULT_K1}. */
  public static final float DEFAULT_B = 0.75f;

  /** The settings of an index created without options. */
  public static final IndexSettings DEFAULT =
      new IndexSettings(Stemmer.DEFAULT, true, "", DEFAULT_K1, DEFAULT_B);

  static final String STEMMER_KEY = "newsindex.stemmer";
  static final String BUNDLED_KEY = "newsindex.synonyms.bundled";
  static final String SYNONYMS_KEY = "newsindex.synonyms";
  static final String K1_KEY = "newsindex.bm25.k1";
  static final String B_KEY = "newsindex.bm25.b";

  /** Checks the parts; malformed synonym rules are refused here, naming the line. */
  public IndexSettings {
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(synonyms, "synonyms");
    if (!(k1 >= 0) || Float.isInfinite(k1)) {
      throw new IllegalArgumentException("BM25 k1 must be 0 or more, not " + k1);
    }
    if (!(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("BM25 b must be between 0 and 1, not " + b);
    }
    if (!synonyms.isBlank()) {
      NewsSynonyms.check(synonyms);
    }
  }

  /**
   * These settings with {@code stemmer}.
   *
   * @param stemmer the stemmer of the text fields; an existing index only takes it on a rebuild
   * @return a copy of these settings with {@code stemmer} in place of this one's
   */
  public IndexSettings withStemmer(Stemmer stemmer) {
    return new IndexSettings(stemmer, bundledSynonyms, synonyms, k1, b);
  }

  /**
   * These settings with the bundled synonyms on or off.
   *
   * @param on whether queries expand newsindex's bundled entity aliases
   * @return a copy of these settings with {@link #bundledSynonyms()} set to {@code on}
   */
  public IndexSettings withBundledSynonyms(boolean on) {
    return new IndexSettings(stemmer, on, synonyms, k1, b);
  }

  /**
   * These settings with the user's synonym rules {@code rules} (Solr format; empty for none).
   *
   * @param rules the synonym rules, one per line in Solr format, replacing any before; empty for
   *     none
   * @return a copy of these settings with {@code rules} as its synonyms
   * @throws IllegalArgumentException when a rule is malformed (the message names its line)
   */
  public IndexSettings withSynonyms(String rules) {
    return new IndexSettings(stemmer, bundledSynonyms, rules, k1, b);
  }

  /**
   * These settings with BM25 parameters {@code k1} and {@code b}.
   *
   * @param k1 term-frequency saturation, 0 or more and finite ({@value #DEFAULT_K1} by default)
   * @param b length normalisation, 0 (none) to 1 (full) ({@value #DEFAULT_B} by default)
   * @return a copy of these settings with {@code k1} and {@code b}
   * @throws IllegalArgumentException when {@code k1} or {@code b} is out of range
   */
  public IndexSettings withBm25(float k1, float b) {
    return new IndexSettings(stemmer, bundledSynonyms, synonyms, k1, b);
  }

  /**
   * Whether {@code other} differs from these settings only in what acts at query time.
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
   * @return a new mutable map from the {@code newsindex.*} keys to each part as text, one entry per
   *     component
   */
  public Map<String, String> toCommitData() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(STEMMER_KEY, stemmer.id());
    m.put(BUNDLED_KEY, Boolean.toString(bundledSynonyms));
    m.put(SYNONYMS_KEY, synonyms);
    m.put(K1_KEY, Float.toString(k1));
    m.put(B_KEY, Float.toString(b));
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
    return new IndexSettings(
        stemmer == null ? DEFAULT.stemmer : Stemmer.parse(stemmer),
        bundled == null ? DEFAULT.bundledSynonyms : Boolean.parseBoolean(bundled),
        commitData.getOrDefault(SYNONYMS_KEY, ""),
        k1 == null ? DEFAULT.k1 : Float.parseFloat(k1),
        b == null ? DEFAULT.b : Float.parseFloat(b));
  }
}
