package dev.newsindex;

/**
 * A query string that cannot be parsed. {@link #position()} is the 1-based character position in
 * the query where the problem was found, or 0 when the parser could not tell.
 */
public final class QuerySyntaxException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  /** The query as the user gave it. */
  private final String query;
  /** The 1-based position of the problem, or 0. */
  private final int position;
  /** What is wrong, without the position or the query. */
  private final String problem;

  /**
   * A syntax error in {@code query} at the 1-based {@code position} (0 if unknown).
   *
   * @param query the query as the user gave it
   * @param position the 1-based position of the problem, or 0
   * @param problem what is wrong, in a few words
   * @param cause the parser's exception, or {@code null}
   */
  public QuerySyntaxException(String query, int position, String problem, Throwable cause) {
    super(describe(query, position, problem), cause);
    this.query = query;
    this.position = position;
    this.problem = problem;
  }

  /**
   * At most this many characters of the query are quoted in the message, around the position of
   * the problem, so that a huge query does not make a huge error line; {@link #query()} holds it
   * whole.
   */
  public static final int QUOTED_CHARS = 40;

  private static String describe(String query, int position, String problem) {
    String where = position > 0 ? " at position " + position : "";
    return "bad query" + where + ": " + problem + " in [" + window(query, position) + "]";
  }

  /**
   * The part of {@code query} a message quotes: all of it when it is short, otherwise the {@link
   * #QUOTED_CHARS} characters around the 1-based {@code position} (the start when 0), with "..."
   * where text is left out; never cutting a surrogate pair.
   *
   * @param query the query
   * @param position the 1-based position to centre on, or 0
   * @return the quoted part
   */
  public static String window(String query, int position) {
    if (query == null || query.length() <= QUOTED_CHARS) {
      return query;
    }
    int centre = Math.max(0, Math.min(query.length(), position - 1));
    int from = Math.max(0, Math.min(centre - QUOTED_CHARS / 2, query.length() - QUOTED_CHARS));
    int to = Math.min(query.length(), from + QUOTED_CHARS);
    if (from > 0 && Character.isLowSurrogate(query.charAt(from))) {
      from++;
    }
    if (to < query.length() && Character.isHighSurrogate(query.charAt(to - 1))) {
      to--;
    }
    return (from > 0 ? "..." : "") + query.substring(from, to)
        + (to < query.length() ? "..." : "");
  }

  /**
   * The query as the user gave it.
   *
   * @return the query
   */
  public String query() {
    return query;
  }

  /**
   * The 1-based position of the problem in {@link #query()}, or 0 when unknown.
   *
   * @return the position, or 0
   */
  public int position() {
    return position;
  }

  /**
   * What is wrong, without the position or the query.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
