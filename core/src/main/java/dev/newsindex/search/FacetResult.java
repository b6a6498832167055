package dev.newsindex.search;

import java.util.List;

/**
 * The counts of one facet over all hits of a search (not only the page shown).
 *
 * @param facet what was counted
 * @param counts the buckets: for a value facet ({@link Facet#byValue}) by count, ties by value, at
 *     most the request's facet limit of them; for a date facet in date order
 * @param others the counts of the buckets left out by the facet limit, added up (a hit with
 *     several values, such as two topics, counts once per value)
 * @param missing how many hits have no value for the facet (no source, no category, no date)
 */
public record FacetResult(Facet facet, List<FacetCount> counts, long others, long missing) {
  /** Copies the counts. */
  public FacetResult {
    counts = List.copyOf(counts);
  }
}
