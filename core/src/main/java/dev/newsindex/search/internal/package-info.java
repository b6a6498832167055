/**
 * How searches run (not exported by the module, not API): {@link
 * dev.newsindex.search.internal.ArticleSearcher} parses a {@link dev.newsindex.search.SearchRequest}
 * with the news query parser (BM25F over title and body, dates and sources as exact fields), ranks
 * on one point-in-time searcher, and highlights title and body with a sentence-aware unified
 * highlighter whose passages carry match offsets.
 *
 * <p>Trap: everything here reads one {@code IndexSearcher} acquired by {@link
 * dev.newsindex.NewsIndex}; nothing may keep it after the call returns, because the searcher is
 * released (and may be closed) as soon as the search is answered.
 */
package dev.newsindex.search.internal;
