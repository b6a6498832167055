/**
 * newsindex: full-text search for news articles on Apache Lucene. {@link dev.newsindex.NewsIndex}
 * is the entry point: open or create an index, ingest files or upsert {@link dev.newsindex.Article}s,
 * search with a {@link dev.newsindex.search.SearchRequest}. Misuse and unusable indexes are reported
 * by the unchecked {@link dev.newsindex.NewsIndexException} subtypes, I/O failures by {@link
 * java.io.IOException}.
 */
package dev.newsindex;
