package dev.newsindex.server;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The index the server tests serve: the bundled articles plus three of our own (two copies, one with markup). */
final class TestIndex {
  private TestIndex() {}

  /** The bundled articles' directory (set by the build; the repository's index-data/articles). */
  static Path articles() {
    return Path.of(System.getProperty("newsindex.articles", "../index-data/articles"));
  }

  /** Our extra articles: copy-coffee-1 and copy-coffee-2 (near-copies of wire-0001), markup-1. */
  static Path extra() throws IOException {
    try (var in = TestIndex.class.getResourceAsStream("extra.jsonl")) {
      Path f = Files.createTempFile("newsindex-extra", ".jsonl");
      Files.write(f, in.readAllBytes());
      f.toFile().deleteOnExit();
      return f;
    }
  }

  /** Builds the index at {@code dir} and returns how many articles it holds. */
  static int build(Path dir) throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.ingest(List.of(articles(), extra()), IngestListener.NONE);
      return index.size();
    }
  }
}
