package dev.newsindex.index;

import static dev.newsindex.testing.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Compression;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleWriterTest {
  private final Directory dir = new ByteBuffersDirectory();
  private IndexWriter writer;
  private ArticleWriter articles;

  @BeforeEach
  void open() throws IOException {
    writer = new IndexWriter(dir, ArticleWriter.config(NewsSchema.analyzer(),
        IndexWriterConfig.OpenMode.CREATE, Compression.FAST));
    articles = new ArticleWriter(writer, NewsSchema.commitData(IndexSettings.DEFAULT
        .withCompression(Compression.SMALL)));
  }

  @AfterEach
  void close() throws IOException {
    articles.close();
    writer.close();
    dir.close();
  }

  private long live(String id) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      return new IndexSearcher(r).count(new TermQuery(new Term(NewsSchema.ID, id)));
    }
  }

  @Test
  void anUpsertSaysWhetherItAddedReplacedOrFoundTheArticleUnchanged() throws IOException {
    assertEquals(IndexOutcome.INDEXED, articles.upsert(article("a", "Title", "Body.")));
    assertEquals(IndexOutcome.UNCHANGED, articles.upsert(article("a", "Title", "Body.")),
        "judged against the write not yet visible in the lookup reader");
    articles.commit();
    assertEquals(IndexOutcome.UNCHANGED, articles.upsert(article("a", "Title", "Body.")));
    assertEquals(IndexOutcome.UPDATED, articles.upsert(article("a", "Title", "New body.")));
    assertEquals(IndexOutcome.UPDATED, articles.upsert(article("a", "Title", "Newer body.")),
        "judged against the newest version, not the committed one");
    assertEquals(5, articles.commit(), "the commit holds every upsert so far");
    assertEquals(1, live("a"), "replaced, never duplicated");
  }

  @Test
  void aDeleteSaysWhetherTheArticleWasThereCountingPendingWrites() throws IOException {
    articles.upsert(article("a", "T", "B."));
    assertTrue(articles.delete("a"), "the uncommitted upsert counts");
    assertFalse(articles.delete("a"), "and so does the uncommitted delete");
    assertEquals(IndexOutcome.INDEXED, articles.upsert(article("a", "T", "B.")));
    articles.commit();
    assertEquals(1, live("a"));
  }

  @Test
  void aDeleteByQueryCountsWhatItDeletes() throws IOException {
    articles.upsert(article("a", "T", "B."));
    articles.upsert(new dev.newsindex.Article("old", "T", java.time.LocalDate.of(2000, 1, 1),
        "", "", "B."));
    articles.checkpoint();
    long day = NewsSchema.dateValue(java.time.LocalDate.of(2020, 1, 1));
    assertEquals(1, articles.deleteMatching(LongPoint.newRangeQuery(NewsSchema.DATE,
        Long.MIN_VALUE, day)));
    assertEquals(0, articles.deleteMatching(LongPoint.newRangeQuery(NewsSchema.DATE,
        Long.MIN_VALUE, day)), "already gone");
    articles.commit();
    assertEquals(0, live("old"));
    assertEquals(1, live("a"));
  }

  @Test
  void everyCommitRecordsTheSchemaAndSettings() throws IOException {
    articles.upsert(article("a", "T", "B."));
    articles.commit();
    Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
    assertTrue(NewsSchema.isCompatible(data), data.toString());
    assertEquals(Compression.SMALL, IndexSettings.fromCommitData(data).compression());
  }
}
