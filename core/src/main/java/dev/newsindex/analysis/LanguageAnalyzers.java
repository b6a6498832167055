package dev.newsindex.analysis;

import java.io.Reader;
import com.ibm.icu.text.Normalizer2;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chains of the languages other than English, beside {@link NewsAnalyzer} (English,
 * the chain every article without another language gets). Each is one straight chain, the same at
 * index and at query time; each keeps offsets exact (no filter changes the text the offsets point
 * at), so the highlighter marks the words as written.
 *
 * <ul>
 *   <li>{@code ar}, Arabic: {@link StandardTokenizer}; {@link DecimalDigitFilter} (Arabic-Indic
 *       digits ٢٠٢٤ are 2024); {@link ICUFoldingFilter} (case and accents of Latin words); {@link
 *       StopFilter} with Lucene's Arabic stop words; {@link ArabicNormalizationFilter} (diacritics
 *       and tatweel dropped, the forms of alef, yeh and teh marbuta merged); {@link
 *       ArabicStemFilter} (the definite article and conjunction prefixes {@code ال}, {@code وال},
 *       {@code بال}, ... and the common suffixes removed: {@code الحكومة} matches {@code حكومة}).
 *   <li>{@code fr}, French: {@link StandardTokenizer}; {@link ElisionFilter} with French articles
 *       ({@code l'Élysée}, {@code d’Alger}, curly apostrophe too → {@code Élysée}, {@code Alger});
 *       {@link StopFilter} (Lucene's French stop words); {@link ICUFoldingFilter}; {@link
 *       FrenchLightStemFilter}.
 *   <li>{@code de}, German: {@link StandardTokenizer}; {@link StopFilter} (Lucene's German stop
 *       words); {@link ICUFoldingFilter} ({@code ß} → {@code ss}, umlauts dropped); {@link
 *       DictionaryCompoundWordTokenFilter} with {@link #GERMAN_COMPOUND_PARTS} ({@code Bahnstreik}
 *       is also {@code bahn} and {@code streik}, at its position); {@link
 *       GermanNormalizationFilter}; {@link GermanLightStemFilter}; {@link
 *       RemoveDuplicatesTokenFilter} (a listed word is also its own part).
 *   <li>{@code es}, Spanish: {@link StandardTokenizer}; {@link StopFilter} (Lucene's Spanish stop
 *       words); {@link ICUFoldingFilter}; {@link SpanishLightStemFilter}.
 *   <li>{@link #OTHER}, every other language: {@link ICUTokenizer} (word boundaries of every
 *       script, dictionary-based for Thai, Lao, Khmer, Myanmar, Chinese and Japanese) and {@link
 *       ICUFoldingFilter}; no stop words, no stemming.
 * </ul>
 *
 * <p>Folding comes before the stemmers, so that a query typed without accents ({@code Elysee},
 * {@code Fussball}) finds the words written with them. The French, German and Spanish stop words
 * are removed before it, on the words case-folded but with their accents ({@link
 * ICUNormalizer2Filter}, the lists in the same form): the lists are written with accents, so
 * {@code für} and {@code más} go, while {@code Uber}, which folding would make {@code über}'s
 * twin, stays.
 */
public final class LanguageAnalyzers {
  /** The languages with a chain of their own here, besides English. */
  public static final List<String> LANGUAGES = List.of("ar", "de", "es", "fr");

  /** The name of the fallback chain, for every language without its own. */
  public static final String OTHER = "other";

  /**
   * The name and version of these chains, stored in each index beside {@link NewsAnalyzer#NAME}:
   * it changes whenever one of them does.
   */
  public static final String NAME = "news-intl-2";

  /**
   * The dictionary of German compound parts: a compound is found by any part listed here. Words
   * of news copy that start or end many compounds (Bahn, Streik, Wahl, Regierung, Wasser, ...),
   * folded as the chain folds them.
   */
  public static final List<String> GERMAN_COMPOUND_PARTS = List.of(
      "bahn", "streik", "wahl", "kampf", "regierung", "bund", "bundes", "tag", "land", "landes",
      "stadt", "rat", "haus", "halt", "wasser", "hoch", "feuer", "wehr", "polizei", "arbeit",
      "markt", "preis", "miet", "miete", "wohnung", "wohnungen", "schule", "schulen", "verkehr",
      "fern", "flug", "hafen", "krieg", "frieden", "gipfel", "bank", "zins", "zinsen", "steuer",
      "energie", "strom", "gas", "kohle", "klima", "regen", "schutz", "gesetz", "minister", "kanzler",
      "partei", "grenze", "grenz", "flucht", "fluchtlinge", "hilfe", "gesundheit", "kranken",
      "auto", "industrie", "export", "handel", "zoll", "einsatz", "dauer", "unfall", "strasse",
      "autobahn", "sturm", "schnee", "wetter", "wirtschaft", "nachrichten", "zeitung");

  private static final CharArraySet GERMAN_PARTS = new CharArraySet(GERMAN_COMPOUND_PARTS, false);
  private static final CharArraySet FRENCH_ARTICLES = new CharArraySet(List.of("l", "m", "t",
      "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);
  private static final CharArraySet ARABIC_STOP = ArabicAnalyzer.getDefaultStopSet();
  /** The normal form the stop filters compare in: {@link ICUNormalizer2Filter}'s, NFKC case-folded. */
  private static final Normalizer2 CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final CharArraySet FRENCH_STOP =
      snowballStopWords(FrenchAnalyzer.DEFAULT_STOPWORD_FILE,
          FrenchAnalyzer::getDefaultStopSet);
  private static final CharArraySet GERMAN_STOP =
      snowballStopWords(GermanAnalyzer.DEFAULT_STOPWORD_FILE,
          GermanAnalyzer::getDefaultStopSet);
  private static final CharArraySet SPANISH_STOP =
      snowballStopWords(SpanishAnalyzer.DEFAULT_STOPWORD_FILE,
          SpanishAnalyzer::getDefaultStopSet);

  private LanguageAnalyzers() {}

  /**
   * The chain for {@code language}: one of {@link #LANGUAGES} or {@link #OTHER}.
   *
   * @throws IllegalArgumentException for any other name (English is {@link NewsAnalyzer})
   */
  public static Analyzer forLanguage(String language) {
    if (!LANGUAGES.contains(language) && !OTHER.equals(language)) {
      throw new IllegalArgumentException("no analysis chain named '" + language + "'");
    }
    return new Chain(language);
  }

  /** The chain that analyses text in {@code lang} (an ISO 639 code): its own, else {@link #OTHER}. */
  public static String chainOf(String lang) {
    return LANGUAGES.contains(lang) ? lang : OTHER;
  }

  /**
   * The words of Lucene's snowball stop list {@code file} (its analyzer's default stop set) as the
   * chains look them up after {@link ICUFoldingFilter}: lower-cased, nothing more. A stop word
   * written with an accent (German {@code über}) is therefore not matched once folded ({@code
   * uber}); folding the lists would change what an index holds, so it needs a new {@link #NAME}.
   * Read as {@link WordlistLoader#getSnowballWordSet(Reader)} reads it (the words of each line
   * before a {@code |}), but by {@link WordLists}: it compiles {@code \\s+} again for each of
   * their 800 lines, about 3% of a cold search's instructions (LanguageAnalyzersTest checks that
   * both read the same words).
   */
  static CharArraySet snowballStopWords(String file, Supplier<CharArraySet> lucenes) {
    List<String> lines = WordLists.lines(SnowballFilter.class, file);
    if (lines == null) {
      // On the module path Lucene opens the list's package to itself only: its own read.
      return lowerCased(lucenes.get());
    }
    CharArraySet out = new CharArraySet(256, false);
    for (String line : lines) {
      int comment = line.indexOf('|');
      for (String word : WordLists.words(line, 0, comment < 0 ? line.length() : comment)) {
        out.add(CASE_FOLD.normalize(word));
      }
    }
    return CharArraySet.unmodifiableSet(out);
  }

  private static CharArraySet lowerCased(CharArraySet words) {
    CharArraySet out = new CharArraySet(words.size(), false);
    for (Object w : words) {
      out.add(CASE_FOLD.normalize(new String((char[]) w)));
    }
    return CharArraySet.unmodifiableSet(out);
  }

  /** One language's chain, as the class comment lists them. */
  private static final class Chain extends Analyzer {
    private final String language;

    Chain(String language) {
      this.language = language;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      if (OTHER.equals(language)) {
        Tokenizer source = new ICUTokenizer();
        return new TokenStreamComponents(source, new ICUFoldingFilter(source));
      }
      Tokenizer source = new StandardTokenizer();
      TokenStream result = source;
      switch (language) {
        case "ar" -> {
          result = new DecimalDigitFilter(result);
          result = new ICUFoldingFilter(result);
          result = new StopFilter(result, ARABIC_STOP);
          result = new ArabicNormalizationFilter(result);
          result = new ArabicStemFilter(result);
        }
        case "fr" -> {
          result = new ElisionFilter(result, FRENCH_ARTICLES);
          result = new StopFilter(new ICUNormalizer2Filter(result), FRENCH_STOP);
          result = new ICUFoldingFilter(result);
          result = new FrenchLightStemFilter(result);
        }
        case "de" -> {
          result = new StopFilter(new ICUNormalizer2Filter(result), GERMAN_STOP);
          result = new ICUFoldingFilter(result);
          result = new DictionaryCompoundWordTokenFilter(result, GERMAN_PARTS, 5, 3, 15, false);
          result = new GermanNormalizationFilter(result);
          result = new GermanLightStemFilter(result);
          // A listed word is its own part (Regierung), and two parts may stem alike (bund, bundes).
          result = new RemoveDuplicatesTokenFilter(result);
        }
        case "es" -> {
          result = new StopFilter(new ICUNormalizer2Filter(result), SPANISH_STOP);
          result = new ICUFoldingFilter(result);
          result = new SpanishLightStemFilter(result);
        }
        default -> throw new AssertionError(language);
      }
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      TokenStream result = "ar".equals(language) ? new DecimalDigitFilter(in) : in;
      result = new ICUFoldingFilter(result);
      return "ar".equals(language) ? new ArabicNormalizationFilter(result) : result;
    }

    @Override
    public String toString() {
      return "LanguageAnalyzers[" + language + "]";
    }
  }
}
