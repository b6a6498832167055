/**
 * {@code newsindex serve}: an HTTP JSON API and a web page over an open news index, on the JDK's
 * own {@code com.sun.net.httpserver} with a virtual thread per request (no framework: the JDK
 * server answers its first request within a few hundred milliseconds of launch).
 *
 * <p>{@link dev.newsindex.server.NewsServer} routes each path under {@code /api} to one resource
 * ({@code Resources}: search, suggest, articles, duplicates, stats, health), which reads its
 * parameters into the library's own request values ({@code SearchParams} builds the same {@link
 * dev.newsindex.search.SearchRequest} the command line builds) and writes the answer through
 * {@link dev.newsindex.json.NewsJson}, so the field names are those of {@code --json}. Every
 * failure becomes one problem-details answer ({@code Problem}); the mapping from exceptions to
 * statuses lives in {@code NewsServer.translate} alone. The page ({@code web/}) is plain HTML, CSS
 * and JavaScript from the jar's resources.
 *
 * <p>Traps: answers are built in memory before the status line is sent, so that a failure midway
 * is still a clean error; a request past its time limit is answered 503 but left to finish (an
 * interrupt inside Lucene can close the index's files); the JDK server's limits are system
 * properties read once per process, so {@code NewsServer} sets them before the first server.
 */
package dev.newsindex.server;
