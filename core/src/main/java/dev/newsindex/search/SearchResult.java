package dev.newsindex.search;

import java.time.Duration;
import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param request the request answered
 * @param totalHits how many articles matched (a lower bound when {@code totalExact} is false)
 * @param totalExact whether {@code totalHits} is exact
 * @param hits the hits of the requested page, best first
 * @param took the time spent searching and highlighting
 * @param facets the requested facet counts, over all hits
 * @param didYouMean a corrected query that finds more, when few or no articles matched; else null
 * @param nextCursor the cursor for the next page when there may be one; else null
 * @param timedOut whether the search reached its timeout (hits and counts are then partial, or
 *     some hits are not highlighted, or no correction was looked for)
 */
public record SearchResult(SearchRequest request, long totalHits, boolean totalExact,
    List<Hit> hits, Duration took, List<FacetResult> facets, String didYouMean,
    String nextCursor, boolean timedOut) {
  /** Copies the lists. */
  public SearchResult {
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
  }

  /**
   * A result without facets, suggestion or cursor, that did not time out.
   *
   * @param request the request answered
   * @param totalHits how many articles matched (a lower bound when {@code totalExact} is false)
   * @param totalExact whether {@code totalHits} is exact
   * @param hits the hits of the requested page, best first; copied
   * @param took the time spent searching and highlighting
   */
  public SearchResult(SearchRequest request, long totalHits, boolean totalExact, List<Hit> hits,
      Duration took) {
    this(request, totalHits, totalExact, hits, took, List.of(), null, null, false);
  }
}
