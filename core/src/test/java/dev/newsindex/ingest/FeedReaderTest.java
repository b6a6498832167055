package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RSS 2.0, RSS 1.0 and Atom, good and hostile. */
class FeedReaderTest {
  static final Path FEEDS = Path.of("src/test/resources/feeds");

  static JsonLinesReaderTest.Collected read(Path file) throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readFile(file, c);
    return c;
  }

  static JsonLinesReaderTest.Collected read(String name, InputStream in) throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    new FeedReader().read(name, in, c);
    return c;
  }

  @Test
  void readsEveryFieldOfAnRssChannel() throws IOException {
    Path file = FEEDS.resolve("harbour-wire.rss");
    JsonLinesReaderTest.Collected c = read(file);
    assertEquals(List.of(file + ":49: empty item hw-empty: no title and no text"), c.rejected);
    assertEquals(4, c.articles.size());

    Article a = c.articles.get(0);
    assertEquals("hw-2024-0311", a.id());
    assertEquals("Night shifts return to the container terminal", a.title());
    assertEquals("https://harbour-wire.example/2024/03/night-shifts", a.url());
    assertEquals(LocalDate.of(2024, 3, 11), a.date());
    assertEquals("Harbour Wire", a.source(), "the channel's title");
    assertEquals(List.of("Maria Lopez"), a.authors());
    assertEquals(List.of("Ports", "Labour"), a.categories());
    assertEquals(List.of("cranes", "unions", "night work"), a.topics());
    assertEquals("en", a.lang(), "the channel's language, region dropped");
    assertEquals("Crane operators at the east terminal returned to night shifts on Monday after a"
        + " three-week pause.\n\nCranes at dawn\n\nThe port authority said the deal with the dock"
        + " union runs until \"the end of the season\" & may be extended.", a.body(),
        "content:encoded over description; markup to paragraphs, script dropped");

    Article b = c.articles.get(1);
    assertEquals(Ids.ofUrl("https://harbour-wire.example/2024/03/radios"), b.id(),
        "no guid: the address, without its fragment");
    assertTrue(b.id().matches("url-[0-9a-f]{24}"), b.id());
    assertEquals("Pilot boats & tugs get new radios", b.title());
    assertEquals(LocalDate.of(2024, 3, 12), b.date());
    assertEquals(List.of("Sam Roe"), b.authors(), "the name beside the address");
    assertEquals("Every pilot boat will carry a digital radio by June.\n\nThe old sets date from"
        + " 1998 & fail in fog.", b.body(), "escaped HTML");

    Article fr = c.articles.get(2);
    assertEquals("fr", fr.lang(), "the item's xml:lang wins");
    assertNull(fr.date());
    assertEquals(Map.of("date", "sometime last spring"), fr.metadata(), "kept, not lost");
    assertEquals(List.of("infrastructures"), fr.topics());
    assertEquals(List.of("Brest"), fr.places());
    assertTrue(fr.body().contains("rouvert après deux ans de travaux, café compris."), fr.body());

    Article untitled = c.articles.get(3);
    assertTrue(untitled.id().startsWith("sha-"), untitled.id());
    assertEquals("No title, no link: only text about a harbour fog warning issued at noon",
        untitled.title(), "derived from the text");
  }

  @Test
  void readsAtomWithItsTextConstructs() throws IOException {
    JsonLinesReaderTest.Collected c = read(FEEDS.resolve("river-desk.atom"));
    assertEquals(List.of(), c.rejected);
    Article a = c.articles.get(0);
    assertEquals("tag:river-desk.example,2024:entry-17", a.id());
    assertEquals("https://river-desk.example/2024/04/barrier", a.url(), "rel=alternate");
    assertEquals(LocalDate.of(2024, 4, 1), a.date(), "published, as a local date");
    assertEquals("River Desk", a.source(), "the feed's title, markup dropped");
    assertEquals(List.of("Ana Ruiz", "Luis Gil"), a.authors());
    assertEquals(List.of("Environment", "floods"), a.categories(), "label, else term");
    assertEquals("en", a.lang());
    assertEquals("The new flood barrier held back the river on Monday night, its engineers"
        + " said.\n\nWater rose to 4.2 metres & stayed below the crest.", a.body(), "xhtml");

    Article de = c.articles.get(1);
    assertEquals("Fähre fährt wieder nach Plan <sic>", de.title(), "type=text is literal");
    assertEquals("Partner Zeitung", de.source(), "the entry's source");
    assertEquals("de", de.lang());
    assertEquals(LocalDate.of(2024, 4, 2), de.date(), "updated when not published");
    assertEquals("Die Fähre fährt seit Dienstag wieder nach Plan.", de.body());

    assertEquals("Text with <b> literal markup that is not HTML.", c.articles.get(2).body());
  }

  @Test
  void readsRss1InItsDeclaredEncoding() throws IOException {
    JsonLinesReaderTest.Collected c = read(FEEDS.resolve("gazette.rdf"));
    assertEquals(List.of(), c.rejected);
    Article a = c.articles.get(0);
    assertEquals(Ids.ofUrl("https://gazette.example/2024/05/marche"), a.id(), "rdf:about");
    assertEquals("Marché du dimanche : les pêcheurs reviennent", a.title());
    assertEquals("La Gazette du Quai", a.source());
    assertEquals("fr", a.lang());
    assertEquals(LocalDate.of(2024, 5, 5), a.date());
    assertEquals(List.of("Claire Martin"), a.authors());
  }

  @Test
  void theSameItemReadTwiceHasTheSameId() throws IOException {
    String feed = "<rss><channel><item><link>https://x.example/a</link><title>T</title></item>"
        + "<item><title>Only a title</title><pubDate>Mon, 11 Mar 2024 06:15:00 GMT</pubDate>"
        + "</item></channel></rss>";
    List<String> first = read("a.rss", stream(feed)).articles.stream().map(Article::id).toList();
    List<String> again = read("b.rss", stream(feed)).articles.stream().map(Article::id).toList();
    assertEquals(first, again);
    assertEquals(2, first.stream().distinct().count());
  }

  @Test
  void anElementOverTheBoundRejectsItsItemOnlyWithoutHoldingIt() throws IOException {
    long huge = 5L * FeedReader.MAX_ELEMENT_CHARS; // five times the bound: held, it would show
    InputStream in = JsonLinesReaderTest.repeated("<rss><channel><item><guid>big</guid><title>Big"
        + "</title><description>", 'x', huge, "</description></item><item><guid>next"
        + "</guid><title>Next</title></item></channel></rss>");
    JsonLinesReaderTest.Collected c = read("huge.rss", in);
    assertEquals(List.of("next"), c.articles.stream().map(Article::id).toList());
    assertEquals(List.of("huge.rss:1: <description> longer than " + FeedReader.MAX_ELEMENT_CHARS
        + " characters; item skipped"), c.rejected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      an attribute      | <link href="              | "/>
      a CDATA section   | <description><![CDATA[<p> | ]]></description>
      a comment         | <!-- <b>                  | -->
      """)
  void hugeMarkupThatTheParserWouldHoldWholeStopsTheFileWithAReason(String what, String open,
      String close) throws IOException {
    InputStream in = JsonLinesReaderTest.repeated("<rss><channel><item><guid>a</guid><title>A"
        + "</title></item><item>" + open, 'x', 5L * FeedReader.MAX_MARKUP_BYTES,
        close + "</item></channel></rss>");
    JsonLinesReaderTest.Collected c = read("big.rss", in);
    assertEquals(List.of("a"), c.articles.stream().map(Article::id).toList());
    assertEquals(List.of("big.rss:1: a tag, comment or CDATA section longer than 4.0 MiB; the"
        + " rest of the file is skipped, the 1 articles read before it are kept"), c.rejected);
  }

  static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
