package dev.newsindex.analysis;

import dev.newsindex.Stemmer;
import java.io.Reader;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzer for English news text, used for titles and bodies at index and at query time.
 *
 * <p>The chain, in order:
 *
 * <ol>
 *   <li>{@link WordHyphenCharFilter}, which turns a hyphen between two letters or digits into {@link
 *       CompoundFilter#JOINER} (same length, so offsets stay exact), which the tokenizer keeps inside
 *       the word: {@code high-level} stays one token for the {@link CompoundFilter};
 *   <li>{@link StandardTokenizer}: Unicode word boundaries (UAX#29); keeps numbers such as {@code
 *       3.5}, {@code 2024} and {@code U.S} whole ({@code 3.5%} → {@code 3.5});
 *   <li>a tap that changes nothing: when indexing has attached a {@link WordTap} for the field,
 *       the tokens are copied into it for the unstemmed spelling vocabulary, so that the text is
 *       not tokenised a second time for it;
 *   <li>{@link EnglishPossessiveFilter}: {@code Korea's}, {@code Korea’s} → {@code Korea};
 *   <li>{@link AcronymFilter}, while case is still known: {@code U.S.}, {@code US} → {@code u.s}
 *       (the pronoun {@code us} stays {@code us}), {@code U.N.} → {@code un}; acronyms are not
 *       stemmed;
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link ASCIIFoldingFilter}: {@code Dönitz} → {@code donitz}, {@code São} → {@code sao};
 *   <li>at query time only, {@link SynonymGraphFilter} with the entity aliases (see {@link
 *       NewsSynonyms}): {@code DPRK} also means {@code north korea};
 *   <li>{@link StopFilter} with Lucene's English stop words;
 *   <li>{@link CompoundFilter}: {@code high_level} → {@code high}, {@code highlevel}, {@code
 *       level};
 *   <li>{@link DottedKeywordFilter}: dotted terms ({@code u.s}) are acronyms, also when a
 *       synonym put them here, and are not stemmed;
 *   <li>the chosen {@link Stemmer} ({@link Stemmer#DEFAULT} unless the index says otherwise);
 *   <li>at query time only, {@link SynonymWeightFilter}: the words a synonym rule added weigh
 *       {@link #SYNONYM_WEIGHT}.
 * </ol>
 *
 * <p>{@link #normalize} applies the lower-casing and folding, so wildcard and prefix terms match what
 * was indexed.
 */
public final class NewsAnalyzer extends Analyzer {
  /**
   * The name and version of this chain, stored in each index so search uses what indexing used; it
   * changes whenever the index-time chain does, and older indexes must then be rebuilt.
   */
  public static final String NAME = "news-en-2";

  /**
   * What an alias from a synonym rule counts of the words the user typed ({@code USSR} for {@code
   * Soviet Union}): an article in the user's own words ranks first; the alias names the same
   * entity, so it keeps most of the weight (chosen on TIME, see the README's Relevance section). It
   * must stay below 1: the query parser tells an alias from the user's words by it.
   */
  public static final float SYNONYM_WEIGHT = 0.8f;

  private final CharArraySet stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private final Stemmer stemmer;
  private final SynonymMap synonyms;
  private final boolean forRules;

  /** The index-time analyzer with the default stemmer. */
  public NewsAnalyzer() {
    this(Stemmer.DEFAULT);
  }

  /** The index-time analyzer with {@code stemmer}. */
  public NewsAnalyzer(Stemmer stemmer) {
    this(stemmer, null, false);
  }

  private NewsAnalyzer(Stemmer stemmer, SynonymMap synonyms, boolean forRules) {
    this.stemmer = Objects.requireNonNull(stemmer, "stemmer");
    this.synonyms = synonyms == null || synonyms.fst == null ? null : synonyms;
    this.forRules = forRules;
  }

  /** The query-time analyzer: {@code stemmer} as at index time, plus {@code synonyms}. */
  public static NewsAnalyzer forQueries(Stemmer stemmer, SynonymMap synonyms) {
    return new NewsAnalyzer(stemmer, synonyms, false);
  }

  /** The analyzer synonym rules are read with: the chain up to the synonym step. */
  static NewsAnalyzer forRules() {
    return new NewsAnalyzer(Stemmer.NONE, null, true);
  }

  /** The stemmer of this chain. */
  public Stemmer stemmer() {
    return stemmer;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new WordHyphenCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    // At index time, the spelling vocabulary's words come from here (see WordTap); rules have none.
    TokenStream result = forRules ? source : new WordTapFilter(source);
    result = new EnglishPossessiveFilter(result);
    result = new AcronymFilter(result);
    result = new LowerCaseFilter(result);
    result = new ASCIIFoldingFilter(result);
    if (forRules) {
      return new TokenStreamComponents(source, result);
    }
    if (synonyms != null) {
      // Before the stop words go, so that rules match names with them (Bank of England), and the
      // phrases of their aliases keep the stop word's gap, as indexed text does.
      result = new SynonymGraphFilter(result, synonyms, false);
    }
    result = new StopFilter(result, stopWords);
    result = new CompoundFilter(result);
    // Dotted terms (u.s, also when a synonym put them here) are acronyms: never stemmed.
    result = new DottedKeywordFilter(result);
    result = Stemming.wrap(stemmer, result);
    if (synonyms != null) {
      result = new SynonymWeightFilter(result, SYNONYM_WEIGHT);
    }
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
