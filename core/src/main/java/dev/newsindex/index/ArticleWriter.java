package dev.newsindex.index;

import dev.newsindex.ingest.IndexSource;

import dev.newsindex.Article;
import dev.newsindex.Compression;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.schema.LanguageDetection;
import dev.newsindex.schema.NewsSchema;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Upserts articles into an {@link IndexWriter} by id, telling new, changed and unchanged articles
 * apart by the content hash kept in doc values.
 *
 * <p>The hash of an id is looked up in a near-real-time reader of the writer, reopened at each
 * {@link #checkpoint} or {@link #commit}; ids written since then are remembered in a map, so an
 * article repeated within one run is judged against its newest version. Reopening forgets them,
 * which keeps memory bounded by the checkpoint interval even when nothing is committed (as in a
 * rebuild, which commits once at the end).
 *
 * <p>Thread-safe: upserts and deletes may run from many threads at once (Lucene's writer indexes
 * them concurrently); writes of the same id are serialised by a lock stripe, so the outcome of each
 * is exact. Checkpoints and commits wait for writes in flight and hold new ones back meanwhile.
 */
public final class ArticleWriter implements Closeable {
  /** The writer's indexing buffer: large enough to keep flushes few, small beside a 512 MB heap. */
  static final double RAM_BUFFER_MB = 64;

  /** What is known of a live id: its content hash and its source ({@code ""} when none). */
  private record Known(long hash, String source) {}

  /** An id deleted since the last reopen. */
  private static final Known DELETED = new Known(0, "");

  private final IndexWriter writer;
  private final ReentrantReadWriteLock checkpointLock = new ReentrantReadWriteLock();
  private final Object[] stripes = new Object[64];
  private final Map<String, Known> pending = new ConcurrentHashMap<>();
  private final AtomicLong pendingBytes = new AtomicLong();
  private final AtomicLong handled = new AtomicLong();
  private DirectoryReader lookup;

  private volatile Map<String, String> commitData;

  /**
   * Wraps {@code writer}, recording {@code commitData} (schema and settings, {@link
   * NewsSchema#commitData(dev.newsindex.IndexSettings)}) at each commit; the caller keeps ownership
   * of the writer.
   */
  public ArticleWriter(IndexWriter writer, Map<String, String> commitData) throws IOException {
    this.writer = writer;
    // The sources recorded by the commit the writer opened stay recorded at every later commit.
    Map<String, String> live = new java.util.HashMap<>();
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      live.put(e.getKey(), e.getValue());
    }
    this.commitData = Map.copyOf(IndexSource.withSources(commitData,
        IndexSource.fromCommitData(live)));
    this.lookup = DirectoryReader.open(writer);
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * The writer configuration every newsindex writer uses: the schema's analyzer, stored fields
   * compressed as {@code compression} says ({@link Lucene104Codec.Mode#BEST_SPEED}, or DEFLATE in
   * {@link NewsCodec}'s blocks), no commit on close (a writer closed without {@link
   * #commit} keeps the last commit), and a {@value #RAM_BUFFER_MB} MB indexing buffer.
   */
  public static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode,
      Compression compression) {
    return new IndexWriterConfig(analyzer)
        .setOpenMode(mode)
        .setCodec(compression == Compression.SMALL ? new NewsCodec()
            : new Lucene104Codec(Lucene104Codec.Mode.BEST_SPEED))
        .setRAMBufferSizeMB(RAM_BUFFER_MB)
        .setMergeScheduler(new QuietMergeScheduler())
        .setCommitOnClose(false);
  }

  /**
   * Lucene's concurrent merges, without the stack trace a failed merge thread prints on stderr:
   * the writer records the failure (a disk full, say) as its tragic exception and throws it from
   * the next write, commit or merge, where the caller reports it ({@link #writeFailure}).
   */
  private static final class QuietMergeScheduler extends ConcurrentMergeScheduler {
    @Override
    protected void handleMergeException(Throwable exc) {
      // reported by the writer's next call, see above
    }
  }

  /**
   * The sources the next commit records (those of the commit the writer opened, unless {@link
   * #recordSources} replaced them).
   */
  public List<IndexSource> recordedSources() {
    return IndexSource.fromCommitData(commitData);
  }

  /** Makes every later commit record {@code sources} as the index's sources. */
  public void recordSources(List<IndexSource> sources) {
    checkpointLock.writeLock().lock();
    try {
      commitData = Map.copyOf(IndexSource.withSources(commitData, sources));
    } finally {
      checkpointLock.writeLock().unlock();
    }
  }

  /** The writer underneath, for merges and statistics. */
  public IndexWriter writer() {
    return writer;
  }

  /**
   * The I/O failure behind {@code e} when the writer stopped on one, thrown as the I/O error it
   * is; else {@code e} itself, to throw. A failed merge (a disk that filled up) closes Lucene's
   * writer, and every later call reports that as an {@link IllegalStateException} whose cause is
   * the {@link IOException}.
   */
  public static RuntimeException writeFailure(IndexWriter writer, IllegalStateException e)
      throws IOException {
    Throwable cause = writer.getTragicException() != null ? writer.getTragicException()
        : e.getCause();
    if (cause instanceof IOException io) {
      throw new IOException(io.getMessage(), e);
    }
    return e;
  }

  /**
   * Adds or replaces {@code article}, or leaves it when the index already holds the same content;
   * throws {@link dev.newsindex.InvalidRequestException} when a value is over the schema's limits
   * ({@link NewsSchema#checkLimits}).
   */
  public IndexOutcome upsert(Article article) throws IOException {
    return upsert(article, previous -> { });
  }

  /**
   * As {@link #upsert(Article)}; when the article replaces one of another source (an id that two
   * feeds share), {@code otherSource} is called with the replaced article's source ({@code ""} when
   * it had none) before this returns {@link IndexOutcome#UPDATED}. Sources are compared as filters
   * match them, ignoring case.
   */
  public IndexOutcome upsert(Article article, Consumer<String> otherSource) throws IOException {
    try {
      return write(article, otherSource);
    } catch (IllegalStateException e) {
      throw writeFailure(writer, e);
    }
  }

  private IndexOutcome write(Article article, Consumer<String> otherSource) throws IOException {
    // A language the format does not declare is detected before anything is derived from it.
    article = LanguageDetection.withLanguage(article);
    NewsSchema.checkLimits(article);
    // The hash first: an unchanged article costs no document (signature, fields) at all.
    long hash = NewsSchema.contentHash(article);
    String id = article.id();
    checkpointLock.readLock().lock();
    try {
      synchronized (stripe(id)) {
        Known known = pending.get(id);
        Known previous = known != null ? (known == DELETED ? null : known) : liveKnown(id, hash);
        handled.incrementAndGet();
        if (previous != null && previous.hash() == hash) {
          return IndexOutcome.UNCHANGED;
        }
        Document doc = NewsSchema.toDocument(article, hash);
        if (previous == null) {
          // No live article has this id (the lookup and the pending map say so, and this id's
          // stripe is held): adding skips the delete-by-term that every flush would otherwise
          // apply against every segment, the main cost of upserts into a large index.
          writer.addDocument(doc);
        } else {
          writer.updateDocument(new Term(NewsSchema.ID, id), doc);
        }
        pending.put(id, new Known(hash, article.source()));
        pendingBytes.addAndGet(2L * (article.body().length() + article.title().length()) + 64);
        if (previous == null) {
          return IndexOutcome.INDEXED;
        }
        if (!NewsSchema.sourceTerm(previous.source()).equals(
            NewsSchema.sourceTerm(article.source()))) {
          otherSource.accept(previous.source());
        }
        return IndexOutcome.UPDATED;
      }
    } finally {
      checkpointLock.readLock().unlock();
    }
  }

  /** Deletes the article with {@code id}; returns whether it was there. */
  public boolean delete(String id) throws IOException {
    try {
      return deleteId(id);
    } catch (IllegalStateException e) {
      throw writeFailure(writer, e);
    }
  }

  private boolean deleteId(String id) throws IOException {
    checkpointLock.readLock().lock();
    try {
      synchronized (stripe(id)) {
        Known known = pending.get(id);
        boolean existed = known != null ? known != DELETED : liveKnown(id, 0) != null;
        writer.deleteDocuments(new Term(NewsSchema.ID, id));
        pending.put(id, DELETED);
        return existed;
      }
    } finally {
      checkpointLock.readLock().unlock();
    }
  }

  /** Deletes every article matching {@code query}; returns how many there were. */
  public long deleteMatching(Query query) throws IOException {
    checkpointLock.writeLock().lock();
    try {
      reopen();
      long count = new IndexSearcher(lookup).count(query);
      if (count > 0) {
        writer.deleteDocuments(query);
        reopen();
      }
      return count;
    } finally {
      checkpointLock.writeLock().unlock();
    }
  }

  /** How many upserts (of any outcome) this writer has completed. */
  public long handled() {
    return handled.get();
  }

  /** Roughly how much text has been written since the last checkpoint, in bytes of heap. */
  public long pendingBytes() {
    return pendingBytes.get();
  }

  /**
   * Makes the writes so far visible to this writer's own lookups and forgets the remembered ids,
   * without committing: bounds memory during a long run that commits only at the end. Returns
   * {@link #handled()} as of the checkpoint.
   */
  public long checkpoint() throws IOException {
    checkpointLock.writeLock().lock();
    try {
      reopen();
      return handled.get();
    } finally {
      checkpointLock.writeLock().unlock();
    }
  }

  /**
   * Commits everything written so far, with the schema in the commit's user data; returns {@link
   * #handled()} as of the commit: exactly the upserts it holds.
   */
  public long commit() throws IOException {
    checkpointLock.writeLock().lock();
    try {
      writer.setLiveCommitData(commitData.entrySet());
      writer.commit();
      reopen();
      return handled.get();
    } catch (IllegalStateException e) {
      throw writeFailure(writer, e);
    } finally {
      checkpointLock.writeLock().unlock();
    }
  }

  private void reopen() throws IOException {
    DirectoryReader reopened = DirectoryReader.openIfChanged(lookup, writer);
    if (reopened != null) {
      lookup.close();
      lookup = reopened;
    }
    pending.clear();
    pendingBytes.set(0);
  }

  private Object stripe(String id) {
    return stripes[(id.hashCode() & 0x7fffffff) % stripes.length];
  }

  /**
   * The content hash of the live article with {@code id} as of the last reopen, or null; its
   * source is read (from stored fields) only when the hash differs from {@code hash}, as only an
   * update needs it.
   */
  private Known liveKnown(String id, long hash) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : lookup.leaves()) {
      LeafReader reader = leaf.reader();
      Terms terms = reader.terms(NewsSchema.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      Bits live = reader.getLiveDocs();
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        NumericDocValues hashes = reader.getNumericDocValues(NewsSchema.CONTENT_HASH);
        long found = hashes != null && hashes.advanceExact(doc) ? hashes.longValue() : 0L;
        if (found == hash) {
          return new Known(found, "");
        }
        String source = reader.storedFields().document(doc, Set.of(NewsSchema.SOURCE))
            .get(NewsSchema.SOURCE);
        return new Known(found, source == null ? "" : source);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    lookup.close();
  }
}
