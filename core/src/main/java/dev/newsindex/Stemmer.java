package dev.newsindex;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The stemmers an index may use for its text fields, chosen when it is created ({@link
 * IndexSettings#withStemmer}) and changed only by a rebuild. Each leaves tokens marked as keywords
 * (acronyms) alone. The default was chosen on relevance judgments.
 */
public enum Stemmer {
  /** Porter's suffix-stripping stemmer, as in Lucene's {@code EnglishAnalyzer} and Anserini. */
  PORTER,
  /** Krovetz's dictionary-backed stemmer: conservative, keeps real words ({@code policies → policy}). */
  KSTEM,
  /** Plural removal only ({@code elections → election}). */
  MINIMAL,
  /** No stemming: exact word forms. */
  NONE;

  /** The default stemmer. */
  public static final Stemmer DEFAULT = PORTER;

  /**
   * The name used in settings and on the command line.
   *
   * @return the constant's name in lower case, e.g. {@code kstem}; {@link #parse} accepts it
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The stemmer named {@code id}, any case.
   *
   * @param id {@code porter}, {@code kstem}, {@code minimal} or {@code none}, in any case;
   *     surrounding white space is ignored
   * @return the stemmer whose {@link #id()} matches
   * @throws IllegalArgumentException listing the choices when no stemmer has that name
   */
  public static Stemmer parse(String id) {
    for (Stemmer s : values()) {
      if (s.id().equalsIgnoreCase(id.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stemmer '" + id + "'; choose one of "
        + Arrays.stream(values()).map(Stemmer::id).collect(Collectors.joining(", ")));
  }
}
