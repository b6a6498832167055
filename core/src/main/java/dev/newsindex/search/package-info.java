/**
 * Search requests and results, as immutable values: a {@link dev.newsindex.search.SearchRequest}
 * in, a {@link dev.newsindex.search.SearchResult} out, with highlighted {@link
 * dev.newsindex.search.Snippet}s that carry match offsets so callers can render their own marks.
 * Single words over the default fields are scored as one combined field (BM25F), with title
 * occurrences counting double. Run a request with {@link
 * dev.newsindex.NewsArchive#search(dev.newsindex.search.SearchRequest)}; every backend takes and
 * returns these same values. How the local index runs it lives in a package the module does not
 * export ({@code dev.newsindex.search.internal}).
 *
 * <p>Around the ranking: filters (dates, sources, labels, further queries) are {@code FILTER}
 * clauses and never change scores; date order sorts on the date doc values with the doc id as
 * tie-break; facets (source, the labels of {@code NewsSchema.LABEL_FIELDS}, calendar buckets) are
 * counted from doc values in the same pass as the ranking; near-duplicates are found through the
 * MinHash signatures the schema writes at index time (the candidate bands are computed from them
 * when the whole index is grouped, nothing else is indexed for it); related articles come from
 * Lucene's {@code MoreLikeThis}; did-you-mean from {@code DirectSpellChecker} over the {@code
 * words} field (the unstemmed words of the articles that the bundled English word list does not
 * know) and from that list.
 *
 * <p>Traps: a cursor holds Lucene doc ids, which are only stable within one index version, so it is
 * refused after the index changes; its fingerprint of the request is a hash of the request's text,
 * the same in every process. The timeout is one deadline for collection, highlighting and
 * did-you-mean; query rewriting is bounded instead by the query limits of {@link
 * dev.newsindex.search.SearchLimits} (length, clauses, expansions, regular-expression repetitions
 * and determinization work). Facet and collapse requests disable early termination, so they cost
 * more on large result sets.
 */
package dev.newsindex.search;
