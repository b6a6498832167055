package dev.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer for the vocabulary that did-you-mean suggestions are drawn from: words as written,
 * not stemmed, so that a suggestion reads as a word ({@code deterrence}, not {@code deterr}).
 *
 * <p>The chain, in order:
 *
 * <ol>
 *   <li>{@link StandardTokenizer};
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link ASCIIFoldingFilter}.
 * </ol>
 */
public final class SpellingAnalyzer extends Analyzer {
  /** The analyzer. */
  public SpellingAnalyzer() {}

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new ASCIIFoldingFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
