package dev.newsindex.search;

import java.util.List;

/**
 * The counts of one facet over all hits of a search (not only the page shown).
 *
 * @param facet what was counted
 * @param counts the buckets: by count for {@link Facet#SOURCE} (ties by name), otherwise in date
 *     order
 * @param others how many hits fall in buckets left out by the request's facet limit
 * @param missing how many hits have no value for the facet (no source, or no date)
 */
public record FacetResult(Facet facet, List<FacetCount> counts, long others, long missing) {
  /** Copies the counts. */
  public FacetResult {
    counts = List.copyOf(counts);
  }
}
