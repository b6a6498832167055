package dev.newsindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsindex.Compression;
import dev.newsindex.IndexSettings;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.NewsIndex;
import dev.newsindex.Stemmer;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRebuildTest {
  @TempDir Path tmp;

  private Path feed(String name, int n) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{\"id\":\"").append(name).append(i).append("\",\"body\":\"policies ").append(i)
          .append("\"}\n");
    }
    return Files.writeString(tmp.resolve(name + ".jsonl"), sb);
  }

  @Test
  void theNewIndexTakesTheOldSettingsAsChanged() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir, IndexSettings.DEFAULT
        .withSynonyms("kyiv, kiev").withCompression(Compression.SMALL))) {
      index.ingest(List.of(feed("a", 3)), IngestListener.NONE);
    }
    IngestSummary run = IndexRebuild.run(dir, List.of(feed("b", 5)), IngestOptions.defaults(),
        old -> old.withStemmer(Stemmer.KSTEM), IngestListener.NONE);
    assertEquals(5, run.indexed());
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(IndexSettings.DEFAULT.withSynonyms("kyiv, kiev")
          .withCompression(Compression.SMALL).withStemmer(Stemmer.KSTEM), index.settings());
      assertEquals(5, index.size(), "only the new inputs' articles");
    }
  }

  @Test
  void aRebuildThatReadsNothingLeavesTheIndexAsItWas() throws IOException {
    Path dir = tmp.resolve("index");
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.ingest(List.of(feed("a", 3)), IngestListener.NONE);
    }
    Path nothing = Files.writeString(tmp.resolve("empty.jsonl"), "");
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> IndexRebuild.run(dir, List.of(nothing), IngestOptions.defaults(),
            UnaryOperator.identity(), IngestListener.NONE));
    assertEquals(true, e.getMessage().contains("left as it was"), e.getMessage());
    Path blank = Files.writeString(tmp.resolve("blank.jsonl"), "\n\n");
    IngestSummary skipped = IndexRebuild.run(dir, List.of(blank), IngestOptions.defaults(),
        UnaryOperator.identity(), IngestListener.NONE);
    assertEquals(0, skipped.articles());
    assertEquals(1, skipped.skipped(), "a blank file is a skipped input");
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(3, index.size());
    }
  }
}
