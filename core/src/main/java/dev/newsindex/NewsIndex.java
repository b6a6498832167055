package dev.newsindex;

import dev.newsindex.index.ArticleWriter;
import dev.newsindex.index.IngestJob;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.ArticleSearcher;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

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
 * {@link #commit}) are serialised (an ingest indexes on several threads of its own); the write lock
 * on the index is taken at the first write and held until {@link #close}. Searches see what was
 * committed.
 */
public final class NewsIndex implements Closeable {
  private final Path path;
  private final Directory directory;
  private final Analyzer analyzer = NewsSchema.analyzer();
  private Compression compression = Compression.FAST;
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
      NewsIndex index = new NewsIndex(path, dir);
      index.compression = ArticleWriter.compressionOf(
          SegmentInfos.readLatestCommit(dir).getUserData());
      return index;
    } catch (RuntimeException | IOException e) {
      dir.close();
      throw e;
    }
  }

  /** Opens the index at {@code path}, creating an empty one (and its directories) if none exists. */
  public static NewsIndex openOrCreate(Path path) throws IOException {
    return openOrCreate(path, Compression.FAST);
  }

  /**
   * Opens the index at {@code path}, creating an empty one (and its directories) that compresses
   * stored text as {@code compression} if none exists; an existing index keeps its own compression
   * (see {@link #compression()}; {@link #rebuild} changes it).
   */
  public static NewsIndex openOrCreate(Path path, Compression compression) throws IOException {
    if (exists(path)) {
      return open(path);
    }
    Files.createDirectories(path);
    NewsIndex index = new NewsIndex(path, FSDirectory.open(path));
    index.compression = compression;
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

  /** How this index compresses stored text. */
  public Compression compression() {
    return compression;
  }

  /** Adds {@code article}, or replaces the one with its id; not visible to searches until commit. */
  public synchronized IndexOutcome upsert(Article article) throws IOException {
    return articles().upsert(article);
  }

  /** Deletes the article with {@code id}; returns whether it existed. Visible after commit. */
  public synchronized boolean delete(String id) throws IOException {
    return articles().delete(id);
  }

  /** Deletes the articles with {@code ids}; returns how many existed. Visible after commit. */
  public synchronized long delete(Collection<String> ids) throws IOException {
    long deleted = 0;
    for (String id : new LinkedHashSet<>(ids)) {
      if (articles().delete(id)) {
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes every article matching {@code query} (the search syntax, all terms required); returns
   * how many. Visible after commit.
   *
   * @throws QuerySyntaxException when the query cannot be parsed
   */
  public synchronized long deleteMatching(String query) throws IOException {
    Query parsed = new ArticleSearcher(null, analyzer).parse(SearchRequest.of(query));
    return articles().deleteMatching(parsed);
  }

  /**
   * Deletes every article dated before {@code day} (articles without a date are kept); returns how
   * many. Visible after commit.
   */
  public synchronized long deleteBefore(LocalDate day) throws IOException {
    return articles().deleteMatching(LongPoint.newRangeQuery(NewsSchema.DATE, Long.MIN_VALUE,
        NewsSchema.dateValue(day) - 1));
  }

  /**
   * Reads every article in {@code inputs} (files or directories, any known format), upserts each,
   * and commits. Unreadable records are reported to {@code listener} and counted as skipped.
   */
  public IngestSummary ingest(List<Path> inputs, IngestListener listener) throws IOException {
    return ingest(inputs, IngestOptions.defaults(), listener);
  }

  /**
   * Reads every article in {@code inputs} (files, directories, glob patterns, {@code -} for
   * {@link IngestOptions#stdin()}; plain or gzip-compressed; in any known format unless {@link
   * IngestOptions#format()} names one), upserts each on {@link IngestOptions#threads()} threads,
   * commits at the options' intervals and at the end. Unreadable records are reported to {@code
   * listener} and counted as skipped. If the process dies, the index holds the last commit and
   * running the same ingest again completes it (articles already in are found unchanged).
   */
  public synchronized IngestSummary ingest(List<Path> inputs, IngestOptions options,
      IngestListener listener) throws IOException {
    long started = System.nanoTime();
    ArticleWriter writer = articles();
    IngestSummary run = IngestJob.run(writer, Ingest.resolve(inputs), options, listener, () -> {
      long handled = writer.commit();
      refreshSearchers();
      return handled;
    }, true);
    commit();
    listener.committed(run.articles());
    return new IngestSummary(run.indexed(), run.updated(), run.unchanged(), run.skipped(),
        Duration.ofNanos(System.nanoTime() - started), run.bytesRead());
  }

  /**
   * Builds a fresh index at {@code path} from {@code inputs} and switches over to it only when it
   * is complete: until the final commit, every reader (opened before or during the rebuild) sees
   * the old index, and if the rebuild fails or the process dies the old index stays as it was. The
   * old index may have been built with another schema: this is how such an index is upgraded. A
   * rebuild that reads no article at all leaves the index as it was and throws {@link
   * IllegalArgumentException} (an empty index is more likely a mistyped path than a wish).
   *
   * @throws IndexLockedException when another writer holds the index
   */
  public static IngestSummary rebuild(Path path, List<Path> inputs, IngestOptions options,
      IngestListener listener) throws IOException {
    long started = System.nanoTime();
    Files.createDirectories(path);
    try (Directory dir = FSDirectory.open(path)) {
      Compression compression = options.compression();
      if (compression == null) {
        compression = DirectoryReader.indexExists(dir)
            ? ArticleWriter.compressionOf(SegmentInfos.readLatestCommit(dir).getUserData())
            : Compression.FAST;
      }
      IndexWriter writer;
      try {
        // CREATE on the live directory: the new segments are written beside the old ones, and
        // the old commit stays the visible one until this writer commits, once, at the end.
        writer = new IndexWriter(dir, ArticleWriter.config(NewsSchema.analyzer(),
            IndexWriterConfig.OpenMode.CREATE, compression));
      } catch (LockObtainFailedException e) {
        throw new IndexLockedException(path, e);
      }
      boolean done = false;
      try (ArticleWriter articles = new ArticleWriter(writer, compression)) {
        IngestSummary run = IngestJob.run(articles, Ingest.resolve(inputs), options, listener,
            articles::checkpoint, false);
        if (run.articles() == 0) {
          throw new IllegalArgumentException("the rebuild read no articles from " + inputs
              + "; the index at " + path + " was left as it was");
        }
        articles.commit();
        listener.committed(run.articles());
        done = true;
        writer.close();
        return new IngestSummary(run.indexed(), run.updated(), run.unchanged(), run.skipped(),
            Duration.ofNanos(System.nanoTime() - started), run.bytesRead());
      } finally {
        if (!done) {
          writer.rollback();
        }
      }
    }
  }

  /** Makes every write so far durable and visible to searches. */
  public synchronized void commit() throws IOException {
    articles().commit();
    refreshSearchers();
  }

  private synchronized void refreshSearchers() throws IOException {
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

  /** What the last commit holds: counts, segments, size, date range, sources, schema. */
  public IndexStats stats() throws IOException {
    SearcherManager manager = searchers();
    manager.maybeRefreshBlocking();
    IndexSearcher searcher = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      SegmentInfos infos = reader.getIndexCommit() == null ? SegmentInfos.readLatestCommit(directory)
          : SegmentInfos.readCommit(directory, reader.getIndexCommit().getSegmentsFileName());
      long size = 0;
      for (String file : reader.getIndexCommit().getFileNames()) {
        size += directory.fileLength(file);
      }
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      long undated = 0;
      Map<String, Long> sources = new HashMap<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        NumericDocValues dates = r.getNumericDocValues(NewsSchema.DATE);
        SortedSetDocValues src = r.getSortedSetDocValues(NewsSchema.SOURCE);
        long[] perOrd = src == null ? new long[0] : new long[(int) src.getValueCount()];
        long noSource = 0;
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          if (dates != null && dates.advanceExact(doc)) {
            first = Math.min(first, dates.longValue());
            last = Math.max(last, dates.longValue());
          } else {
            undated++;
          }
          if (src != null && src.advanceExact(doc)) {
            perOrd[(int) src.nextOrd()]++;
          } else {
            noSource++;
          }
        }
        for (int ord = 0; ord < perOrd.length; ord++) {
          if (perOrd[ord] > 0) {
            sources.merge(src.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
          }
        }
        if (noSource > 0) {
          sources.merge("", noSource, Long::sum);
        }
      }
      Map<String, Long> bySource = new LinkedHashMap<>();
      sources.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> bySource.put(e.getKey(), e.getValue()));
      return new IndexStats(reader.numDocs(), reader.numDeletedDocs(), infos.size(), size,
          first == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(first),
          last == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(last), undated,
          Collections.unmodifiableMap(bySource), NewsSchema.describe(infos.getUserData()),
          infos.getGeneration(), ArticleWriter.compressionOf(infos.getUserData()));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Runs Lucene's CheckIndex over the index at {@code path}: reads every file of the last commit
   * and verifies its checksums and structures. Works on an index of any schema. Takes the write
   * lock for its duration.
   *
   * @throws IndexNotFoundException when there is no index
   * @throws IndexLockedException when a writer holds the index
   */
  public static CheckReport check(Path path) throws IOException {
    if (!exists(path)) {
      throw new IndexNotFoundException(path);
    }
    try (Directory dir = FSDirectory.open(path)) {
      CheckIndex checker;
      try {
        checker = new CheckIndex(dir);
      } catch (LockObtainFailedException e) {
        throw new IndexLockedException(path, e);
      }
      try (checker) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        checker.setInfoStream(logStream, false);
        CheckIndex.Status status = checker.checkIndex();
        logStream.flush();
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> problems = new ArrayList<>();
        if (status.missingSegments) {
          problems.add("the segments file of the last commit is missing or unreadable");
        }
        if (status.numBadSegments > 0) {
          problems.add(status.numBadSegments + " broken segment(s), " + status.totLoseDocCount
              + " documents in them");
        }
        if (!status.clean && problems.isEmpty()) {
          lines.stream().filter(l -> l.contains("ERROR") || l.contains("FAILED"))
              .map(String::strip).forEach(problems::add);
        }
        long docs = 0;
        if (!status.missingSegments) {
          for (SegmentCommitInfo seg : SegmentInfos.readLatestCommit(dir)) {
            docs += seg.info.maxDoc() - seg.getDelCount();
          }
        }
        return new CheckReport(status.clean, status.numSegments, docs, List.copyOf(problems),
            lines);
      }
    }
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments and commits, reclaiming the space
   * of deleted articles. Costly: it rewrites the whole index, needs up to twice its size in free
   * disk space meanwhile, and holds the write lock; searches keep working.
   */
  public synchronized void optimize(int maxSegments) throws IOException {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("max segments must be at least 1, not " + maxSegments);
    }
    articles().writer().forceMerge(maxSegments);
    commit();
  }

  private synchronized SearcherManager searchers() throws IOException {
    if (searchers == null) {
      searchers = new SearcherManager(directory, null);
    }
    return searchers;
  }

  private ArticleWriter articles() throws IOException {
    if (articles == null) {
      IndexWriterConfig config = ArticleWriter.config(analyzer,
          IndexWriterConfig.OpenMode.CREATE_OR_APPEND, compression);
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException e) {
        throw new IndexLockedException(path, e);
      }
      articles = new ArticleWriter(writer, compression);
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
