package dev.newsindex.status;

import java.util.List;

/**
 * What Lucene's CheckIndex found.
 *
 * @param clean whether the index has no problems
 * @param segments segments checked
 * @param articles documents in the checked commit (deleted ones excluded)
 * @param problems one line per problem found; empty when clean
 * @param log CheckIndex's full report, line by line
 */
public record CheckReport(boolean clean, int segments, long articles, List<String> problems,
    List<String> log) {}
