package dev.newsindex;

import dev.newsindex.testing.NewsArchiveContract;
import java.io.IOException;
import java.nio.file.Path;

/** The {@link NewsArchive} contract, on the local index. */
class NewsIndexArchiveTest extends NewsArchiveContract {
  @Override
  protected NewsArchive create(Path dir) throws IOException {
    return NewsIndex.openOrCreate(dir.resolve("index"));
  }
}
