package dev.newsindex.index;

import static dev.newsindex.testing.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.NewsIndex;
import dev.newsindex.status.CheckReport;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed rebuild leaves behind is cleaned by the next open, and {@code check} works on a
 * medium that refuses every write (as root, file modes do not stop writes, so the medium is a
 * directory that refuses them, as a read-only mount does).
 */
class ReadOnlyAndOrphansTest {
  @TempDir Path tmp;

  private Path build(Path dir) throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      for (int i = 0; i < 20; i++) {
        index.upsert(article("a" + i, "Title " + i, "Body number " + i + " about the harbour."));
      }
      index.commit();
    }
    return dir;
  }

  private static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  /** A directory on a read-only medium: reads work, every write fails as the OS would fail it. */
  static final class ReadOnlyDirectory extends FilterDirectory {
    ReadOnlyDirectory(Directory in) {
      super(in);
    }

    private AccessDeniedException refused(String name) {
      return new AccessDeniedException(name, null, "Read-only file system");
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      throw refused(name);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      throw refused(prefix);
    }

    @Override
    public void deleteFile(String name) throws IOException {
      throw refused(name);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
      throw refused(source);
    }

    @Override
    public Lock obtainLock(String name) throws IOException {
      throw refused(name);
    }
  }

  @Test
  void checkOnAReadOnlyMediumNeedsNoWriteLock() throws IOException {
    Path dir = build(tmp.resolve("index"));
    try (Directory readOnly = new ReadOnlyDirectory(FSDirectory.open(dir))) {
      CheckReport report = IndexCheck.run(readOnly, dir);
      assertTrue(report.clean(), report.problems().toString());
      assertEquals(20, report.articles());
    }
  }

  @Test
  void theFilesOfAKilledRebuildAreRemovedByTheNextOpen() throws IOException {
    Path live = build(tmp.resolve("live"));
    Path killed = tmp.resolve("killed");
    Files.createDirectories(killed);
    // A rebuild's writer has flushed new segments beside the old commit when the process dies:
    // the directory is then as copied here, the lock released with the process.
    try (Directory dir = FSDirectory.open(live);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig()
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      for (int i = 0; i < 500; i++) {
        Document doc = new Document();
        doc.add(new StringField("id", "b" + i, Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.flush();
      for (String f : files(live)) {
        if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
          Files.copy(live.resolve(f), killed.resolve(f));
        }
      }
      writer.rollback();
    }
    Set<String> committed;
    try (Directory dir = FSDirectory.open(killed)) {
      committed = new TreeSet<>(SegmentInfos.readLatestCommit(dir).files(true));
    }
    assertTrue(files(killed).size() > committed.size(), "the copy has orphan files");

    try (NewsIndex index = NewsIndex.open(killed)) {
      assertEquals(20, index.size(), "the old commit is what the index holds");
    }
    Set<String> left = files(killed);
    left.remove(IndexWriter.WRITE_LOCK_NAME);
    assertEquals(committed, left, "only the files of the last commit are left");
  }
}
