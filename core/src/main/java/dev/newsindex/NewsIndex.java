package dev.newsindex;

import dev.newsindex.index.ArticleWriter;
import dev.newsindex.index.IndexCheck;
import dev.newsindex.index.IndexRebuild;
import dev.newsindex.ingest.IndexSource;
import dev.newsindex.index.IndexStatistics;
import dev.newsindex.index.IngestJob;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestStoppedException;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.schema.MinHash;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.Ranked;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.internal.ArticleSearcher;
import dev.newsindex.search.internal.TextScoring;
import dev.newsindex.status.CheckReport;
import dev.newsindex.status.IndexStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * A news index on disk: the one entry point of the library, and the {@link NewsArchive} of a local
 * Lucene index. Beyond the archive's searches and edits it builds and keeps the index: {@link
 * #ingest} files, {@link #rebuild} from sources, {@link #optimize}, {@link #check}.
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
public final class NewsIndex implements NewsArchive {
  private final Path path;
  private final Directory directory;
  private volatile IndexSettings settings;
  private Analyzer analyzer;
  private Analyzer queryAnalyzer;
  /** Guards the creation and replacement of {@link #searchers}; never held while searching. */
  private final Object searcherLock = new Object();
  /** On the directory's last commit until the first write, then on the writer (near-real-time). */
  private volatile SearcherManager searchers;
  private volatile boolean closed;
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

  /**
   * Whether a newsindex (or any Lucene index) has been committed at {@code path}.
   *
   * @param path the index directory
   * @return true when {@code path} is a directory holding a commit; false when it is missing, not a
   *     directory, or holds no commit
   * @throws IOException when the directory cannot be read
   */
  public static boolean exists(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    // Only the file names are read: no need to set up memory mapping.
    try (Directory dir = new NIOFSDirectory(path)) {
      return DirectoryReader.indexExists(dir);
    }
  }

  /**
   * Opens the existing index at {@code path}.
   *
   * @param path the index directory
   * @return the index, searching its last commit; the caller closes it
   * @throws IndexNotFoundException when there is none
   * @throws IncompatibleIndexException when it was built with another schema or analysis
   * @throws IOException when the index cannot be read
   */
  public static NewsIndex open(Path path) throws IOException {
    return open(path, FileAccess.MAPPED);
  }

  /**
   * Opens the existing index at {@code path}, reading its files as {@code access} says.
   *
   * @param path the index directory
   * @param access {@link FileAccess#MAPPED} (as {@link #open(Path)}) for an index kept open, {@link
   *     FileAccess#READ} to answer sooner in a process that opens it for one or a few searches
   * @return the index, searching its last commit; the caller closes it
   * @throws IndexNotFoundException when there is none
   * @throws IncompatibleIndexException when it was built with another schema or analysis
   * @throws IOException when the index cannot be read
   */
  public static NewsIndex open(Path path, FileAccess access) throws IOException {
    if (!exists(path)) {
      throw new IndexNotFoundException(path);
    }
    Directory dir = access == FileAccess.READ ? new NIOFSDirectory(path) : FSDirectory.open(path);
    try {
      IndexSettings settings = checkCompatible(path, dir);
      removeOrphans(dir);
      NewsIndex index = new NewsIndex(path, dir, settings);
      index.searchers(); // searches see the index as opened, until a refresh
      return index;
    } catch (RuntimeException | IOException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens the index at {@code path} with the settings it was built with, or creates an empty one
   * (and its directories) with {@link IndexSettings#DEFAULT} if none exists.
   *
   * @param path the index directory; created, with any missing parents, when absent
   * @return the open index; the caller closes it
   * @throws IncompatibleIndexException when an existing index was built with another schema
   * @throws IOException when the index cannot be read, or created and committed
   */
  public static NewsIndex openOrCreate(Path path) throws IOException {
    return exists(path) ? open(path) : create(path, IndexSettings.DEFAULT);
  }

  /**
   * Opens the index at {@code path}, or creates an empty one (and its directories) with {@code
   * settings}. An existing index takes the query-time parts of {@code settings} (synonyms, BM25
   * parameters), recorded at once; its stemmer and compression change only with a {@link
   * #rebuild(Path, List, IngestOptions, UnaryOperator, IngestListener) rebuild}: a different
   * stemmer is refused, a different compression is ignored (see {@link #settings()}).
   *
   * @param path the index directory; created, with any missing parents, when absent
   * @param settings the settings of a new index, or the query-time settings to record on an
   *     existing one
   * @return the open index; the caller closes it
   * @throws InvalidRequestException when the existing index was built with another stemmer
   * @throws IncompatibleIndexException when an existing index was built with another schema
   * @throws IOException when the index cannot be read, or created or committed
   */
  public static NewsIndex openOrCreate(Path path, IndexSettings settings) throws IOException {
    if (!exists(path)) {
      return create(path, settings);
    }
    NewsIndex index = open(path);
    try {
      if (!index.settings.sameIndexTimeAnalysis(settings)) {
        throw new InvalidRequestException("the index at " + path + " was built with stemmer "
            + index.settings.stemmer().id() + ", not " + settings.stemmer().id()
            + "; to change it, rebuild the index with the new stemmer (newsindex rebuild --index "
            + path + " --stemmer " + settings.stemmer().id() + " PATH...)");
      }
      IndexSettings adopted = settings.withCompression(index.settings.compression());
      if (!index.settings.equals(adopted)) {
        index.adopt(adopted);
        index.commit();
      }
      return index;
    } catch (RuntimeException | IOException e) {
      index.close();
      throw e;
    }
  }

  /**
   * Internal hook, not API: opens the index in {@code directory}, or creates an empty one there
   * with {@link IndexSettings#DEFAULT}; {@code path} only names it in messages. The index closes
   * {@code directory}. Lets the tests run every operation on a directory that injects faults
   * (Lucene's MockDirectoryWrapper).
   */
  static NewsIndex openOrCreateIn(Path path, Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return firstCommit(new NewsIndex(path, directory, IndexSettings.DEFAULT));
    }
    NewsIndex index = new NewsIndex(path, directory, checkCompatible(path, directory));
    index.searchers();
    return index;
  }

  private static NewsIndex create(Path path, IndexSettings settings) throws IOException {
    Files.createDirectories(path);
    return firstCommit(new NewsIndex(path, FSDirectory.open(path), settings));
  }

  /** {@code index}, new and empty, after its first commit; closed when that commit fails. */
  private static NewsIndex firstCommit(NewsIndex index) throws IOException {
    try {
      index.commit();
      return index;
    } catch (RuntimeException | IOException e) {
      index.close();
      throw e;
    }
  }

  /**
   * Deletes the files no commit refers to, left by a writer that was killed (a rebuild's new
   * segments, tens of MB): the next writer would, but a process that only searches never opens
   * one. Only when the write lock is free (a writer at work is making such files); on a read-only
   * medium, or when anything fails, the files stay until the next writer.
   */
  private static void removeOrphans(Directory dir) throws IOException {
    Set<String> referenced = new HashSet<>(SegmentInfos.readLatestCommit(dir).files(true));
    referenced.add(IndexWriter.WRITE_LOCK_NAME);
    boolean any = false;
    for (String file : dir.listAll()) {
      any |= !referenced.contains(file);
    }
    if (!any) {
      return;
    }
    // Lucene's own deleter, which a writer runs as it opens, removes exactly the unreferenced files.
    try (IndexWriter cleaner = new IndexWriter(dir, new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false))) {
      cleaner.rollback();
    } catch (LockObtainFailedException | AlreadyClosedException busy) {
      // a writer is at work, or the index cannot be locked here
    } catch (IOException readOnly) {
      // left for the next writer
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

  /**
   * The analysis and ranking settings this index was built with (and searches with).
   *
   * @return the settings recorded in the index, never null
   */
  @Override
  public IndexSettings settings() {
    return settings;
  }

  /**
   * Where this index lives.
   *
   * @return the index directory, as given when the index was opened
   */
  public Path path() {
    return path;
  }

  /**
   * Adds {@code article}, or replaces the one with its id; not visible to searches until commit.
   *
   * @param article the article to write
   * @return whether it was added, replaced, or already there with the same content (then nothing
   *     is written)
   * @throws IndexLockedException when another writer holds the index
   * @throws InvalidRequestException when the id, source or a label is longer than {@link
   *     dev.newsindex.schema.NewsSchema#MAX_EXACT_BYTES} bytes
   * @throws IOException when writing fails
   */
  @Override
  public synchronized IndexOutcome upsert(Article article) throws IOException {
    return articles().upsert(article);
  }

  /**
   * Deletes the article with {@code id}. Visible after commit.
   *
   * @param id the article's id
   * @return whether an article with {@code id} existed, counting writes not yet committed
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing fails
   */
  @Override
  public synchronized boolean delete(String id) throws IOException {
    return articles().delete(id);
  }

  /**
   * Deletes the articles with {@code ids}. Visible after commit.
   *
   * @param ids the articles' ids; repeated ids count once, ids without an article are ignored
   * @return how many of the ids had an article, counting writes not yet committed
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing fails
   */
  @Override
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
   * Deletes every article matching {@code query} (the search syntax, all terms required). Visible
   * after commit.
   *
   * @param query a query as {@link SearchRequest#query()} takes it; {@code *} matches every article
   * @return how many articles matched and were deleted
   * @throws QuerySyntaxException when the query cannot be parsed
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing fails
   */
  @Override
  public synchronized long deleteMatching(String query) throws IOException {
    Query parsed = new ArticleSearcher(null, analyzer).parse(SearchRequest.of(query));
    return articles().deleteMatching(parsed);
  }

  /**
   * Deletes every article dated before {@code day} (articles without a date are kept). Visible
   * after commit.
   *
   * @param day the first day kept: articles dated on it or later stay
   * @return how many articles were deleted
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing fails
   */
  @Override
  public synchronized long deleteBefore(LocalDate day) throws IOException {
    return articles().deleteMatching(LongPoint.newRangeQuery(NewsSchema.DATE, Long.MIN_VALUE,
        NewsSchema.dateValue(day) - 1));
  }

  /**
   * Reads every article in {@code inputs} (files or directories, any known format), upserts each,
   * and commits. Unreadable records are reported to {@code listener} and counted as skipped.
   *
   * @param inputs files, directories, glob patterns or {@code -} (standard input), read in order
   * @param listener told of each article, each skipped record, progress and commits; {@link
   *     IngestListener#NONE} to hear nothing
   * @return what the run did, per outcome
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when writing to the index fails (problems with the inputs are skipped)
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
   *
   * @param inputs files, directories, glob patterns or {@code -} (standard input), read in order
   * @param options the format, threads, commit intervals and standard input of the run
   * @param listener told of each article, each skipped record, progress and commits; {@link
   *     IngestListener#NONE} to hear nothing
   * @return what the run did, per outcome
   * @throws IndexLockedException when another writer holds the index
   * @throws IngestStoppedException when {@code listener} asked the run to stop; what was written
   *     until then is committed
   * @throws IOException when writing to the index fails (problems with the inputs are skipped)
   */
  public synchronized IngestSummary ingest(List<Path> inputs, IngestOptions options,
      IngestListener listener) throws IOException {
    long started = System.nanoTime();
    ArticleWriter writer = articles();
    long before = writer.handled();
    writer.recordSources(IndexSource.merge(writer.recordedSources(),
        IndexSource.of(inputs, options)));
    IngestSummary run;
    try {
      run = IngestJob.run(writer, Ingest.resolve(inputs), options, listener, () -> {
        long handled = writer.commit();
        refreshSearchers();
        return handled;
      }, true);
    } catch (IngestStoppedException stopped) {
      // Stopped on request: keep what was written, so the index holds one commit that a rerun
      // completes.
      commit();
      long committed = writer.handled() - before;
      listener.committed(committed);
      throw new IngestStoppedException(stopped.read(), committed);
    }
    commit();
    listener.committed(run.articles());
    return IngestJob.timed(run, started);
  }

  /**
   * The inputs this index was read from, as its last commit records them: each path (made
   * absolute) or glob pattern an ingest run read, with its format and id prefix, once each, in the
   * order first read; at most {@link IndexSource#MAX_RECORDED}. Standard input and articles
   * upserted one by one are not recorded. A rebuild records its own inputs only.
   *
   * @return the recorded sources, empty when none are (an index built before they were recorded)
   * @throws IOException when the index cannot be read
   */
  public List<IndexSource> sources() throws IOException {
    ensureOpen();
    synchronized (this) {
      if (articles != null) {
        return articles.recordedSources();
      }
    }
    return IndexSource.fromCommitData(SegmentInfos.readLatestCommit(directory).getUserData());
  }

  /**
   * Rebuilds the index at {@code path} from the sources it records ({@link #sources()}), each
   * read with its recorded format and id prefix, as {@link #rebuild(Path, List, IngestOptions,
   * UnaryOperator, IngestListener)} does; the new index records the same sources.
   *
   * @param path the index directory
   * @param options the threads and commit intervals of the run (format and id prefix are the
   *     recorded ones)
   * @param settings the new index's settings made from the old index's
   * @param listener told of each article, each skipped record, progress and the final commit
   * @return what the rebuild read, per outcome
   * @throws InvalidRequestException when the index records no sources, or no article was read;
   *     the index is then left as it was
   * @throws IndexLockedException when another writer holds the index
   * @throws IngestStoppedException when {@code listener} asked the rebuild to stop
   * @throws IOException when reading the old or writing the new index fails
   */
  public static IngestSummary rebuild(Path path, IngestOptions options,
      UnaryOperator<IndexSettings> settings, IngestListener listener) throws IOException {
    return IndexRebuild.runRecorded(path, options, settings, listener);
  }

  /**
   * Builds a fresh index at {@code path} from {@code inputs}, with the old index's settings, and
   * switches over to it only when it is complete; see {@link #rebuild(Path, List, IngestOptions,
   * UnaryOperator, IngestListener)}.
   *
   * @param path the index directory; created, with any missing parents, when absent
   * @param inputs files, directories, glob patterns or {@code -} (standard input), read in order
   * @param options the format, threads and standard input of the run; the commit intervals only
   *     mark internal checkpoints, as nothing is committed before the end
   * @param listener told of each article, each skipped record, progress and the final commit
   * @return what the rebuild read, per outcome
   * @throws IndexLockedException when another writer holds the index
   * @throws InvalidRequestException when no article was read
   * @throws IngestStoppedException when {@code listener} asked the rebuild to stop; the old index
   *     is then left as it was
   * @throws IOException when writing the new index fails; the old one is then left as it was
   */
  public static IngestSummary rebuild(Path path, List<Path> inputs, IngestOptions options,
      IngestListener listener) throws IOException {
    return rebuild(path, inputs, options, UnaryOperator.identity(), listener);
  }

  /**
   * Builds a fresh index at {@code path} from {@code inputs} and switches over to it only when it
   * is complete: until the final commit, every reader (opened before or during the rebuild) sees
   * the old index, and if the rebuild fails or the process dies the old index stays as it was. The
   * old index may have been built with another schema: this is how such an index is upgraded, and
   * how its stemmer or compression is changed ({@code old -> old.withStemmer(Stemmer.KSTEM)}). A
   * rebuild that reads no input at all leaves the index as it was and throws {@link
   * InvalidRequestException} (an empty index is more likely a mistyped path than a wish); one that
   * read input but skipped every record leaves it as it was too, and returns a summary of no
   * articles.
   *
   * @param path the index directory; created, with any missing parents, when absent
   * @param inputs files, directories, glob patterns or {@code -} (standard input), read in order
   * @param options the format, threads and standard input of the run; the commit intervals only
   *     mark internal checkpoints, as nothing is committed before the end
   * @param settings the new index's settings made from the old index's ({@link
   *     IndexSettings#DEFAULT} when there is no old index, or it records settings this version
   *     cannot read); {@link UnaryOperator#identity()} keeps them
   * @param listener told of each article, each skipped record, progress and the final commit
   * @return what the rebuild read, per outcome
   * @throws IndexLockedException when another writer holds the index
   * @throws InvalidRequestException when no article was read
   * @throws IngestStoppedException when {@code listener} asked the rebuild to stop; the old index
   *     is then left as it was
   * @throws IOException when writing the new index fails; the old one is then left as it was
   */
  public static IngestSummary rebuild(Path path, List<Path> inputs, IngestOptions options,
      UnaryOperator<IndexSettings> settings, IngestListener listener) throws IOException {
    return IndexRebuild.run(path, inputs, options, settings, listener);
  }

  /**
   * Makes every write so far durable and visible to searches.
   *
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when the commit cannot be written
   */
  @Override
  public synchronized void commit() throws IOException {
    articles().commit();
    refreshSearchers();
  }

  /**
   * Makes the writes so far searchable without making them durable (near-real-time), and picks up
   * commits another process made when this instance has not written.
   *
   * @throws IOException when the index cannot be reopened
   */
  @Override
  public void refresh() throws IOException {
    searchers().maybeRefreshBlocking();
  }

  private void refreshSearchers() throws IOException {
    SearcherManager manager = searchers;
    if (manager != null) {
      manager.maybeRefreshBlocking();
    }
  }

  /** Work on one acquired point-in-time searcher. */
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on a searcher; never waits for a writer (searches are not serialised). */
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

  /**
   * Runs {@code request} against the last commit.
   *
   * @param request the query, filters, order and page to return
   * @return the requested page of hits with their passages, counts and facets
   * @throws QuerySyntaxException when the query or a filter cannot be parsed
   * @throws InvalidCursorException when the request's cursor belongs to another query, filter or
   *     sort, or to an earlier version of the index
   * @throws IOException when the index cannot be read
   */
  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return withSearcher(
        searcher -> new ArticleSearcher(searcher, queryAnalyzer, analyzer).search(request));
  }

  /**
   * The ids and scores of the top {@code request.limit()} articles for {@code request}, without
   * loading or highlighting them (passages are ignored): for evaluation and other bulk use.
   *
   * @param request the query to rank, and in {@link SearchRequest#limit()} how many ids to return
   * @return the ids with their BM25 scores, best first; empty when nothing matches
   * @throws QuerySyntaxException when the query or a filter cannot be parsed
   * @throws IOException when the index cannot be read
   */
  @Override
  public List<Ranked> rank(SearchRequest request) throws IOException {
    return withSearcher(
        searcher -> new ArticleSearcher(searcher, queryAnalyzer, analyzer).rank(request));
  }

  /**
   * Articles related to the one with {@code request.id()} (more like this, over title and body),
   * best first; empty when there is no such article.
   *
   * @param request the article's id, how many related articles and how many passages each
   * @return the related articles (the article itself excluded), or empty when the last commit has
   *     no article with that id
   * @throws IOException when the index cannot be read
   */
  @Override
  public Optional<SearchResult> related(RelatedRequest request) throws IOException {
    return withSearcher(searcher -> Optional.ofNullable(new ArticleSearcher(searcher, analyzer).related(request)));
  }

  /**
   * The near-duplicate groups of the last commit (articles whose bodies resemble each other at
   * {@code threshold} or more, 0 to 1; {@link MinHash#DEFAULT_THRESHOLD} is a good start), largest
   * first, with the articles of the first {@code limit} groups.
   *
   * @param limit how many groups to return with their articles
   * @param threshold the estimated Jaccard similarity of two bodies' word shingles at which they
   *     count as near-duplicates, above 0 and at most 1
   * @return the groups found and how many there are in all
   * @throws InvalidRequestException when {@code threshold} is not above 0 and at most 1
   * @throws IOException when the index cannot be read
   */
  @Override
  public DuplicateReport duplicates(int limit, double threshold) throws IOException {
    if (threshold <= 0 || threshold > 1) {
      throw new InvalidRequestException("threshold must be above 0 and at most 1, not "
          + threshold);
    }
    return withSearcher(searcher -> new ArticleSearcher(searcher, analyzer).duplicates(limit, threshold));
  }

  /**
   * The article with {@code id} together with its near-duplicates in the last commit: the articles
   * whose bodies resemble it at {@code threshold} or more (0 to 1; {@link
   * DuplicateReport#DEFAULT_THRESHOLD} is a good start), compared with it directly, not through a
   * chain. One pass over the stored signatures.
   *
   * @param id the article's id, matched exactly
   * @param threshold the estimated Jaccard similarity of two bodies' word shingles at which they
   *     count as near-duplicates, above 0 and at most 1
   * @return the group (the article itself and its copies, by date then id, undated last), or empty
   *     when the last commit has no article with {@code id}
   * @throws InvalidRequestException when {@code threshold} is not above 0 and at most 1
   * @throws IOException when the index cannot be read
   */
  @Override
  public Optional<DuplicateGroup> duplicatesOf(String id, double threshold) throws IOException {
    if (threshold <= 0 || threshold > 1) {
      throw new InvalidRequestException("threshold must be above 0 and at most 1, not "
          + threshold);
    }
    return withSearcher(searcher -> Optional.ofNullable(
        new ArticleSearcher(searcher, analyzer).duplicatesOf(id, threshold)));
  }

  /**
   * The stored article with {@code id}, if the last commit has it.
   *
   * @param id the article's id, matched exactly
   * @return the article, or empty when the last commit has none with {@code id}
   * @throws IOException when the index cannot be read
   */
  @Override
  public Optional<Article> get(String id) throws IOException {
    return withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(NewsSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.<Article>empty();
      }
      return Optional.of(NewsSchema.fromDocument(
          searcher.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  /**
   * How many articles the last commit holds.
   *
   * @return the number of live (not deleted) articles
   * @throws IOException when the index cannot be read
   */
  @Override
  public int size() throws IOException {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /**
   * What the last commit holds: counts, segments, size, date range, sources, schema.
   *
   * @return the statistics of the last commit, read after picking up any newer one
   * @throws IOException when the index cannot be read
   */
  @Override
  public IndexStats stats() throws IOException {
    searchers().maybeRefreshBlocking();
    return withSearcher(searcher -> IndexStatistics.of(searcher, directory));
  }


  /**
   * Runs Lucene's CheckIndex over the index at {@code path}: reads every file of the last commit
   * and verifies its checksums and structures. Works on an index of any schema. Takes the write
   * lock for its duration, except on a read-only medium (where no writer can run), which it
   * checks without writing anything.
   *
   * @param path the index directory
   * @return whether the index is clean, what it holds, the problems found and CheckIndex's log
   * @throws IndexNotFoundException when there is no index
   * @throws IndexLockedException when a writer holds the index
   * @throws IOException when the index cannot be read at all
   */
  public static CheckReport check(Path path) throws IOException {
    if (!exists(path)) {
      throw new IndexNotFoundException(path);
    }
    return IndexCheck.run(path);
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments and commits, reclaiming the space
   * of deleted articles. Costly: it rewrites the whole index, needs up to twice its size in free
   * disk space meanwhile, and holds the write lock; searches keep working.
   *
   * @param maxSegments the most segments to leave, at least 1; 1 merges the whole index into one
   * @throws InvalidRequestException when {@code maxSegments} is below 1
   * @throws IndexLockedException when another writer holds the index
   * @throws IOException when merging or committing fails
   */
  public synchronized void optimize(int maxSegments) throws IOException {
    if (maxSegments < 1) {
      throw new InvalidRequestException("max segments must be at least 1, not " + maxSegments);
    }
    IndexWriter merging = articles().writer();
    try {
      merging.forceMerge(maxSegments);
    } catch (IllegalStateException e) {
      throw ArticleWriter.writeFailure(merging, e);
    }
    commit();
  }


  private SearcherManager searchers() throws IOException {
    SearcherManager manager = searchers;
    if (manager == null) {
      synchronized (searcherLock) {
        ensureOpen();
        manager = searchers;
        if (manager == null) {
          manager = new SearcherManager(directory, searcherFactory());
          searchers = manager;
        }
      }
    }
    return manager;
  }

  /** Searchers that rank with this index's BM25 parameters. */
  private SearcherFactory searcherFactory() {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(reader);
        // Read at each new searcher: settings adopted later rank the searches after them.
        searcher.setSimilarity(TextScoring.DEFAULT.similarity(settings.k1(), settings.b()));
        return searcher;
      }
    };
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

  /** The writer, opened at the first write; from then on searches refresh from it (NRT). */
  private ArticleWriter articles() throws IOException {
    ensureOpen();
    if (articles == null) {
      IndexWriterConfig config = ArticleWriter.config(analyzer,
          IndexWriterConfig.OpenMode.CREATE_OR_APPEND, settings.compression())
          .setSimilarity(TextScoring.DEFAULT.similarity(settings.k1(), settings.b()));
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException e) {
        throw new IndexLockedException(path, e);
      }
      articles = new ArticleWriter(writer, NewsSchema.commitData(settings));
      synchronized (searcherLock) {
        SearcherManager old = searchers;
        searchers = new SearcherManager(writer, searcherFactory());
        if (old != null) {
          old.close(); // searches holding its searchers finish on them undisturbed
        }
      }
    }
    return articles;
  }

  /**
   * Releases the index and its write lock. Writes not committed are discarded. Searches still
   * running finish on their searcher; calls after closing throw {@link IllegalStateException}.
   * Closing twice does nothing.
   */
  @Override
  public synchronized void close() throws IOException {
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
