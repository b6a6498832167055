package dev.newsindex.search;

/**
 * The bounds every search runs within, defined here once (docs/limits.md, "Searching", lists them
 * with what a user sees at each). A query that breaks one of the query limits is refused with a
 * {@link dev.newsindex.QuerySyntaxException} naming the position; the work limits (highlighting,
 * passages, did-you-mean) cut silently, and a request that reaches its {@link
 * SearchRequest#timeout()} returns what it has, marked {@link SearchResult#timedOut()}.
 */
public final class SearchLimits {
  private SearchLimits() {}

  /** Longest query text accepted, in characters (also for each {@code --filter} query). */
  public static final int MAX_QUERY_CHARS = 10_000;

  /**
   * Most clauses (terms, phrases, ranges) one query may hold, after synonyms and the two text
   * fields are added; Lucene's own default clause limit.
   */
  public static final int MAX_CLAUSES = 1024;

  /** Deepest nesting of parentheses accepted: deeper would risk the parser's stack. */
  public static final int MAX_NESTING = 64;

  /** Most index terms one wildcard, prefix, fuzzy or regular-expression term may expand to. */
  public static final int MAX_EXPANSIONS = 10_000;

  /**
   * Largest repetition count in a regular expression ({@code x{3}}, {@code x{1,40}}), counting
   * nested repetitions multiplied ({@code (x{10}){10}} is 100): each repetition copies the
   * automaton, so large counts make a query slow to build before any document is looked at.
   */
  public static final int MAX_REGEX_REPEAT = 100;

  /**
   * Most work (in automaton states created) determinizing a wildcard or regular expression may
   * take, as Lucene counts it; beyond, the query is refused as too complex.
   */
  public static final int MAX_DETERMINIZE_WORK = 10_000;

  /**
   * Characters of a hit's title or body analysed again to find its passages and matches: a match
   * further into an unusually long body is not highlighted (the hit still counts and ranks).
   */
  public static final int MAX_HIGHLIGHT_CHARS = 100_000;

  /**
   * Longest passage, in characters: a "sentence" longer than this (a body without full stops) is
   * cut to a window of this many characters around its first match.
   */
  public static final int MAX_PASSAGE_CHARS = 1_000;

  /** Words longer than this are not spelling-corrected (no English word is that long). */
  public static final int MAX_SUGGEST_WORD_CHARS = 30;

  /** Most words of one query looked up for a spelling correction. */
  public static final int MAX_SUGGEST_WORDS = 20;
}
