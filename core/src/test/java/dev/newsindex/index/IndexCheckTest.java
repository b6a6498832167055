package dev.newsindex.index;

import static dev.newsindex.testing.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.NewsIndex;
import dev.newsindex.status.CheckReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCheckTest {
  @TempDir Path dir;

  private void build() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      for (int i = 0; i < 30; i++) {
        index.upsert(article("a" + i, "Title " + i, "Body number " + i + " about the harbour."));
      }
      index.commit();
      index.delete("a0");
      index.commit();
    }
  }

  @Test
  void aSoundIndexIsCleanWithItsCounts() throws IOException {
    build();
    CheckReport report = IndexCheck.run(dir);
    assertTrue(report.clean(), report.problems().toString());
    assertEquals(29, report.articles(), "deleted articles are not counted");
    assertEquals(0, report.problems().size());
    assertFalse(report.log().isEmpty());
  }

  @Test
  void aDamagedFileIsReportedInOneLinePerProblem() throws IOException {
    build();
    Path stored;
    try (Stream<Path> files = Files.list(dir)) {
      // The largest data file (small segments are compound files): not the commit point itself.
      stored = files.filter(p -> !p.getFileName().toString().startsWith("segments")
          && !p.getFileName().toString().equals("write.lock"))
          .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
    long size = Files.size(stored);
    try (var ch = Files.newByteChannel(stored, StandardOpenOption.WRITE)) {
      ch.position(size / 2).write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }
    CheckReport report = IndexCheck.run(dir);
    assertFalse(report.clean());
    assertFalse(report.problems().isEmpty());
    report.problems().forEach(p -> assertFalse(p.contains("\n"), p));
  }
}
