/**
 * Search requests and results, as immutable values: a {@link dev.newsindex.search.SearchRequest}
 * in, a {@link dev.newsindex.search.SearchResult} out, with highlighted {@link
 * dev.newsindex.search.Snippet}s that carry match offsets so callers can render their own marks.
 * Single words over the default fields are scored as one combined field (BM25F), with title
 * occurrences counting double. Run a request with {@link
 * dev.newsindex.NewsIndex#search(dev.newsindex.search.SearchRequest)}; how it runs lives in a
 * package the module does not export.
 */
package dev.newsindex.search;
