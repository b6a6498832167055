package dev.newsindex;

import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.Ranked;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.status.IndexStats;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A searchable archive of news articles, whatever holds it: what a front end (the command line, an
 * HTTP server) needs to search, read and edit it. {@link NewsIndex} is the archive in a local
 * Lucene index; another backend (an OpenSearch cluster, say) implements the same interface with
 * the same request and result values, so a front end written against {@code NewsArchive} serves
 * either. Building and keeping a local index (ingest, rebuild, optimize, check) is not part of it:
 * see {@link NewsIndex}.
 *
 * <p>The contract every implementation keeps:
 *
 * <ul>
 *   <li><b>Same answers.</b> A request means what its javadoc says on every backend: the same query
 *       syntax ({@link SearchRequest#query()}), filters, sort orders, facets and paging. A backend
 *       that cannot honour a method or a part of a request (an explanation of scores, collapsing,
 *       near-duplicate groups) throws {@link UnsupportedRequestException} with one line naming
 *       what it cannot do; it never ignores a part silently or answers something else.
 *   <li><b>Errors.</b> A query that cannot be parsed is a {@link QuerySyntaxException} (with its
 *       position); a request value out of range, or a cursor from another search or an older
 *       version of the archive, is an {@link InvalidRequestException} ({@link
 *       InvalidCursorException} for the cursor); I/O failures, the network's included, are {@link
 *       IOException}s. Every message is one line that says what to do. Anything else is a bug.
 *   <li><b>Visibility.</b> Writes ({@link #upsert}, {@link #delete(String)} and the other deletes)
 *       are seen by searches after {@link #commit} (durable) or {@link #refresh} (searchable, not
 *       necessarily durable); a search never sees half of a commit.
 *   <li><b>Threads.</b> Any number of threads may search and read at once; writes may be
 *       serialised. After {@link #close}, searches, reads and writes throw {@link
 *       IllegalStateException}.
 *   <li><b>Cursors</b> ({@link SearchResult#nextCursor()}) are opaque strings, valid only on the
 *       archive that made them, for the same query, filters and sort.
 * </ul>
 */
public interface NewsArchive extends Closeable {

  /**
   * Runs {@code request}.
   *
   * @param request the query, filters, order and page to return
   * @return the requested page of hits with their passages, counts and facets
   * @throws QuerySyntaxException when the query or a filter cannot be parsed
   * @throws InvalidCursorException when the request's cursor belongs to another query, filter or
   *     sort, or to an earlier version of the archive
   * @throws UnsupportedRequestException when this backend cannot honour a part of the request
   * @throws IOException when the archive cannot be read
   */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * The ids and scores of the top {@code request.limit()} articles for {@code request}, without
   * loading or highlighting them (passages, facets and suggestions are ignored): for evaluation
   * and other bulk use.
   *
   * @param request the query to rank, and in {@link SearchRequest#limit()} how many ids to return
   * @return the ids with their scores, best first; empty when nothing matches
   * @throws QuerySyntaxException when the query or a filter cannot be parsed
   * @throws UnsupportedRequestException when this backend cannot honour a part of the request
   * @throws IOException when the archive cannot be read
   */
  List<Ranked> rank(SearchRequest request) throws IOException;

  /**
   * Articles related to the one with {@code request.id()} (more like this, over title and body),
   * best first, the article itself excluded.
   *
   * @param request the article's id, how many related articles and how many passages each
   * @return the related articles, or empty when the archive has no article with that id
   * @throws UnsupportedRequestException when this backend cannot find related articles
   * @throws IOException when the archive cannot be read
   */
  Optional<SearchResult> related(RelatedRequest request) throws IOException;

  /**
   * The near-duplicate groups of the archive: articles whose bodies resemble each other at {@code
   * threshold} or more, largest group first, with the articles of the first {@code limit} groups.
   *
   * @param limit how many groups to return with their articles, 0 or more
   * @param threshold the estimated Jaccard similarity of two bodies' word 3-shingles at which they
   *     count as near-duplicates, above 0 and at most 1 ({@link DuplicateReport#DEFAULT_THRESHOLD}
   *     is a good start)
   * @return the groups found and how many there are in all
   * @throws InvalidRequestException when {@code threshold} is not above 0 and at most 1
   * @throws UnsupportedRequestException when this backend cannot group near-duplicates
   * @throws IOException when the archive cannot be read
   */
  DuplicateReport duplicates(int limit, double threshold) throws IOException;

  /**
   * The stored article with {@code id}.
   *
   * @param id the article's id, matched exactly
   * @return the article, or empty when the archive has none with {@code id}
   * @throws IOException when the archive cannot be read
   */
  Optional<Article> get(String id) throws IOException;

  /**
   * How many articles the archive holds.
   *
   * @return the number of live (not deleted) articles searches see
   * @throws IOException when the archive cannot be read
   */
  int size() throws IOException;

  /**
   * What the archive holds: counts, size, date range, sources, schema.
   *
   * @return the statistics of what searches see, after picking up any newer commit
   * @throws UnsupportedRequestException when this backend cannot tell
   * @throws IOException when the archive cannot be read
   */
  IndexStats stats() throws IOException;

  /**
   * How the archive analyses, ranks and stores articles.
   *
   * @return the settings its searches use, never null
   */
  IndexSettings settings();

  /**
   * Adds {@code article}, or replaces the one with its id. Visible after {@link #commit} or {@link
   * #refresh}.
   *
   * @param article the article to write
   * @return whether it was added, replaced, or already there with the same content
   * @throws IndexLockedException when another writer holds the archive
   * @throws UnsupportedRequestException when this archive is read-only
   * @throws IOException when writing fails
   */
  IndexOutcome upsert(Article article) throws IOException;

  /**
   * Deletes the article with {@code id}. Visible after {@link #commit} or {@link #refresh}.
   *
   * @param id the article's id
   * @return whether an article with {@code id} existed, counting writes not yet committed
   * @throws IndexLockedException when another writer holds the archive
   * @throws UnsupportedRequestException when this archive is read-only
   * @throws IOException when writing fails
   */
  boolean delete(String id) throws IOException;

  /**
   * Deletes the articles with {@code ids}, as {@link #delete(String)} does each.
   *
   * @param ids the articles' ids; repeated ids count once, ids without an article are ignored
   * @return how many of the ids had an article, counting writes not yet committed
   * @throws IndexLockedException when another writer holds the archive
   * @throws UnsupportedRequestException when this archive is read-only
   * @throws IOException when writing fails
   */
  default long delete(Collection<String> ids) throws IOException {
    long deleted = 0;
    for (String id : new LinkedHashSet<>(ids)) {
      if (delete(id)) {
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes every article matching {@code query} (the search syntax, all terms required).
   * Visible after {@link #commit} or {@link #refresh}.
   *
   * @param query a query as {@link SearchRequest#query()} takes it; {@code *} matches every article
   * @return how many articles matched and were deleted
   * @throws QuerySyntaxException when the query cannot be parsed
   * @throws IndexLockedException when another writer holds the archive
   * @throws UnsupportedRequestException when this archive is read-only or cannot delete by query
   * @throws IOException when writing fails
   */
  long deleteMatching(String query) throws IOException;

  /**
   * Deletes every article dated before {@code day} (articles without a date are kept). Visible
   * after {@link #commit} or {@link #refresh}.
   *
   * @param day the first day kept: articles dated on it or later stay
   * @return how many articles were deleted
   * @throws IndexLockedException when another writer holds the archive
   * @throws UnsupportedRequestException when this archive is read-only or cannot delete by date
   * @throws IOException when writing fails
   */
  long deleteBefore(LocalDate day) throws IOException;

  /**
   * Makes every write so far durable and visible to searches.
   *
   * @throws IndexLockedException when another writer holds the archive
   * @throws IOException when the commit cannot be made
   */
  void commit() throws IOException;

  /**
   * Makes the writes so far visible to searches, durable or not, and picks up what other writers
   * committed.
   *
   * @throws IOException when the archive cannot be reopened
   */
  void refresh() throws IOException;

  /**
   * Releases the archive (for a local index, its files and write lock). Writes not committed may
   * be discarded. Closing twice does nothing.
   *
   * @throws IOException when releasing fails
   */
  @Override
  void close() throws IOException;
}
