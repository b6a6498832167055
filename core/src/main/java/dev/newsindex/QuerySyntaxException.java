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

  private static String describe(String query, int position, String problem) {
    String where = position > 0 ? " at position " + position : "";
    return "bad query" + where + ": " + problem + " in [" + query + "]";
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
