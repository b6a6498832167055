package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads WARC files ({@code .warc}, and {@code .warc.gz} once {@link Ingest} has decompressed it),
 * the format of web crawls such as Common Crawl News, with jwarc: every {@code response} record of
 * a successful (2xx) HTTP response whose payload is HTML, and every {@code resource} record of
 * HTML, becomes the article {@link HtmlReader} finds in the page. The record's target URI is the
 * url and gives the id ({@link Ids#ofUrl}), so a page crawled again replaces its earlier capture;
 * the crawl date is the date when the page gives none. The HTTP transfer and content encodings
 * (chunked, gzip, deflate) are undone, and the charset of the {@code Content-Type} header is used
 * when the page declares none.
 *
 * <p>Other records (requests, metadata, redirects, images, scripts) are passed over without a
 * word: a crawl holds many for each page. A page larger than {@value HtmlReader#MAX_PAGE_BYTES}
 * bytes, or with no title and no text, rejects its record, named by its number and target URI. A
 * truncated or malformed record rejects the rest of the file, keeping the articles read before.
 */
public final class WarcReader implements ArticleReader {
  /**
   * The most bytes read while jwarc parses one record's WARC headers or its HTTP headers: jwarc
   * keeps a header whole in memory, so a header without end (a 100 MB line) would otherwise grow
   * until the heap runs out. Real headers are a few KB.
   */
  public static final int MAX_HEADER_BYTES = 1 << 20;

  /** A reader; it keeps no state, so one instance may be shared. */
  public WarcReader() {}

  @Override
  public void read(String name, InputStream in, ArticleHandler handler) throws IOException {
    Origin origin = Origin.of(name);
    long number = 0;
    long articles = 0;
    String at = "";
    org.netpreserve.jwarc.WarcReader warc = null;
    try {
      HeaderGuard guard = new HeaderGuard(in);
      guard.arm();
      warc = new org.netpreserve.jwarc.WarcReader(guard);
      WarcRecord previous = null;
      while (true) {
        if (previous != null) {
          previous.body().consume(); // the rest of a body is not a header: read it unguarded
        }
        guard.arm();
        Optional<WarcRecord> next = warc.next();
        guard.disarm();
        if (next.isEmpty()) {
          return;
        }
        number++;
        WarcRecord record = next.get();
        previous = record;
        at = "record " + number + (record instanceof WarcTargetRecord t ? " (" + t.target() + ")"
            : "");
        Article article;
        try {
          article = article(record, name, guard);
        } catch (RejectedRecordException e) {
          handler.rejected(origin, at + ": " + e.getMessage());
          continue;
        } catch (IllegalArgumentException e) {
          // jwarc parses headers on access and throws this for malformed ones
          handler.rejected(origin, at + ": malformed WARC headers (" + firstLine(e.getMessage())
              + ")");
          continue;
        }
        if (article != null) {
          articles++;
          try {
            handler.article(article, origin);
          } catch (IOException e) {
            throw new HandlerFailure(e); // the index's failure, not the input's
          }
        }
      }
    } catch (HandlerFailure e) {
      throw e.getCause();
    } catch (IllegalArgumentException e) {
      handler.rejected(origin, "malformed WARC record"
          + (number > 0 ? " after " + at : " at the start") + " (" + firstLine(e.getMessage())
          + "); the rest of the file is skipped"
          + (articles > 0 ? ", the " + articles + " articles read before it are kept" : ""));
    } catch (IOException | UncheckedIOException e) {
      if (e instanceof Ingest.DamagedInputException d) {
        throw d; // the file itself could not be read (a truncated .gz): Ingest reports it
      }
      String why = e instanceof UncheckedIOException u ? u.getCause().getMessage()
          : e.getMessage();
      handler.rejected(origin, "truncated or malformed WARC record"
          + (number > 0 ? " after " + at : " at the start") + " (" + firstLine(why) + ");"
          + (articles > 0 ? " the rest of the file is skipped, the " + articles
          + " articles read before it are kept" : " the rest of the file is skipped"));
    } finally {
      if (warc != null) {
        warc.close();
      }
    }
  }

  /**
   * Counts the bytes read while armed and fails the read once they pass {@link #MAX_HEADER_BYTES}:
   * armed while jwarc parses headers, so a header without end costs a bounded read and memory.
   */
  private static final class HeaderGuard extends java.io.FilterInputStream {
    private long armed = -1;

    HeaderGuard(InputStream in) {
      super(in);
    }

    void arm() {
      armed = 0;
    }

    void disarm() {
      armed = -1;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      if (armed >= 0 && (armed += n) > MAX_HEADER_BYTES) {
        throw new IOException("headers longer than " + Text.bytes(MAX_HEADER_BYTES));
      }
    }
  }

  /** Carries the handler's failure past the catch of the input's failures. */
  private static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private static String firstLine(String s) {
    return s == null ? "unexpected end of data" : s.lines().findFirst().orElse(s).strip();
  }

  /** The article in {@code record}, or null when the record holds no HTML page. */
  private static Article article(WarcRecord record, String name, HeaderGuard guard)
      throws IOException {
    MediaType type;
    InputStream page;
    String target;
    if (record instanceof WarcResponse response) {
      if (!response.contentType().base().equals(MediaType.HTTP_RESPONSE.base())) {
        return null; // a DNS or other non-HTTP capture
      }
      guard.arm();
      HttpResponse http = response.http();
      guard.disarm();
      if (http.status() < 200 || http.status() >= 300) {
        return null;
      }
      type = http.contentType();
      page = http.bodyDecoded().stream();
      target = response.target();
    } else if (record instanceof WarcResource resource) {
      type = resource.contentType();
      page = resource.body().stream();
      target = resource.target();
    } else {
      return null;
    }
    if (!isHtml(type)) {
      return null;
    }
    byte[] html = page.readNBytes(HtmlReader.MAX_PAGE_BYTES + 1);
    if (html.length > HtmlReader.MAX_PAGE_BYTES) {
      throw new RejectedRecordException("page larger than " + Text.bytes(HtmlReader.MAX_PAGE_BYTES)
          + "; skipped");
    }
    LocalDate crawled = crawlDate(record);
    String charset = type.parameters().get("charset");
    String url = target == null ? "" : target.strip();
    return HtmlReader.parse(html, supported(charset), url, crawled,
        Ids.ofText(name + "#" + recordId(record)));
  }

  /**
   * The day {@code record} was crawled, or null: it is only the page's fallback date, so a
   * malformed WARC-Date (jwarc parses it on access and throws) costs the article nothing else.
   */
  private static LocalDate crawlDate(WarcRecord record) {
    try {
      return record.date() == null ? null : record.date().atOffset(ZoneOffset.UTC).toLocalDate();
    } catch (java.time.DateTimeException malformed) {
      return null;
    }
  }

  /** The record's WARC-Record-ID as written: jwarc parses it as a URI on access, and may throw. */
  private static String recordId(WarcRecord record) {
    try {
      return record.id().toString();
    } catch (IllegalArgumentException | java.util.NoSuchElementException malformed) {
      return record.headers().first("WARC-Record-ID").orElse("");
    }
  }

  private static boolean isHtml(MediaType type) {
    String base = type.base().toString().toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  /** {@code charset} when the JDK knows it, else null (the page's own declaration then counts). */
  private static String supported(String charset) {
    if (charset == null) {
      return null;
    }
    try {
      return java.nio.charset.Charset.isSupported(charset.strip()) ? charset.strip() : null;
    } catch (java.nio.charset.IllegalCharsetNameException e) {
      return null;
    }
  }
}
