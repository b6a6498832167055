package dev.newsindex;

import dev.newsindex.index.ArticleWriter;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.ArticleSearcher;
import dev.newsindex.search.Ranked;
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
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
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
  private IndexSettings settings;
  private Analyzer analyzer;
  private Analyzer queryAnalyzer;
  private SearcherManager searchers;
  private IndexWriter writer;
  private ArticleWriter articles;

  private NewsIndex(Path path, Directory directory, IndexSettings settings) {
    this.path = path;
    this.directory = directory;
    adopt(settings);
  }

  /** Takes {@code settings}; only called before the instance is handed out, so never raced. */
  private void adopt(IndexSettings settings) {
    this.settings = settings;
    this.analyzer = NewsSchema.analyzer(settings);
    this.queryAnalyzer = NewsSchema.queryAnalyzer(settings);
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
      IndexSettings settings = checkCompatible(path, dir);
      return new NewsIndex(path, dir, settings);
    } catch (RuntimeException | IOException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens the index at {@code path} with the settings it was built with, creating an empty one (and
   * its directories) with {@link IndexSettings#DEFAULT} if none exists.
   */
  public static NewsIndex openOrCreate(Path path) throws IOException {
    if (exists(path)) {
      return open(path);
    }
    return openOrCreate(path, IndexSettings.DEFAULT);
  }

  /**
   * Opens the index at {@code path}, or creates an empty one with {@code settings}. An existing
   * index takes the query-time parts of {@code settings} (synonyms, BM25 parameters), recorded at
   * once; its stemmer cannot change without a rebuild.
   *
   * @throws IllegalArgumentException when the existing index was built with another stemmer
   */
  public static NewsIndex openOrCreate(Path path, IndexSettings settings) throws IOException {
    if (exists(path)) {
      NewsIndex index = open(path);
      try {
        if (!index.settings.sameIndexTimeAnalysis(settings)) {
          throw new IllegalArgumentException("the index at " + path + " was built with stemmer "
              + index.settings.stemmer().id() + ", not " + settings.stemmer().id()
              + "; to change it, remove " + path + " and index again");
        }
        if (!index.settings.equals(settings)) {
          index.adopt(settings);
          index.commit();
        }
        return index;
      } catch (RuntimeException | IOException e) {
        index.close();
        throw e;
      }
    }
    Files.createDirectories(path);
    NewsIndex index = new NewsIndex(path, FSDirectory.open(path), settings);
    try {
      index.commit();
      return index;
    } catch (RuntimeException | IOException e) {
      index.close();
      throw e;
    }
  }

  private static IndexSettings checkCompatible(Path path, Directory dir) throws IOException {
    SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
    if (!NewsSchema.isCompatible(infos.getUserData())) {
      throw new IncompatibleIndexException(path, NewsSchema.describe(infos.getUserData()),
          NewsSchema.describe(NewsSchema.commitData()));
    }
    try {
      return IndexSettings.fromCommitData(infos.getUserData());
    } catch (IllegalArgumentException e) {
      throw new IncompatibleIndexException(path, NewsSchema.describe(infos.getUserData())
          + " (unreadable settings: " + e.getMessage() + ")",
          NewsSchema.describe(NewsSchema.commitData()));
    }
  }

  /** The analysis and ranking settings this index was built with (and searches with). */
  public IndexSettings settings() {
    return settings;
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
      return new ArticleSearcher(searcher, queryAnalyzer).search(request);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The ids and scores of the top {@code request.limit()} articles for {@code request}, without
   * loading or highlighting them (passages are ignored): for evaluation and other bulk use.
   */
  public List<Ranked> rank(SearchRequest request) throws IOException {
    SearcherManager manager = searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return new ArticleSearcher(searcher, queryAnalyzer).rank(request);
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
      BM25Similarity similarity = new BM25Similarity(settings.k1(), settings.b());
      searchers = new SearcherManager(directory, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(similarity);
          return searcher;
        }
      });
    }
    return searchers;
  }

  private ArticleWriter articles() throws IOException {
    if (articles == null) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer)
          .setSimilarity(new BM25Similarity(settings.k1(), settings.b()))
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(false);
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException e) {
        throw new IndexLockedException(path, e);
      }
      articles = new ArticleWriter(writer, NewsSchema.commitData(settings));
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
