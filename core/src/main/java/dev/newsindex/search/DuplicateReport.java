package dev.newsindex.search;

import java.util.List;

/**
 * The near-duplicate groups of an index.
 *
 * @param groupCount how many groups there are in all
 * @param articleCount how many articles belong to some group
 * @param groups the largest groups, as many as asked for (ties: earliest first article first)
 */
public record DuplicateReport(int groupCount, long articleCount, List<DuplicateGroup> groups) {
  /**
   * The resemblance from which two articles count as near-duplicates by default: half of their
   * bodies' word 3-shingles in common.
   */
  public static final double DEFAULT_THRESHOLD = 0.5;

  /** Copies the list. */
  public DuplicateReport {
    groups = List.copyOf(groups);
  }
}
