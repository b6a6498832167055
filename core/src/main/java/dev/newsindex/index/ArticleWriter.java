package dev.newsindex.index;

import dev.newsindex.Article;
import dev.newsindex.IndexOutcome;
import dev.newsindex.schema.NewsSchema;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Upserts articles into an {@link IndexWriter} by id, telling new, changed and unchanged articles
 * apart by the content hash kept in doc values. Ids written since the last commit are remembered,
 * so an article repeated within one run is judged against its newest version; each commit reopens
 * the lookup reader and forgets them, which keeps memory bounded by the commit interval.
 *
 * <p>Not thread-safe: one writer per index, used from one thread.
 */
public final class ArticleWriter implements Closeable {
  private final IndexWriter writer;
  private DirectoryReader committed;
  private final Map<String, Long> pending = new HashMap<>();
  private final Map<String, String> commitData;

  /** Wraps {@code writer}; the caller keeps ownership of it. */
  public ArticleWriter(IndexWriter writer) throws IOException {
    this(writer, NewsSchema.commitData());
  }

  /** Wraps {@code writer}, recording {@code commitData} (schema and settings) at each commit. */
  public ArticleWriter(IndexWriter writer, Map<String, String> commitData) throws IOException {
    this.writer = writer;
    this.commitData = Map.copyOf(commitData);
    this.committed = DirectoryReader.open(writer);
  }

  /** Adds or replaces {@code article}, or leaves it when the index already holds the same content. */
  public IndexOutcome upsert(Article article) throws IOException {
    long hash = NewsSchema.contentHash(article);
    Long previous = pending.containsKey(article.id()) ? pending.get(article.id())
        : committedHash(article.id());
    if (previous != null && previous == hash) {
      return IndexOutcome.UNCHANGED;
    }
    writer.updateDocument(new Term(NewsSchema.ID, article.id()), NewsSchema.toDocument(article));
    pending.put(article.id(), hash);
    return previous == null ? IndexOutcome.INDEXED : IndexOutcome.UPDATED;
  }

  /** Deletes the article with {@code id}; returns whether it was there. */
  public boolean delete(String id) throws IOException {
    boolean existed = pending.containsKey(id) ? pending.get(id) != null : committedHash(id) != null;
    writer.deleteDocuments(new Term(NewsSchema.ID, id));
    pending.put(id, null);
    return existed;
  }

  /** Commits everything written so far, with the schema in the commit's user data. */
  public void commit() throws IOException {
    writer.setLiveCommitData(commitData.entrySet());
    writer.commit();
    DirectoryReader reopened = DirectoryReader.openIfChanged(committed, writer);
    if (reopened != null) {
      committed.close();
      committed = reopened;
    }
    pending.clear();
  }

  /** The content hash of the live article with {@code id} as of the last commit, or null. */
  private Long committedHash(String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : committed.leaves()) {
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
        return hashes != null && hashes.advanceExact(doc) ? hashes.longValue() : 0L;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    committed.close();
  }
}
