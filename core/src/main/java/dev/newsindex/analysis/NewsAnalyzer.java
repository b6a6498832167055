package dev.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer for English news text, used for titles and bodies at index and at query time.
 *
 * <p>The chain, in order:
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries (UAX#29); keeps numbers such as {@code
 *       3.5} and {@code 2024} whole;
 *   <li>{@link EnglishPossessiveFilter}: {@code Korea's}, {@code Korea’s} → {@code Korea};
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link ASCIIFoldingFilter}: {@code Dönitz} → {@code donitz}, {@code São} → {@code sao};
 *   <li>{@link StopFilter} with Lucene's English stop words;
 *   <li>{@link PorterStemFilter}.
 * </ol>
 *
 * <p>{@link #normalize} applies the lower-casing and folding, so wildcard and prefix terms match what
 * was indexed.
 */
public final class NewsAnalyzer extends Analyzer {
  /** The name and version of this chain, stored in each index so search uses what indexing used. */
  public static final String NAME = "news-en-1";

  private final CharArraySet stopWords;

  /** The analyzer with Lucene's English stop words. */
  public NewsAnalyzer() {
    this.stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new ASCIIFoldingFilter(result);
    result = new StopFilter(result, stopWords);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
