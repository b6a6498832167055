package dev.newsindex.opensearch.plugin;

/**
 * The names under which the plugin registers its parts in OpenSearch, and their settings: used by
 * the plugin, and by newsindex's OpenSearch backend when it writes an index definition. This class
 * needs no OpenSearch class, so the backend can use it without the server on its class path.
 */
public final class Names {
  private Names() {}

  /** The plugin's name, as {@code _cat/plugins} lists it. */
  public static final String PLUGIN = "newsindex";

  /** Analyzer type: the index-time chain of {@code NewsAnalyzer}. */
  public static final String ANALYZER = "newsindex";
  /** Analyzer type: the query-time chain of {@code NewsAnalyzer}, with synonyms. */
  public static final String QUERY_ANALYZER = "newsindex_query";
  /**
   * Analyzer types of the other languages' chains ({@code LanguageAnalyzers}): this prefix and the
   * chain's name, {@code newsindex_ar}, {@code newsindex_de}, {@code newsindex_es}, {@code
   * newsindex_fr} and {@code newsindex_other}.
   */
  public static final String LANGUAGE_ANALYZER_PREFIX = "newsindex_";
  /** Analyzer type: the unstemmed chain of the spelling vocabulary ({@code SpellingAnalyzer}). */
  public static final String SPELLING_ANALYZER = "newsindex_spelling";

  /**
   * Char filter: a hyphen between two words becomes the compound joiner, an ampersand inside an
   * acronym ({@code AT&T}) and a slash between digits ({@code 7/8}) keep the word whole.
   */
  public static final String HYPHEN_CHAR_FILTER = "newsindex_hyphen";
  /** Token filter: {@code Korea's} becomes {@code Korea}. */
  public static final String POSSESSIVE_FILTER = "newsindex_possessive";
  /** Token filter: acronyms recognised before case is lost ({@code U.S.} and {@code US}). */
  public static final String ACRONYM_FILTER = "newsindex_acronym";
  /** Token filter (also a normalizer's): lower-casing. */
  public static final String LOWERCASE_FILTER = "newsindex_lowercase";
  /** Token filter (also a normalizer's): folding to ASCII ({@code Dönitz} to {@code donitz}). */
  public static final String FOLDING_FILTER = "newsindex_folding";
  /** Token filter: compounds split into parts plus the joined word. */
  public static final String COMPOUND_FILTER = "newsindex_compound";
  /** Token filter: dotted terms ({@code u.s}) marked as keywords, never stemmed. */
  public static final String DOTTED_KEYWORD_FILTER = "newsindex_dotted_keyword";
  /**
   * Token filter: British spellings folded to American ones; with {@link #STEMMER} porter, the
   * stemmer guard's protected words marked as keywords.
   */
  public static final String SPELLING_VARIANT_FILTER = "newsindex_spelling_variants";
  /**
   * Token filter, before lower-casing in a query chain: words that a synonym rule (the settings
   * of {@link #SYNONYM_FILTER}) asks to match in case ({@code Fed}, not the verb {@code fed}) carry
   * their case past lower-casing, to the synonym step.
   */
  public static final String CASE_MARK_FILTER = "newsindex_case_mark";
  /** Token filter, after the synonym step: removes the case marks no rule took. */
  public static final String CASE_STRIP_FILTER = "newsindex_case_strip";
  /** Token filter: the stemmer named by {@link #STEMMER}. */
  public static final String STEMMER_FILTER = "newsindex_stemmer";
  /** Token filter: the entity aliases and the user's rules ({@link #SYNONYMS}, a file). */
  public static final String SYNONYM_FILTER = "newsindex_synonyms";
  /** Token filter: the tokens a synonym rule added weigh less than the words typed. */
  public static final String SYNONYM_WEIGHT_FILTER = "newsindex_synonym_weight";

  /** Setting of the analyzers and the stemmer filter: porter, kstem, minimal or none. */
  public static final String STEMMER = "stemmer";
  /**
   * Setting of {@link #SPELLING_VARIANT_FILTER}: whether the stemmer guard's protected words are
   * marked as keywords (default: when {@link #STEMMER} is porter); false for the query chain's
   * pass before the synonyms.
   */
  public static final String STEM_GUARD = "stem_guard";
  /** Setting of the query analyzer and the synonym filter: whether the bundled aliases apply. */
  public static final String BUNDLED_SYNONYMS = "bundled_synonyms";
  /** Setting: the user's synonym rules inline, one Solr-format rule per entry. */
  public static final String SYNONYMS = "synonyms";
  /** Setting: a file of Solr-format synonym rules, relative to the node's config directory. */
  public static final String SYNONYMS_PATH = "synonyms_path";

  /** The query that parses newsindex's query syntax on each shard. */
  public static final String QUERY = "newsindex";
  /** The highlighter that returns newsindex's passages with match offsets. */
  public static final String HIGHLIGHTER = "newsindex";
  /** Highlighter option: the passage length aimed at (0: whole sentences). */
  public static final String SNIPPET_CHARS = "snippet_chars";
  /**
   * The object of a document's source holding the values shown where they differ from the value
   * indexed (a title derived from the body is shown but indexed empty); never indexed itself.
   */
  public static final String STORED = "stored";
}
