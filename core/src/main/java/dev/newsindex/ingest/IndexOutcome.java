package dev.newsindex.ingest;

/** What writing one article did to the index. */
public enum IndexOutcome {
  /** The id was new: the article was added. */
  INDEXED,
  /** The id existed with different content: the article was replaced. */
  UPDATED,
  /** The id existed with the same content: nothing was written. */
  UNCHANGED
}
