package dev.newsindex.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * The stemmers {@link NewsAnalyzer} offers. Each leaves tokens marked as keywords (acronyms) alone.
 * The default was chosen on relevance judgments (see README, "Relevance").
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

  /** The lower-case name used in settings and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stemmer named {@code id} (case-insensitive), or an exception listing the choices. */
  public static Stemmer parse(String id) {
    for (Stemmer s : values()) {
      if (s.id().equalsIgnoreCase(id.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stemmer '" + id + "'; choose one of "
        + Arrays.stream(values()).map(Stemmer::id).collect(Collectors.joining(", ")));
  }

  /** {@code in} stemmed; Porter behind {@code guard} (the others need none). */
  TokenStream wrap(TokenStream in, StemGuard guard) {
    return switch (this) {
      case KSTEM -> new KStemFilter(in);
      case PORTER -> new PorterStemFilter(guard.wrap(in));
      case MINIMAL -> new EnglishMinimalStemFilter(in);
      case NONE -> in;
    };
  }
}
