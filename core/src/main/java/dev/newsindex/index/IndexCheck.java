package dev.newsindex.index;

import dev.newsindex.IndexLockedException;
import dev.newsindex.status.CheckReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NoLockFactory;

/**
 * Runs Lucene's {@link CheckIndex} over an index directory and reads its verdict into a {@link
 * CheckReport}: the status's counts where it has them, else the log's {@code ERROR}/{@code FAILED}
 * lines as the problems.
 */
public final class IndexCheck {
  private IndexCheck() {}

  /**
   * Checks the last commit of the index at {@code path}, which must exist; holds the write lock
   * meanwhile (when the medium lets it be created).
   *
   * @throws IndexLockedException when a writer holds the index
   */
  public static CheckReport run(Path path) throws IOException {
    try (Directory dir = FSDirectory.open(path)) {
      return run(dir, path);
    }
  }

  /**
   * Checks the last commit of the index in {@code dir}, shown as {@code path} in messages; the
   * caller keeps and closes {@code dir}. The write lock keeps a writer from deleting the commit's
   * files meanwhile; where it cannot even be created (a read-only medium) no writer can run
   * either, and the check goes on without it.
   *
   * @throws IndexLockedException when a writer holds the index
   */
  public static CheckReport run(Directory dir, Path path) throws IOException {
    try (CheckIndex checker = checker(dir, path)) {
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

  private static CheckIndex checker(Directory dir, Path path) throws IOException {
    try {
      return new CheckIndex(dir);
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(path, e);
    } catch (IOException readOnly) {
      // Checking only reads: a medium that refuses the lock file refuses writers too.
      return new CheckIndex(dir,
          NoLockFactory.INSTANCE.obtainLock(dir, IndexWriter.WRITE_LOCK_NAME));
    }
  }
}
