package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saved HTML pages: metadata, text, ids, character sets, and hostile pages. */
class HtmlReaderTest {
  static final Path PAGES = Path.of("src/test/resources/html/pages");

  static JsonLinesReaderTest.Collected read(String name, byte[] page) throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readStream(name, new ByteArrayInputStream(page), null, c);
    return c;
  }

  @Test
  void readsJsonLdFirstAndTheBodyInsideArticleBody() throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readFile(PAGES.resolve("02-newspaper-jsonld.html"), c);
    assertEquals(List.of(), c.rejected);
    Article a = c.articles.get(0);
    assertEquals("City council approves late-night bus routes for hospital workers", a.title());
    assertEquals(LocalDate.of(2024, 5, 14), a.date());
    assertEquals("The Valley Courier", a.source());
    assertEquals(List.of("Priya Shah"), a.authors());
    assertEquals(List.of("Local"), a.categories());
    assertEquals(List.of("transport", "night buses", "hospitals"), a.topics());
    assertEquals("en", a.lang());
    assertTrue(a.body().startsWith("The city council voted 9 to 2"), a.body());
    assertTrue(!a.body().contains("A night bus at the depot") && !a.body().contains("More from"),
        "no caption, no related list: " + a.body());
  }

  @Test
  void theIdComesFromTheCanonicalAddressElseTheFileName() throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readFile(PAGES.resolve("01-wire-story-body.html"), c);
    Article a = c.articles.get(0);
    assertEquals("https://harbour-wire.example/markets/grain-barges-resume", a.url());
    assertEquals(Ids.ofUrl(a.url()), a.id());
    byte[] page = "<html><body><h1>Short</h1><p>One paragraph of text.</p></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    String one = read("saved/page.html", page).articles.get(0).id();
    assertEquals(one, read("other/dir/page.html", page).articles.get(0).id(), "by file name");
    assertTrue(one.startsWith("sha-"), one);
  }

  @Test
  void metaTagsWhenThereIsNoJsonLdAndTheLanguageOfTheHtmlElement() throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readFile(PAGES.resolve("12-french-lire-aussi.html"), c);
    Article a = c.articles.get(0);
    assertEquals("fr", a.lang(), "<html lang=fr-FR>");
    assertEquals(LocalDate.of(2024, 7, 9), a.date(), "article:published_time");
    assertEquals(List.of("Transports"), a.categories());
    assertEquals(List.of("tramway", "travaux"), a.topics(), "article:tag");
    assertTrue(!a.body().contains("Lire aussi") && !a.body().contains("Publicité"), a.body());
  }

  @Test
  void theCharsetIsThePagesOwn() throws IOException {
    String page = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00E9 d\u00E9j\u00E0 vu"
        + "</title></head><body><p>Le caf\u00E9 \u201Cdu port\u201D rouvre.</p></body></html>";
    Article a = read("cafe.html", page.getBytes(Charset.forName("windows-1252"))).articles.get(0);
    assertEquals("Caf\u00E9 d\u00E9j\u00E0 vu", a.title());
    assertEquals("Le caf\u00E9 \u201Cdu port\u201D rouvre.", a.body());
  }

  @Test
  void aHundredMegabytePageIsSkippedUnreadAndTheNextFileRead() throws IOException {
    InputStream huge = JsonLinesReaderTest.repeated("<html><body><p>", 'x', 100L << 20,
        "</p></body></html>");
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    long before = usedHeap();
    Ingest.readStream("huge.html", huge, null, c);
    assertTrue(usedHeap() - before < 64L << 20, "bounded memory");
    assertEquals(List.of("huge.html: page larger than 8.0 MiB; skipped"), c.rejected);
    assertEquals(0, c.articles.size());
  }

  @Test
  void deeplyNestedOrEmptyPagesAreHandled() throws IOException {
    String deep = "<html><body>" + "<div>".repeat(20_000) + "<p>Deep text at the bottom of it"
        + " all.</p>" + "</div>".repeat(20_000) + "</body></html>";
    JsonLinesReaderTest.Collected c = read("deep.html", deep.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), c.rejected);
    assertEquals("Deep text at the bottom of it all.", c.articles.get(0).body());
    // A megabyte of unclosed nesting: the parser keeps its depth bounded, so the work per tag is.
    InputStream nested = JsonLinesReaderTest.repeated("<html><body>", 'x', 0, "<div>".repeat(
        200_000) + "<p>At the bottom.</p>");
    JsonLinesReaderTest.Collected bottom = new JsonLinesReaderTest.Collected();
    Ingest.readStream("nested.html", nested, null, bottom);
    assertEquals("At the bottom.", bottom.articles.get(0).body());
    JsonLinesReaderTest.Collected empty = read("empty.html",
        "<!DOCTYPE html><html><head></head><body><nav><a>Home</a></nav></body></html>"
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("empty.html: no title and no text in the page"), empty.rejected);
  }

  @Test
  void aBodyWhoseClassNamesBoilerplateIsStillFound() {
    Article a = HtmlReader.parse("<html><body><nav><a>Home</a></nav><div class=\"story"
        + " comments-enabled\"><p>The ferry timetable changes on Monday, the operator said.</p>"
        + "<p>Two sailings are added in the evening.</p><div class=\"ad-slot\">Advertisement"
        + "</div></div></body></html>", "");
    assertEquals("The ferry timetable changes on Monday, the operator said.\n\nTwo sailings are"
        + " added in the evening.", a.body(), "put back and read again; the ad line still dropped");
  }

  @Test
  void brokenJsonLdFallsBackToMetaTags() {
    Article a = HtmlReader.parse("<html><head><script type=\"application/ld+json\">{\"@type\":"
        + "\"NewsArticle\", \"headline\": </script><meta property=\"og:title\" content=\"From OG\">"
        + "</head><body><p>Text.</p></body></html>", "");
    assertEquals("From OG", a.title());
  }

  @Test
  void pagesAreRecognisedByNameAndByContent() {
    byte[] html = "<!DOCTYPE html>\n<html lang=\"en\"><head>".getBytes(StandardCharsets.UTF_8);
    assertEquals(Format.HTML, Format.detect("page.txt", html).orElseThrow());
    assertEquals(Format.HTML, Format.detect("story.htm", new byte[0]).orElseThrow());
    assertEquals(Format.HTML, Format.detect("x", "<!-- saved -->\n<html>".getBytes(
        StandardCharsets.UTF_8)).orElseThrow());
    assertEquals(Format.FEED, Format.detect("feed.xml", ("<?xml version=\"1.0\"?>\n<!-- c -->\n"
        + "<rss version=\"2.0\">").getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    System.gc();
    return r.totalMemory() - r.freeMemory();
  }
}
