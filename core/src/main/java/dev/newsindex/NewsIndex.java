package dev.newsindex;

import dev.newsindex.index.ArticleWriter;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.schema.MinHash;
import dev.newsindex.search.ArticleSearcher;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
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
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

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
 * <p>Searches may run from many threads. Writes ({@link #upsert}, {@link #delete}, {@link #ingest},
 * {@link #commit}) are serialised; the write lock on the index is taken at the first write and held
 * until {@link #close}. Searches see what was committed.
 */
public final class NewsIndex implements Closeable {
  private final Path path;
  private final Directory directory;
  private final Analyzer analyzer = NewsSchema.analyzer();
  private SearcherManager searchers;
  private IndexWriter writer;
  private ArticleWriter articles;

  private NewsIndex(Path path, Directory directory) {
    this.path = path;
    this.directory = directory;
  }

  /** Whether a newsindex (or any Lucene index) has been committed at {@code path}. */
  public static boolean exists(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Directory dir = FSDirectory.open(path)) {
      return DirectoryReader.indexExists(dir);
    }
  }

  /**
   * Opens the existing index at {@code path}.
   *
   * @throws IndexNotFoundException when there is none
   * @throws IncompatibleIndexException when it was built with another schema or analysis
   */
  public static NewsIndex open(Path path) throws IOException {
    if (!exists(path)) {
      throw new IndexNotFoundException(path);
    }
    Directory dir = FSDirectory.open(path);
    try {
      checkCompatible(path, dir);
      return new NewsIndex(path, dir);
    } catch (RuntimeException | IOException e) {
      dir.close();
      throw e;
    }
  }

  /** Opens the index at {@code path}, creating an empty one (and its directories) if none exists. */
  public static NewsIndex openOrCreate(Path path) throws IOException {
    if (exists(path)) {
      return open(path);
    }
    Files.createDirectories(path);
    NewsIndex index = new NewsIndex(path, FSDirectory.open(path));
    try {
      index.commit();
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

  /** Where this index lives. */
  public Path path() {
    return path;
  }

  /** Adds {@code article}, or replaces the one with its id; not visible to searches until commit. */
  public synchronized IndexOutcome upsert(Article article) throws IOException {
    return articles().upsert(article);
  }

  /** Deletes the article with {@code id}; returns whether it existed. Visible after commit. */
  public synchronized boolean delete(String id) throws IOException {
    return articles().delete(id);
  }

  /**
   * Reads every article in {@code inputs} (files or directories, any known format), upserts each,
   * and commits. Unreadable records are reported to {@code listener} and counted as skipped.
   */
  public synchronized IngestSummary ingest(List<Path> inputs, IngestListener listener)
      throws IOException {
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
    return new IngestSummary(counts[IndexOutcome.INDEXED.ordinal()],
        counts[IndexOutcome.UPDATED.ordinal()], counts[IndexOutcome.UNCHANGED.ordinal()],
        counts[skipped], Duration.ofNanos(System.nanoTime() - started));
  }

  /** Makes every write so far durable and visible to searches. */
  public synchronized void commit() throws IOException {
    articles().commit();
    if (searchers != null) {
      searchers.maybeRefreshBlocking();
    }
  }

  /** Runs {@code request} against the last commit. */
  public SearchResult search(SearchRequest request) throws IOException {
    SearcherManager manager = searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return new ArticleSearcher(searcher, analyzer).search(request);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Articles related to the one with {@code request.id()} (more like this, over title and body),
   * best first; empty when there is no such article.
   */
  public Optional<SearchResult> related(RelatedRequest request) throws IOException {
    SearcherManager manager = searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return Optional.ofNullable(new ArticleSearcher(searcher, analyzer).related(request));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The near-duplicate groups of the last commit (articles whose bodies resemble each other at
   * {@code threshold} or more, 0 to 1; {@link MinHash#DEFAULT_THRESHOLD} is a good start), largest
   * first, with the articles of the first {@code limit} groups.
   */
  public DuplicateReport duplicates(int limit, double threshold) throws IOException {
    if (threshold <= 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be above 0 and at most 1, not "
          + threshold);
    }
    SearcherManager manager = searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return new ArticleSearcher(searcher, analyzer).duplicates(limit, threshold);
    } finally {
      manager.release(searcher);
    }
  }

  /** The stored article with {@code id}, if the last commit has it. */
  public Optional<Article> get(String id) throws IOException {
    SearcherManager manager = searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(NewsSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(NewsSchema.fromDocument(
          searcher.storedFields().document(top.scoreDocs[0].doc)));
    } finally {
      manager.release(searcher);
    }
  }

  /** How many articles the last commit holds. */
  public int size() throws IOException {
    SearcherManager manager = searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  private synchronized SearcherManager searchers() throws IOException {
    if (searchers == null) {
      searchers = new SearcherManager(directory, null);
    }
    return searchers;
  }

  private ArticleWriter articles() throws IOException {
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
    }
    return articles;
  }

  /** Releases the index. Writes not committed are discarded. */
  @Override
  public synchronized void close() throws IOException {
    try {
      if (articles != null) {
        articles.close();
      }
      if (writer != null) {
        writer.rollback();
      }
      if (searchers != null) {
        searchers.close();
      }
    } finally {
      directory.close();
    }
  }
}
