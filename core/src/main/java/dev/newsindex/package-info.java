/**
 * newsindex: full-text search for news articles on Apache Lucene.
 *
 * <p>{@link dev.newsindex.NewsIndex} is the entry point: open or create an index, ingest files or
 * upsert {@link dev.newsindex.Article}s, search with a {@link dev.newsindex.search.SearchRequest}.
 * It is the local implementation of {@link dev.newsindex.NewsArchive}, the interface a front end
 * (the command line, an HTTP server) programs against so that another backend can stand in.
 * {@link dev.newsindex.IndexSettings} (with {@link dev.newsindex.Stemmer} and {@link
 * dev.newsindex.Compression}) says how an index analyses, ranks and stores articles.
 *
 * <p>Errors: I/O failures are checked {@link java.io.IOException}s. A value newsindex refuses (a
 * limit out of range, an unknown stemmer, a stale cursor) is an {@link
 * dev.newsindex.InvalidRequestException}, an {@code IllegalArgumentException}. An index it cannot
 * use, a query it cannot parse or a request a backend cannot honour is one of the unchecked {@link
 * dev.newsindex.NewsIndexException}s: {@link dev.newsindex.IndexNotFoundException}, {@link
 * dev.newsindex.IndexLockedException}, {@link dev.newsindex.IncompatibleIndexException}, {@link
 * dev.newsindex.QuerySyntaxException}, {@link dev.newsindex.UnsupportedRequestException}. Each
 * message is one line that says what to do; any other exception is a bug.
 *
 * <p>This package holds only the facade, the article, the settings and the exceptions; the values
 * of requests and results are in {@code search}, {@code ingest} and {@code status}. The facade
 * depends on every other package and nothing outside this package depends on it; the article,
 * settings and exceptions depend on nothing here but each other (and the settings on {@code
 * analysis}, to check synonym rules), so the packages form no cycle once the facade is counted
 * apart (the ArchUnit test {@code ArchitectureTest} holds both to that).
 */
package dev.newsindex;
