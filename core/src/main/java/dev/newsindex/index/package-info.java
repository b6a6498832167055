/**
 * Writing and keeping an index (not exported by the module, not API): upserts by article id, with
 * unchanged articles detected by a content hash in doc values so re-indexing the same files writes
 * nothing ({@link dev.newsindex.index.ArticleWriter}); ingest runs that index on every core and
 * commit at bounded intervals ({@link dev.newsindex.index.IngestJob}); the rebuild that replaces
 * an index in one commit ({@link dev.newsindex.index.IndexRebuild}); the statistics of a commit
 * ({@link dev.newsindex.index.IndexStatistics}, counted with the search's facet counter),
 * Lucene's CheckIndex read into a report ({@link dev.newsindex.index.IndexCheck}) and the codec of
 * small stored fields ({@link dev.newsindex.index.NewsCodec}). {@link
 * dev.newsindex.NewsIndex} calls each; the values they return are in {@code ingest} and {@code
 * status}.
 *
 * <p>Traps: an article's outcome (new, changed, unchanged) is judged against a near-real-time reader
 * plus a map of the ids written since it was opened; both are swapped under a lock at each
 * checkpoint or commit, so upserts must go through {@code ArticleWriter}, never straight to the
 * {@code IndexWriter}. Versions of one id must reach the writer in input order: {@code IngestJob}
 * routes each article to an indexing thread by its id for that reason. A rebuild commits only once,
 * at the end (that single commit is the switch-over: until then every reader sees the old index),
 * so it checkpoints instead to keep memory bounded. An index of {@link dev.newsindex.Compression#SMALL}
 * names {@link dev.newsindex.index.NewsCodec} in its segments: plain Lucene tools (Luke, CheckIndex
 * on the command line) open it only with the core jar on their class path.
 */
package dev.newsindex.index;
