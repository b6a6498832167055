package dev.newsindex.search;

import java.time.Duration;
import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param request the request answered
 * @param totalHits how many articles matched (a lower bound when {@code totalExact} is false)
 * @param totalExact whether {@code totalHits} is exact
 * @param hits the top hits, best first
 * @param took the time spent searching and highlighting
 */
public record SearchResult(SearchRequest request, long totalHits, boolean totalExact,
    List<Hit> hits, Duration took) {
  /** Copies the hits. */
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
