package dev.newsindex.opensearch;

import dev.newsindex.Article;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The real corpora in ../shared/corpora, and the bundled articles; tests skip without them. */
final class Corpora {
  private Corpora() {}

  static Path root() {
    return Path.of(System.getProperty("newsindex.root", "..")).toAbsolutePath().normalize();
  }

  /** The JSON Lines file of corpus {@code name} (bbc, reuters21578, time), or a skip. */
  static Path corpus(String name) {
    Path file = root().resolve("../shared/corpora").resolve(name).resolve("docs.jsonl")
        .normalize();
    Assumptions.assumeTrue(Files.isRegularFile(file), () -> "no shared corpus at " + file);
    return file;
  }

  /** The bundled articles (index-data/articles). */
  static Path bundled() {
    return root().resolve("index-data/articles");
  }

  /** The first {@code max} articles the readers find in {@code input}. */
  static List<Article> read(Path input, int max) throws IOException {
    List<Article> out = new ArrayList<>();
    Ingest.read(List.of(input), new ArticleHandler() {
      @Override
      public void article(Article article, Origin origin) {
        if (out.size() < max) {
          out.add(article);
        }
      }

      @Override
      public void rejected(Origin origin, String reason) {}
    });
    return out;
  }
}
