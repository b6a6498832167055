package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the articles newsindex would index as an SQL script that fills an SQLite FTS5 table, so
 * {@code bench/startup.sh} can compare a search with {@code sqlite3} on the same articles. The
 * table has the same searchable fields (title and body, porter-stemmed) and the same stored ones.
 *
 * <p>Run as {@code bench/run SqliteExport --out FILE.sql PATH...}; then {@code sqlite3 DB <
 * FILE.sql}.
 */
public final class SqliteExport {
  private SqliteExport() {}

  /**
   * Reads PATHs (files or directories, any format newsindex reads) and writes the SQL script.
   *
   * @param args {@code --out FILE.sql PATH...}
   * @throws IOException when reading or writing fails
   */
  public static void main(String[] args) throws IOException {
    Path out = null;
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out")) {
        out = Path.of(args[++i]);
      } else {
        inputs.add(Path.of(args[i]));
      }
    }
    if (out == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("usage: SqliteExport --out FILE.sql PATH...");
    }
    long[] count = {0};
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
        StandardCharsets.UTF_8), 1 << 16)) {
      w.write("PRAGMA journal_mode=OFF;\nPRAGMA synchronous=OFF;\n"
          + "CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, title, body,"
          + " date UNINDEXED, source UNINDEXED, url UNINDEXED, tokenize='porter unicode61');\n"
          + "BEGIN;\n");
      Ingest.read(inputs, new ArticleHandler() {
        @Override
        public void article(Article a, Origin origin) throws IOException {
          w.write("INSERT INTO articles VALUES(");
          w.write(quote(a.id()) + "," + quote(a.title()) + "," + quote(a.body()) + ","
              + quote(a.date() == null ? "" : a.date().toString()) + "," + quote(a.source())
              + "," + quote(a.url()) + ");\n");
          if (++count[0] % 50_000 == 0) {
            w.write("COMMIT;\nBEGIN;\n");
          }
        }

        @Override
        public void rejected(Origin origin, String reason) {
          System.err.println("skipped " + origin + ": " + reason);
        }
      });
      w.write("COMMIT;\nINSERT INTO articles(articles) VALUES('optimize');\n");
    }
    System.err.println("wrote " + count[0] + " articles to " + out);
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
