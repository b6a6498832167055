package dev.newsindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsindex.ingest.Format;
import dev.newsindex.ingest.IndexSource;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index records what it was read from, so that it can be rebuilt from the same sources. */
class IndexSourcesTest {
  @TempDir Path tmp;

  private Path feed(String name, String id) throws IOException {
    return Files.writeString(tmp.resolve(name),
        "{\"id\":\"" + id + "\",\"source\":\"Alpha\",\"body\":\"Harbour cranes " + id + "\"}\n");
  }

  @Test
  void ingestRecordsItsSourcesOnceEachAndKeepsThemAcrossOtherCommits() throws IOException {
    Path a = feed("a.jsonl", "1");
    Path b = feed("b.jsonl", "2");
    Path index = tmp.resolve("index");
    try (NewsIndex news = NewsIndex.openOrCreate(index)) {
      news.ingest(List.of(a), IngestOptions.defaults().withFormat(Format.JSONL)
          .withIdPrefix("x:"), IngestListener.NONE);
      news.ingest(List.of(a, b), IngestOptions.defaults(), IngestListener.NONE);
      news.ingest(List.of(a), IngestOptions.defaults(), IngestListener.NONE);
      news.delete("2");
      news.commit();
    }
    List<IndexSource> expected = List.of(
        new IndexSource(a.toAbsolutePath().toString(), Format.JSONL, "x:"),
        new IndexSource(a.toAbsolutePath().toString(), null, ""),
        new IndexSource(b.toAbsolutePath().toString(), null, ""));
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(expected, news.sources());
    }
  }

  @Test
  void rebuildFromTheRecordedSourcesReadsThemWithTheirOptions() throws IOException {
    Path a = feed("a.jsonl", "1");
    Path index = tmp.resolve("index");
    try (NewsIndex news = NewsIndex.openOrCreate(index)) {
      news.ingest(List.of(a), IngestOptions.defaults().withIdPrefix("x:"), IngestListener.NONE);
    }
    Files.writeString(a, "{\"id\":\"3\",\"body\":\"Harbour ferries\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(2, NewsIndex.rebuild(index, IngestOptions.defaults(), UnaryOperator.identity(),
        IngestListener.NONE).articles());
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(2, news.size());
      assertEquals("x:3", news.get("x:3").orElseThrow().id());
      assertEquals(1, news.sources().size());
    }
  }

  @Test
  void rebuildWithoutRecordedSourcesIsRefused() throws IOException {
    Path index = tmp.resolve("index");
    try (NewsIndex news = NewsIndex.openOrCreate(index)) {
      news.upsert(new Article("w1", "Held", null, "Wire", "", "Harbour cranes"));
      news.commit();
    }
    assertThrows(InvalidRequestException.class, () -> NewsIndex.rebuild(index,
        IngestOptions.defaults(), UnaryOperator.identity(), IngestListener.NONE));
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(1, news.size());
    }
  }
}
