package dev.newsindex.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsindex.Article;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Format;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz targets for every reader: any bytes must end as articles and one-line rejections, never as
 * an exception (a reader's only way to refuse a record is {@link ArticleHandler#rejected}). A
 * normal test run replays the inputs committed under {@code ReaderFuzzTestInputs/METHOD/} in the
 * test resources; {@code JAZZER_FUZZ=1} fuzzes (see docs/limits.md, "Fuzzing").
 */
class ReaderFuzzTest {
  /** Counts what it receives and checks each article's invariants. */
  static final class Checking implements ArticleHandler {
    int articles;

    @Override
    public void article(Article article, Origin origin) {
      if (article.id().isEmpty()) {
        throw new AssertionError("an article without an id from " + origin);
      }
      articles++;
    }

    @Override
    public void rejected(Origin origin, String reason) {
      if (reason.isEmpty() || reason.contains("\n")) {
        throw new AssertionError("a reason must be one non-empty line: '" + reason + "'");
      }
    }
  }

  private static void read(Format format, String name, byte[] data) throws IOException {
    format.reader().read(name, new ByteArrayInputStream(data), new Checking());
  }

  @FuzzTest(maxDuration = "60s")
  void menafn(byte[] data) throws IOException {
    read(Format.MENAFN, "fuzz.txt", data);
  }

  @FuzzTest(maxDuration = "60s")
  void jsonl(byte[] data) throws IOException {
    read(Format.JSONL, "fuzz.jsonl", data);
  }

  @FuzzTest(maxDuration = "60s")
  void trec(byte[] data) throws IOException {
    read(Format.TREC, "fuzz.sgml", data);
  }

  @FuzzTest(maxDuration = "60s")
  void feed(byte[] data) throws IOException {
    read(Format.FEED, "fuzz.xml", data);
  }

  @FuzzTest(maxDuration = "60s")
  void html(byte[] data) throws IOException {
    read(Format.HTML, "fuzz.html", data);
  }

  @FuzzTest(maxDuration = "60s")
  void warc(byte[] data) throws IOException {
    read(Format.WARC, "fuzz.warc", data);
  }

  /** Gzip framing and format detection: the bytes after a gzip magic number, any name. */
  @FuzzTest(maxDuration = "60s")
  void gzip(byte[] data) throws IOException {
    byte[] framed = new byte[data.length + 2];
    framed[0] = (byte) 0x1f;
    framed[1] = (byte) 0x8b;
    System.arraycopy(data, 0, framed, 2, data.length);
    Ingest.readStream("fuzz.gz", new ByteArrayInputStream(framed), null, new Checking());
  }
}
