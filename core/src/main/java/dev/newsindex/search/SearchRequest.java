package dev.newsindex.search;

import java.util.Objects;

/**
 * What to search for and how much to return. Build one with {@link #of(String)} and the {@code
 * with...} methods, each of which returns a new request.
 *
 * @param query a query in Lucene's syntax over title and body (title boosted); fields may be named,
 *     e.g. {@code source:MENAFN} or {@code date:[2023-01-01 TO 2023-12-31]}
 * @param limit how many top hits to return, at least 1
 * @param matchAll whether every term must match ({@code AND}, the default) or any ({@code OR})
 * @param passages how many highlighted body passages per hit, 0 to 10
 */
public record SearchRequest(String query, int limit, boolean matchAll, int passages) {
  /** The default number of hits. */
  public static final int DEFAULT_LIMIT = 10;
  /** The default number of body passages per hit. */
  public static final int DEFAULT_PASSAGES = 3;

  /** Checks the parts. */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
    if (passages < 0 || passages > 10) {
      throw new IllegalArgumentException("passages must be between 0 and 10, not " + passages);
    }
  }

  /**
   * A request for the top {@value #DEFAULT_LIMIT} hits of {@code query}, all terms required.
   *
   * @param query the query, in Lucene's syntax
   * @return the request
   */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, DEFAULT_LIMIT, true, DEFAULT_PASSAGES);
  }

  /**
   * This request returning the top {@code limit} hits.
   *
   * @param limit how many top hits, at least 1
   * @return a new request
   */
  public SearchRequest withLimit(int limit) {
    return new SearchRequest(query, limit, matchAll, passages);
  }

  /**
   * This request requiring every term ({@code true}) or any term ({@code false}).
   *
   * @param matchAll true for every term, false for any
   * @return a new request
   */
  public SearchRequest withMatchAll(boolean matchAll) {
    return new SearchRequest(query, limit, matchAll, passages);
  }

  /**
   * This request with {@code passages} highlighted body passages per hit.
   *
   * @param passages passages per hit, 0 to 10
   * @return a new request
   */
  public SearchRequest withPassages(int passages) {
    return new SearchRequest(query, limit, matchAll, passages);
  }
}
