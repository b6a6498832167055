/**
 * What an index holds and whether it is sound, as immutable values: {@link
 * dev.newsindex.status.IndexStats} (counts, size, dates, sources and schema of the last commit,
 * from {@link dev.newsindex.NewsArchive#stats()}) and {@link dev.newsindex.status.CheckReport}
 * (what Lucene's CheckIndex found, from {@link dev.newsindex.NewsIndex#check}). They describe an
 * index as a whole, not one search, so they live beside the {@code search} values rather than
 * among them; how they are computed is internal ({@code dev.newsindex.index}).
 */
package dev.newsindex.status;
