package dev.newsindex.analysis;

import dev.newsindex.Stemmer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * The Lucene filter of each {@link Stemmer}: the one place a stemmer becomes a filter (public for
 * the OpenSearch plugin's stemmer filter, an adapter over it).
 */
public final class Stemming {
  private Stemming() {}

  /**
   * {@code in} stemmed by {@code stemmer} ({@code in} itself for {@link Stemmer#NONE}); Porter
   * behind {@code guard} (the others need none).
   */
  public static TokenStream wrap(Stemmer stemmer, TokenStream in, StemGuard guard) {
    return switch (stemmer) {
      case KSTEM -> new KStemFilter(in);
      case PORTER -> new PorterStemFilter(guard.wrap(in));
      case MINIMAL -> new EnglishMinimalStemFilter(in);
      case NONE -> in;
    };
  }
}
