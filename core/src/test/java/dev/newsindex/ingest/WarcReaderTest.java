package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WARC crawls the tests write themselves: HTML responses become articles, the rest is passed. */
class WarcReaderTest {
  @TempDir Path dir;

  static final String PAGE = "<html lang=\"en\"><head><title>Quay reopens | Port News</title>"
      + "<meta property=\"og:site_name\" content=\"Port News\"></head><body><nav><a>Home</a>"
      + "</nav><article><h1>Quay reopens</h1><p>The north quay reopened on Monday after repairs"
      + " to its crane rails.</p><p>Ships will berth there again from next week.</p></article>"
      + "<footer>Port News, all rights reserved</footer></body></html>";

  /** One WARC record: its header, its block, the two line ends after it. */
  static byte[] record(String type, String uri, String date, String contentType, byte[] block) {
    String head = "WARC/1.0\r\nWARC-Type: " + type + "\r\n"
        + (uri == null ? "" : "WARC-Target-URI: " + uri + "\r\n")
        + "WARC-Date: " + date + "\r\nWARC-Record-ID: <urn:uuid:" + UUID.randomUUID() + ">\r\n"
        + "Content-Type: " + contentType + "\r\nContent-Length: " + block.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static byte[] http(int status, String contentType, byte[] body, String... headers) {
    StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
    if (contentType != null) {
      h.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String header : headers) {
      h.append(header).append("\r\n");
    }
    h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] response(String uri, String date, byte[] http) {
    return record("response", uri, date, "application/http;msgtype=response", http);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] crawl() throws IOException {
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    w.writeBytes(record("warcinfo", null, "2024-03-11T10:00:00Z", "application/warc-fields",
        utf8("software: newsindex tests\r\n")));
    w.writeBytes(record("request", "https://port.example/quay", "2024-03-11T10:00:01Z",
        "application/http;msgtype=request", utf8("GET /quay HTTP/1.1\r\nHost: port.example\r\n\r\n")));
    w.writeBytes(response("https://port.example/quay", "2024-03-11T10:00:02Z",
        http(200, "text/html; charset=utf-8", utf8(PAGE))));
    w.writeBytes(response("https://port.example/logo.png", "2024-03-11T10:00:03Z",
        http(200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
    w.writeBytes(response("https://port.example/old", "2024-03-11T10:00:04Z",
        http(301, "text/html", utf8("<html><body>Moved</body></html>"),
            "Location: https://port.example/quay")));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(utf8("<html><head><title>Ferry fares freeze</title></head><body><p>Ferry fares"
          + " will not rise this year, the operator said.</p></body></html>"));
    }
    w.writeBytes(response("https://port.example/fares", "2024-03-12T23:59:00Z",
        http(200, "text/html; charset=bogus-charset", gz.toByteArray(), "Content-Encoding: gzip")));
    w.writeBytes(record("resource", "file:///saved/notice.html", "2024-03-13T08:00:00Z",
        "text/html", utf8("<html><body><h1>Harbour notice</h1><p>Dredging starts in April in the"
            + " outer basin.</p></body></html>")));
    w.writeBytes(response("https://port.example/empty", "2024-03-13T09:00:00Z",
        http(200, "text/html", utf8("<html><body><nav>Home</nav></body></html>"))));
    return w.toByteArray();
  }

  static JsonLinesReaderTest.Collected read(Path file) throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readFile(file, c);
    return c;
  }

  @Test
  void htmlResponsesBecomeArticlesAndTheRestIsPassedOver() throws IOException {
    Path file = Files.write(dir.resolve("crawl.warc"), crawl());
    JsonLinesReaderTest.Collected c = read(file);
    assertEquals(List.of(file + ": record 8 (https://port.example/empty): no title and no text in"
        + " the page"), c.rejected);
    assertEquals(3, c.articles.size(), c.articles.toString());
    Article quay = c.articles.get(0);
    assertEquals(Ids.ofUrl("https://port.example/quay"), quay.id(), "from the target URI");
    assertEquals("https://port.example/quay", quay.url());
    assertEquals("Quay reopens", quay.title());
    assertEquals("Port News", quay.source());
    assertEquals("en", quay.lang());
    assertEquals(LocalDate.of(2024, 3, 11), quay.date(), "the crawl date: the page has none");
    assertEquals("The north quay reopened on Monday after repairs to its crane rails.\n\nShips"
        + " will berth there again from next week.", quay.body());
    Article fares = c.articles.get(1);
    assertEquals("Ferry fares freeze", fares.title(), "gzip content encoding undone");
    assertEquals(LocalDate.of(2024, 3, 12), fares.date());
    assertEquals("Harbour notice", c.articles.get(2).title(), "resource records too");
  }

  @Test
  void aCompressedCrawlReadsTheSameRecordByRecord() throws IOException {
    ByteArrayOutputStream members = new ByteArrayOutputStream();
    byte[] plain = crawl();
    // .warc.gz compresses each record on its own: several gzip members one after another.
    int start = 0;
    for (int i = 1; i <= plain.length; i++) {
      if (i == plain.length || startsWith(plain, i, "WARC/1.0\r\n")) {
        try (OutputStream gz = new GZIPOutputStream(members)) {
          gz.write(plain, start, i - start);
        }
        start = i;
      }
    }
    Path file = Files.write(dir.resolve("crawl.warc.gz"), members.toByteArray());
    assertEquals(3, read(file).articles.size());
    assertEquals(Format.WARC, Format.detect("x", utf8("WARC/1.1\r\n")).orElseThrow());
  }

  @Test
  void aTruncatedRecordKeepsTheArticlesBeforeIt() throws IOException {
    byte[] whole = crawl();
    int cut = indexOf(whole, utf8("https://port.example/fares")) + 200;
    Path file = Files.write(dir.resolve("cut.warc"), Arrays.copyOf(whole, cut));
    JsonLinesReaderTest.Collected c = read(file);
    assertEquals(1, c.articles.size());
    assertEquals(1, c.rejected.size(), c.rejected.toString());
    assertTrue(c.rejected.get(0).startsWith(file + ": truncated or malformed WARC record")
        && c.rejected.get(0).endsWith("the rest of the file is skipped, the 1 articles read before"
        + " it are kept"), c.rejected.get(0));
    Path garbage = Files.write(dir.resolve("garbage.warc"), utf8("WARC/1.0\r\nthis is not a"
        + " header\r\n\r\n"));
    assertTrue(read(garbage).rejected.get(0).contains("truncated or malformed WARC record at the"
        + " start"), read(garbage).rejected.toString());
  }

  @Test
  void aHundredMegabytePageRejectsItsRecordOnlyWithoutHoldingIt() throws IOException {
    long huge = 100L << 20;
    String httpHead = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + huge
        + "\r\n\r\n";
    String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://port.example/big"
        + "\r\nWARC-Date: 2024-03-11T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + UUID.randomUUID()
        + ">\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: "
        + (httpHead.length() + huge) + "\r\n\r\n" + httpHead;
    InputStream big = JsonLinesReaderTest.repeated(head, 'x', huge, "\r\n\r\n");
    InputStream in = new SequenceInputStream(big, new java.io.ByteArrayInputStream(
        response("https://port.example/after", "2024-03-11T10:00:05Z",
            http(200, "text/html", utf8(PAGE)))));
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readStream("big.warc", in, null, c);
    assertEquals(List.of("big.warc: record 1 (https://port.example/big): page larger than 8.0 MiB;"
        + " skipped"), c.rejected);
    assertEquals(List.of("https://port.example/after"),
        c.articles.stream().map(Article::url).toList());
  }

  private static boolean startsWith(byte[] a, int at, String s) {
    byte[] b = utf8(s);
    return at + b.length <= a.length && Arrays.equals(a, at, at + b.length, b, 0, b.length);
  }

  private static int indexOf(byte[] a, byte[] b) {
    for (int i = 0; i + b.length <= a.length; i++) {
      if (Arrays.equals(a, i, i + b.length, b, 0, b.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aHeaderWithoutEndIsRejectedAfterABoundedRead() throws IOException {
    byte[] good = response("https://port.example/quay", "2024-03-11T10:00:02Z",
        http(200, "text/html; charset=utf-8", utf8(PAGE)));
    byte[] head = utf8("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ");
    long endless = 100L << 20; // 100 MiB of one header value, no line end
    long[] served = {0};
    java.io.InputStream in = new java.io.InputStream() {
      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long at = served[0];
        long total = good.length + head.length + endless;
        if (at >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - at);
        for (int i = 0; i < n; i++, at++) {
          b[off + i] = at < good.length ? good[(int) at]
              : at < good.length + head.length ? head[(int) (at - good.length)] : (byte) 'x';
        }
        served[0] = at;
        return n;
      }
    };
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    new WarcReader().read("crawl.warc", in, c);
    assertEquals(1, c.articles.size(), c.articles.toString());
    assertEquals(1, c.rejected.size(), c.rejected.toString());
    assertTrue(c.rejected.get(0).contains("headers longer than 1.0 MiB"), c.rejected.get(0));
    // Bounded work and memory: the reader stopped near the limit, not at the end of the stream.
    assertTrue(served[0] < 4L << 20, "read " + served[0] + " bytes");
  }
}
