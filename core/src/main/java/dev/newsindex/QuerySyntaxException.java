package dev.newsindex;

/**
 * A query string that cannot be parsed. {@link #position()} is the 1-based character position in
 * the query where the problem was found, or 0 when the parser could not tell.
 */
public final class QuerySyntaxException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  private final String query;
  private final int position;
  private final String problem;

  /** A syntax error in {@code query} at the 1-based {@code position} (0 if unknown). */
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

  /** The query as the user gave it. */
  public String query() {
    return query;
  }

  /** The 1-based position of the problem in {@link #query()}, or 0 when unknown. */
  public int position() {
    return position;
  }

  /** What is wrong, without the position or the query. */
  public String problem() {
    return problem;
  }
}
