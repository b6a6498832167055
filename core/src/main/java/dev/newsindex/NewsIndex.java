package dev.newsindex;

import dev.newsindex.index.ArticleWriter;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.internal.ArticleSearcher;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A news index on disk: the one entry point of the library.
 *
 * <pre>{@code
 * try (NewsIndex index = NewsIndex.openOrCreate(Path.of("news-index"))) {
 *   index.ingest(List.of(Path.of("articles")), IngestListener.NONE);
 *   SearchResult result = index.search(SearchRequest.of("deterrence strategy"));
 *   for (Hit hit : result.hits()) {
 *     System.out.println(hit.article().title() + ": " + hit.passages().get(0).marked("[", "]"));
 *   }
 * }
 * }</pre>
 *
 * <h2>Threads</h2>
 *
 * <p>One instance is meant to be shared: open it once and keep it open. Any number of threads may
 * {@link #search}, {@link #get} and {@link #size} at the same time, also while another thread
 * writes; each search sees one consistent point-in-time view and never blocks on a writer. Writes
 * ({@link #upsert}, {@link #delete}, {@link #ingest}, {@link #commit}) are serialised. The index's
 * write lock is taken at the first write and held until {@link #close}, so one process writes an
 * index at a time; other processes may open it to search meanwhile.
 *
 * <h2>Visibility</h2>
 *
 * <p>Searches see the state as of the last {@link #refresh} or {@link #commit}: {@code refresh}
 * makes the writes so far searchable without making them durable (near-real-time, through a
 * {@link org.apache.lucene.search.SearcherManager} on the writer), {@code commit} makes them durable
 * and searchable. An instance that has not written picks up commits made by another process on
 * {@code refresh}. Writes neither committed nor refreshed are invisible, and are discarded by
 * {@link #close}.
 *
 * <h2>Errors</h2>
 *
 * <p>I/O failures are {@link IOException}s. Misuse and unusable indexes are unchecked {@link
 * NewsIndexException}s with a one-line message that says what to do: {@link
 * QuerySyntaxException} (a malformed query, with the position), {@link IndexNotFoundException},
 * {@link IndexLockedException} (another writer holds the index) and {@link
 * IncompatibleIndexException} (built with another schema: rebuild). Invalid arguments are {@link
 * IllegalArgumentException}s; using a closed index is an {@link IllegalStateException}.
 */
public final class NewsIndex implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(NewsIndex.class);

  private final Path path;
  private final Directory directory;
  private final Analyzer analyzer = NewsSchema.analyzer();
  /** Serialises writes, and guards {@link #writer} and {@link #articles}. */
  private final Object writeLock = new Object();
  /** Guards the creation and replacement of {@link #searchers}. */
  private final Object searcherLock = new Object();
  /** On the directory's last commit until the first write, then on the writer (near-real-time). */
  private volatile SearcherManager searchers;
  private volatile boolean closed;
  private IndexWriter writer;
  private ArticleWriter articles;

  private NewsIndex(Path path, Directory directory) {
    this.path = path;
    this.directory = directory;
  }

  /**
   * Whether a newsindex (or any Lucene index) has been committed at {@code path}.
   *
   * @param path the index directory
   * @return true when a commit exists there
   * @throws IOException when the directory cannot be read
   */
  public static boolean exists(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Directory dir = FSDirectory.open(path)) {
      return DirectoryReader.indexExists(dir);
    }
  }

  /**
   * Opens the existing index at {@code path}. Searches see it as it is now until {@link #refresh}
   * or a write. Opening takes no lock: many processes may search one index; the write lock is
   * taken at the first write.
   *
   * @param path the index directory
   * @return the open index; close it when done
   * @throws IndexNotFoundException when there is none
   * @throws IncompatibleIndexException when it was built with another schema or analysis
   * @throws IOException when the index cannot be read
   */
  public static NewsIndex open(Path path) throws IOException {
    if (!exists(path)) {
      throw new IndexNotFoundException(path);
    }
    Directory dir = FSDirectory.open(path);
    try {
      checkCompatible(path, dir);
      NewsIndex index = new NewsIndex(path, dir);
      index.searchers(); // searches see the index as opened, until a refresh
      LOG.debug("opened index {}", path);
      return index;
    } catch (RuntimeException | IOException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens the index at {@code path}, creating an empty one (and its directories) if none exists.
   *
   * @param path the index directory
   * @return the open index; close it when done
   * @throws IncompatibleIndexException when an existing index was built with another schema
   * @throws IndexLockedException when the index has to be created but another writer holds it
   * @throws IOException when the index cannot be read or created
   */
  public static NewsIndex openOrCreate(Path path) throws IOException {
    if (exists(path)) {
      return open(path);
    }
    Files.createDirectories(path);
    NewsIndex index = new NewsIndex(path, FSDirectory.open(path));
    try {
      index.commit();
      LOG.debug("created index {}", path);
      return index;
    } catch (RuntimeException | IOException e) {
      index.close();
      throw e;
    }
  }

  private static void checkCompatible(Path path, Directory dir) throws IOException {
    SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
    if (!NewsSchema.isCompatible(infos.getUserData())) {
      throw new IncompatibleIndexException(path, NewsSchema.describe(infos.getUserData()),
          NewsSchema.describe(NewsSchema.commitData()));
    }
  }

  /**
   * Where this index lives.
   *
   * @return the index directory as given when opening
   */
  public Path path() {
    return path;
  }

  /**
   * Adds {@code article}, or replaces the one with its id. Searches see it after the next {@link
   * #refresh} or {@link #commit}.
   *
   * @param article the article to write
   * @return whether it was new, replaced an article with other content, or was already there
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing fails
   */
  public IndexOutcome upsert(Article article) throws IOException {
    synchronized (writeLock) {
      return articles().upsert(article);
    }
  }

  /**
   * Deletes the article with {@code id}. Searches stop seeing it after the next {@link #refresh}
   * or {@link #commit}.
   *
   * @param id the article's id
   * @return whether such an article existed
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing fails
   */
  public boolean delete(String id) throws IOException {
    synchronized (writeLock) {
      return articles().delete(id);
    }
  }

  /**
   * Reads every article in {@code inputs} (files or directories, any known format), upserts each,
   * and commits. Unreadable records are reported to {@code listener} and counted as skipped; they
   * never stop the run. Searches keep running meanwhile and see the new articles after the commit.
   *
   * @param inputs files and directories (read recursively)
   * @param listener hears about each article and each skipped record, on the calling thread
   * @return counts per outcome and the elapsed time
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when reading an input or writing the index fails
   */
  public IngestSummary ingest(List<Path> inputs, IngestListener listener) throws IOException {
    synchronized (writeLock) {
      long started = System.nanoTime();
      long[] counts = new long[IndexOutcome.values().length + 1];
      int skipped = counts.length - 1;
      Ingest.read(inputs, new ArticleHandler() {
        @Override
        public void article(Article article, Origin origin) throws IOException {
          IndexOutcome outcome = upsert(article);
          counts[outcome.ordinal()]++;
          listener.written(origin, article.id(), outcome);
        }

        @Override
        public void rejected(Origin origin, String reason) {
          counts[skipped]++;
          listener.skipped(origin, reason);
        }
      });
      commit();
      IngestSummary summary = new IngestSummary(counts[IndexOutcome.INDEXED.ordinal()],
          counts[IndexOutcome.UPDATED.ordinal()], counts[IndexOutcome.UNCHANGED.ordinal()],
          counts[skipped], Duration.ofNanos(System.nanoTime() - started));
      LOG.info("ingested into {}: {}", path, summary);
      return summary;
    }
  }

  /**
   * Makes every write so far durable and visible to searches.
   *
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing fails
   */
  public void commit() throws IOException {
    synchronized (writeLock) {
      articles().commit();
    }
    searchers().maybeRefreshBlocking();
    LOG.debug("committed {}", path);
  }

  /**
   * Makes the writes so far visible to searches without committing them (near-real-time); cheap
   * compared with {@link #commit}. In an instance that has not written, picks up what other
   * processes committed since. Safe to call from any thread, also while another thread writes.
   *
   * @throws IOException when the index cannot be reopened
   */
  public void refresh() throws IOException {
    searchers().maybeRefreshBlocking();
  }

  /**
   * Runs {@code request} against the state as of the last {@link #refresh} or {@link #commit}.
   * Safe to call from many threads at once.
   *
   * @param request what to search for
   * @return the hits, best first, with highlighted title and passages
   * @throws QuerySyntaxException when the query is malformed
   * @throws IOException when the index cannot be read
   */
  public SearchResult search(SearchRequest request) throws IOException {
    return withSearcher(searcher -> new ArticleSearcher(searcher, analyzer).search(request));
  }

  /**
   * The stored article with {@code id}, as of the last {@link #refresh} or {@link #commit}.
   *
   * @param id the article's id
   * @return the article, or empty when there is none with that id
   * @throws IOException when the index cannot be read
   */
  public Optional<Article> get(String id) throws IOException {
    return withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(NewsSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(NewsSchema.fromDocument(
          searcher.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  /**
   * How many articles the index holds, as of the last {@link #refresh} or {@link #commit}.
   *
   * @return the number of live articles
   * @throws IOException when the index cannot be read
   */
  public int size() throws IOException {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** Work on one acquired point-in-time searcher. */
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) throws IOException {
    while (true) {
      SearcherManager manager = searchers();
      IndexSearcher searcher;
      try {
        searcher = manager.acquire();
      } catch (AlreadyClosedException e) {
        // The first write replaced the manager between our read and acquire: take the new one.
        if (!closed && manager != searchers) {
          continue;
        }
        throw closedException(e);
      }
      try {
        return work.apply(searcher);
      } finally {
        manager.release(searcher);
      }
    }
  }

  private SearcherManager searchers() throws IOException {
    SearcherManager manager = searchers;
    if (manager == null) {
      synchronized (searcherLock) {
        ensureOpen();
        manager = searchers;
        if (manager == null) {
          manager = new SearcherManager(directory, null);
          searchers = manager;
        }
      }
    }
    return manager;
  }

  /** The writer, opened at the first write; from then on searches refresh from it. */
  private ArticleWriter articles() throws IOException {
    ensureOpen();
    if (articles == null) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(false);
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException e) {
        throw new IndexLockedException(path, e);
      }
      articles = new ArticleWriter(writer);
      synchronized (searcherLock) {
        SearcherManager old = searchers;
        searchers = new SearcherManager(writer, null);
        if (old != null) {
          old.close(); // searches holding its searchers finish on them undisturbed
        }
      }
      LOG.debug("opened a writer on {}", path);
    }
    return articles;
  }

  private void ensureOpen() {
    if (closed) {
      throw closedException(null);
    }
  }

  private IllegalStateException closedException(Throwable cause) {
    return new IllegalStateException("the index at " + path + " is closed; open it again with"
        + " NewsIndex.open", cause);
  }

  /**
   * Releases the index and its write lock. Writes not committed are discarded. Searches still
   * running finish on their searcher; calls after closing throw {@link IllegalStateException}.
   * Closing twice does nothing.
   *
   * @throws IOException when releasing a file fails
   */
  @Override
  public void close() throws IOException {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (articles != null) {
          articles.close();
        }
        if (writer != null) {
          writer.rollback();
        }
        synchronized (searcherLock) {
          if (searchers != null) {
            searchers.close();
          }
        }
      } finally {
        directory.close();
      }
    }
  }
}
