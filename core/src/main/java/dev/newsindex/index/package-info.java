/**
 * Writing to an index: upserts by article id, with unchanged articles detected by a content hash
 * in doc values so re-indexing the same files writes nothing ({@link
 * dev.newsindex.index.ArticleWriter}), and ingest runs that index on every core and commit at
 * bounded intervals ({@link dev.newsindex.index.IngestJob}).
 *
 * <p>Traps: an article's outcome (new, changed, unchanged) is judged against a near-real-time reader
 * plus a map of the ids written since it was opened; both are swapped under a lock at each
 * checkpoint or commit, so upserts must go through {@code ArticleWriter}, never straight to the
 * {@code IndexWriter}. Versions of one id must reach the writer in input order: {@code IngestJob}
 * routes each article to an indexing thread by its id for that reason. A rebuild commits only once,
 * at the end (that single commit is the switch-over), so it checkpoints instead to keep memory
 * bounded.
 */
package dev.newsindex.index;
