package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads saved HTML article pages, one article per file: its metadata from the page's own
 * description ({@link PageMetadata}: JSON-LD, then meta tags, then {@code <title>}) and its text
 * by {@link MainText}, which leaves out navigation, ads, cookie notices, related links and
 * comments. The character set is the page's own (byte order mark, {@code <meta charset>}), else
 * UTF-8.
 *
 * <p>The id is made from the page's canonical address ({@link Ids#ofUrl}); without one, from the
 * file's name. When the page's text cannot be found but its JSON-LD carries {@code articleBody},
 * that is the text. A page larger than {@value #MAX_PAGE_BYTES} bytes is rejected unread (news
 * pages are a few hundred kilobytes), so one huge file costs no more memory than that; so is a
 * page without a title or text.
 */
public final class HtmlReader implements ArticleReader {
  /** The largest page read. */
  public static final int MAX_PAGE_BYTES = 8 << 20;

  /** A reader; it keeps no state, so one instance may be shared. */
  public HtmlReader() {}

  @Override
  public void read(String name, InputStream in, ArticleHandler handler) throws IOException {
    Origin origin = Origin.of(name);
    byte[] page = in.readNBytes(MAX_PAGE_BYTES + 1);
    if (page.length > MAX_PAGE_BYTES) {
      handler.rejected(origin, "page larger than " + Text.bytes(MAX_PAGE_BYTES) + "; skipped");
      return;
    }
    Article article;
    try {
      article = parse(page, null, "", null, Ids.ofText(fileName(name)));
    } catch (RejectedRecordException e) {
      handler.rejected(origin, e.getMessage());
      return;
    }
    handler.article(article, origin);
  }

  private static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  /**
   * Reads one page.
   *
   * @param html the page's bytes
   * @param charset the character set a transport declared (an HTTP {@code Content-Type}), or null
   *     to take the page's own
   * @param address the page's address when known (a crawl's target URI), else empty; it is the
   *     url, and the id source, unless empty, when the page's canonical address is used
   * @param fallbackDate the date when the page gives none (a crawl's date), or null
   * @param fallbackId the id when there is no address at all
   * @return the article
   * @throws RejectedRecordException with a one-line reason when the page has no title and no text
   */
  static Article parse(byte[] html, String charset, String address, LocalDate fallbackDate,
      String fallbackId) {
    Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(html), charset, address, Markup.parser());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array cannot fail to read
    } catch (IllegalArgumentException e) {
      page = Jsoup.parse(new String(html, StandardCharsets.UTF_8), address, Markup.parser());
    }
    return toArticle(page, address, fallbackDate, fallbackId);
  }

  /**
   * Reads one page given as text: for tests and measurements of the extractor.
   *
   * @param html the page
   * @param address the page's address, or empty
   * @return the article
   * @throws RejectedRecordException when the page has no title and no text
   */
  public static Article parse(String html, String address) {
    return toArticle(Jsoup.parse(html, address, Markup.parser()), address, null,
        Ids.ofText(html));
  }

  private static Article toArticle(Document page, String address, LocalDate fallbackDate,
      String fallbackId) {
    PageMetadata meta = PageMetadata.of(page);
    List<String> paragraphs = new java.util.ArrayList<>(MainText.extract(page));
    // A heading that repeats the headline (print views, AMP) is the title, not text.
    paragraphs.removeIf(p -> p.equalsIgnoreCase(meta.title()));
    String body = String.join("\n\n", paragraphs);
    String ldBody = MenafnTextReader.paragraphs(meta.articleBody());
    if (ldBody.length() > body.length() * 2) {
      body = ldBody; // the structure hid the text (script-rendered pages), JSON-LD did not
    }
    String url = !address.isEmpty() ? address : meta.url();
    String id = !url.isEmpty() ? Ids.ofUrl(url) : fallbackId;
    String title = meta.title();
    if (title.isEmpty() && body.isEmpty()) {
      throw new RejectedRecordException("no title and no text in the page");
    }
    if (title.isEmpty()) {
      title = Titles.derive(body);
    }
    return Article.builder(id).title(title)
        .date(meta.date() != null ? meta.date() : fallbackDate)
        .source(meta.source()).url(url).body(body)
        .authors(meta.authors()).categories(meta.categories()).topics(meta.topics())
        .places(meta.places()).lang(meta.lang())
        .build();
  }
}
