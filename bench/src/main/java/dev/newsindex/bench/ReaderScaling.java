package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Format;
import dev.newsindex.ingest.Origin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether every reader is linear in its input: each reader parses a tag-heavy file (unclosed tags,
 * tags without {@code >}, runs of line ends) of 1 MB and of 10 MB, in interleaved rounds, and the
 * ratio of the two times is printed; a linear reader shows about 10, a quadratic one about 100.
 * Usage: {@code bench/run ReaderScaling [ROUNDS]}.
 */
public final class ReaderScaling {
  private static final int SMALL = 1 << 20;
  private static final int LARGE = 10 << 20;

  private ReaderScaling() {}

  /** Counts what a reader finds, so its work cannot be optimised away. */
  private static final class Count implements ArticleHandler {
    long articles;
    long rejected;
    long chars;

    @Override
    public void article(Article article, Origin origin) {
      articles++;
      chars += article.body().length();
    }

    @Override
    public void rejected(Origin origin, String reason) {
      rejected++;
    }
  }

  /** A hostile file of about {@code size} bytes in {@code format}. */
  static byte[] input(Format format, int size) {
    StringBuilder sb = new StringBuilder(size + 1024);
    switch (format) {
      case TREC -> {
        sb.append("<DOC>\n<DOCNO> X-1 </DOCNO>\n<TEXT>\n");
        while (sb.length() < size) {
          sb.append("<a><b x<c<P y>text ");
        }
        sb.append("\n</TEXT>\n</DOC>\n");
      }
      case MENAFN -> {
        sb.append(" date 2023-11-16 (MENAFN) ");
        while (sb.length() < size) {
          sb.append("<a>\r\n \r\r\n\n word ");
        }
        sb.append("\nMENAFN16112023000045015687ID1107439109\n");
      }
      case JSONL -> {
        while (sb.length() < size) {
          sb.append("{\"id\":\"x\",\"body\":\"<a><b x<c\"}\r\r\n{}\n\n");
        }
      }
      case FEED -> {
        sb.append("<?xml version=\"1.0\"?><rss><channel>");
        while (sb.length() < size) {
          sb.append("<item><title>T</title><description>&lt;a&gt;&lt;b x</description>"
              + "<guid>g</guid></item>");
        }
        sb.append("</channel></rss>");
      }
      case HTML -> {
        sb.append("<!DOCTYPE html><html><head><title>T</title></head><body><p>");
        while (sb.length() < size) {
          sb.append("<div><span x<a <b>word ");
        }
        sb.append("</p></body></html>");
      }
      case WARC -> {
        String page = "<html><head><title>T</title></head><body><p>"
            + "<div><span x<a <b>word ".repeat(200) + "</p></body></html>";
        int n = 0;
        while (sb.length() < size) {
          String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
              + page.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + page;
          int len = http.getBytes(StandardCharsets.UTF_8).length;
          sb.append("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-"
              + "0000-" + String.format(Locale.ROOT, "%012d", n++) + ">\r\nWARC-Target-URI: "
              + "http://example.com/" + n + "\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
              + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + len
              + "\r\n\r\n" + http + "\r\n\r\n");
        }
      }
      default -> throw new IllegalArgumentException(format.toString());
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long time(Format format, byte[] bytes) throws IOException {
    Count count = new Count();
    long t0 = System.nanoTime();
    format.reader().read("bench." + format.label(), new ByteArrayInputStream(bytes), count);
    long t = System.nanoTime() - t0;
    if (count.articles + count.rejected == 0) {
      throw new IllegalStateException(format + " read nothing");
    }
    return t;
  }

  /**
   * Runs the benchmark.
   *
   * @param args optionally the number of rounds (default 3)
   * @throws IOException when writing the document fails
   */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Map<Format, long[]> best = new LinkedHashMap<>();
    Map<Format, byte[][]> inputs = new LinkedHashMap<>();
    for (Format f : Format.values()) {
      inputs.put(f, new byte[][] {input(f, SMALL), input(f, LARGE)});
      best.put(f, new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
    }
    for (int r = 0; r < rounds; r++) {
      for (Format f : Format.values()) {
        for (int s = 0; s < 2; s++) {
          long t = time(f, inputs.get(f)[s]);
          best.get(f)[s] = Math.min(best.get(f)[s], t);
        }
      }
    }
    BenchDoc doc = BenchDoc.create("ReaderScaling", "Whether each reader's time grows linearly with"
        + " a tag-heavy input: 1 MB against 10 MB.", args);
    doc.corpus("generated per reader: unclosed tags, tags without '>', CR and LF runs");
    BenchDoc.Table table = doc.table("Parse time, best of " + rounds + " interleaved rounds",
        "reader", "1 MB (ms)", "10 MB (ms)", "ratio 10 MB / 1 MB");
    for (Format f : Format.values()) {
      long[] b = best.get(f);
      String row = String.format(Locale.ROOT, "%-7s %9.1f %10.1f %8.1f", f.label(), b[0] / 1e6,
          b[1] / 1e6, (double) b[1] / b[0]);
      System.out.println(row);
      table.row(f.label(), String.format(Locale.ROOT, "%.1f", b[0] / 1e6),
          String.format(Locale.ROOT, "%.1f", b[1] / 1e6),
          String.format(Locale.ROOT, "%.1f", (double) b[1] / b[0]));
    }
    doc.note("A ratio near 10 is linear; near 100 would be quadratic.");
    doc.write();
  }
}
