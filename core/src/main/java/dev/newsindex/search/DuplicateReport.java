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
  /** Copies the list. */
  public DuplicateReport {
    groups = List.copyOf(groups);
  }
}
