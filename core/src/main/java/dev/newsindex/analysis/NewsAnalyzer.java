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
 *   <li>{@link NewsCharFilter}, which marks the joints the tokenizer would split at, one character
 *       for one (so offsets stay exact): a hyphen between two letters or digits ({@code
 *       high-level} stays one token for the {@link CompoundFilter}), a slash between two digits
 *       ({@code 3-1/2}, {@code 7/8} are numbers) and an ampersand between two letters ({@code
 *       AT&T}, {@code S&P} are terms);
 *   <li>{@link StandardTokenizer}: Unicode word boundaries (UAX#29); keeps numbers such as {@code
 *       3.5}, {@code 2024} and {@code U.S} whole ({@code 3.5%} → {@code 3.5});
 *   <li>a tap that changes nothing: when indexing has attached a {@link WordTap} for the field,
 *       the tokens are copied into it for the unstemmed spelling vocabulary, so that the text is
 *       not tokenised a second time for it;
 *   <li>{@link EnglishPossessiveFilter}: {@code Korea's}, {@code Korea’s} → {@code Korea};
 *   <li>{@link AcronymFilter}, while case is still known: {@code U.S.}, {@code US} → {@code u.s}
 *       (the pronoun {@code us} stays {@code us}), {@code U.N.} → {@code un}, {@code AT&T} → {@code
 *       at&t}; acronyms are not stemmed;
 *   <li>at query time only, {@link CaseMarkFilter}: words that a synonym rule asks to match in
 *       case ({@code Fed}, not the verb {@code fed}) carry their case past lower-casing;
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link ASCIIFoldingFilter}: {@code Dönitz} → {@code donitz}, {@code São} → {@code sao};
 *   <li>at query time only, {@link SpellingVariantFilter} (see below), so that a rule's {@code
 *       organization} matches a query's {@code organisation};
 *   <li>at query time only, {@link SynonymGraphFilter} with the entity aliases (see {@link
 *       NewsSynonyms}): {@code DPRK} also means {@code north korea};
 *   <li>{@link StopFilter} with Lucene's English stop words;
 *   <li>{@link CompoundFilter}: {@code high_level} → {@code high}, {@code highlevel}, {@code
 *       level};
 *   <li>{@link SpellingVariantFilter}: British spellings become American ones ({@code
 *       organisation} → {@code organization}, {@code labour} → {@code labor}), also the parts
 *       of compounds;
 *   <li>{@link DottedKeywordFilter}: dotted terms ({@code u.s}) are acronyms, also when a
 *       synonym put them here, and are not stemmed;
 *   <li>the chosen {@link Stemmer} ({@link Stemmer#DEFAULT} unless the index says otherwise),
 *       Porter behind its {@link StemGuard} ({@code organization} is not {@code organ});
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
   * changes whenever the index-time chain does, and older indexes must then be rebuilt. 3: numbers
   * with a slash and ampersand acronyms kept whole, British spellings folded, the Porter guard.
   */
  public static final String NAME = "news-en-3";

  /**
   * What an alias from a synonym rule counts of the words the user typed ({@code USSR} for {@code
   * Soviet Union}): an article in the user's own words ranks first; the alias names the same
   * entity, so it keeps most of the weight. It must stay below 1: the query parser tells an alias
   * from the user's words by it.
   */
  public static final float SYNONYM_WEIGHT = 0.8f;

  /**
   * The parts of the chain that can be changed, to measure what each does ({@code bench/run
   * RelevanceReport}); {@link #DEFAULT} is what every index uses.
   *
   * @param spellingVariants whether British spellings are folded to American ones
   * @param guard how Porter's stemmer is kept from merging unrelated words
   */
  public record Variant(boolean spellingVariants, StemGuard guard) {
    /** The chain newsindex uses. */
    public static final Variant DEFAULT = new Variant(true, StemGuard.DEFAULT);

    /** Checks the parts. */
    public Variant {
      Objects.requireNonNull(guard, "guard");
    }
  }

  private final CharArraySet stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private final Stemmer stemmer;
  private final Variant variant;
  private final SynonymMap synonyms;
  private final CharArraySet caseWords;
  private final boolean forRules;

  /** The index-time analyzer with the default stemmer. */
  public NewsAnalyzer() {
    this(Stemmer.DEFAULT);
  }

  /** The index-time analyzer with {@code stemmer}. */
  public NewsAnalyzer(Stemmer stemmer) {
    this(stemmer, Variant.DEFAULT);
  }

  /** The index-time analyzer with {@code stemmer} and the chain {@code variant}. */
  public NewsAnalyzer(Stemmer stemmer, Variant variant) {
    this(stemmer, variant, null, false);
  }

  private NewsAnalyzer(Stemmer stemmer, Variant variant, SynonymMap synonyms, boolean forRules) {
    this.stemmer = Objects.requireNonNull(stemmer, "stemmer");
    this.variant = Objects.requireNonNull(variant, "variant");
    this.synonyms = synonyms == null || synonyms.fst == null ? null : synonyms;
    this.caseWords = CaseRules.caseWords(this.synonyms);
    this.forRules = forRules;
  }

  /** The query-time analyzer: {@code stemmer} as at index time, plus {@code synonyms}. */
  public static NewsAnalyzer forQueries(Stemmer stemmer, SynonymMap synonyms) {
    return forQueries(stemmer, Variant.DEFAULT, synonyms);
  }

  /** The query-time analyzer for an index made with {@code stemmer} and {@code variant}. */
  public static NewsAnalyzer forQueries(Stemmer stemmer, Variant variant, SynonymMap synonyms) {
    return new NewsAnalyzer(stemmer, variant, synonyms, false);
  }

  /** The analyzer synonym rules are read with: the chain up to the synonym step. */
  static NewsAnalyzer forRules() {
    return new NewsAnalyzer(Stemmer.NONE, Variant.DEFAULT, null, true);
  }

  /** The stemmer of this chain. */
  public Stemmer stemmer() {
    return stemmer;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new NewsCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    // At index time, the spelling vocabulary's words come from here (see WordTap); rules have none.
    TokenStream result = forRules ? source : new WordTapFilter(source);
    result = new EnglishPossessiveFilter(result);
    result = new AcronymFilter(result);
    if (forRules) {
      // Every rule word with a capital says what case it asks for (see CaseRules).
      result = new CaseMarkFilter(result, null);
    } else if (synonyms != null && !caseWords.isEmpty()) {
      result = new CaseMarkFilter(result, caseWords);
    }
    result = new LowerCaseFilter(result);
    result = new ASCIIFoldingFilter(result);
    if ((forRules || synonyms != null) && variant.spellingVariants()) {
      // Rules and queries meet in one spelling: "organisation" matches a rule's "organization".
      result = new SpellingVariantFilter(result, SpellingVariantFilter.folds(true, false));
    }
    if (forRules) {
      return new TokenStreamComponents(source, result);
    }
    if (synonyms != null) {
      // Before the stop words go, so that rules match names with them (Bank of England), and the
      // phrases of their aliases keep the stop word's gap, as indexed text does.
      result = new SynonymGraphFilter(result, synonyms, false);
      if (!caseWords.isEmpty()) {
        result = CaseMarkFilter.strip(result);
      }
    }
    result = new StopFilter(result, stopWords);
    result = new CompoundFilter(result);
    // British spellings, and with Porter the protected words of its guard, in one look-up.
    var folds = SpellingVariantFilter.folds(variant.spellingVariants(),
        stemmer == Stemmer.PORTER && variant.guard() == StemGuard.KEYWORDS);
    if (folds != null) {
      result = new SpellingVariantFilter(result, folds);
    }
    // Dotted terms (u.s, also when a synonym put them here) are acronyms: never stemmed.
    result = new DottedKeywordFilter(result);
    result = Stemming.wrap(stemmer, result, variant.guard());
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
