/**
 * Searching: a {@link dev.newsindex.search.SearchRequest} in, an immutable {@link
 * dev.newsindex.search.SearchResult} out, with highlighted {@link dev.newsindex.search.Snippet}s that
 * carry match offsets so callers can render their own marks. Single words over the default fields
 * are scored as one combined field (BM25F), with title occurrences counting double.
 */
package dev.newsindex.search;
