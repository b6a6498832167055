package dev.newsindex.search;

/** The order of hits. */
public enum SortOrder {
  /** Best BM25 score first; equal scores in index order. */
  RELEVANCE,
  /** Latest date first; articles without a date last. */
  NEWEST,
  /** Earliest date first; articles without a date last. */
  OLDEST
}
