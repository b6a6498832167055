package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.NewsIndex;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.search.Facet;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers of feeds (RSS and Atom), web pages and web crawls (WARC) reach a cluster through
 * push: a directory of files the test writes arrives as the articles a local index reads from it,
 * with their labels, and searches and filters find them as locally.
 */
class FormatsPushIT {
  @TempDir
  Path tmp;

  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Harbour Wire</title>
          <link>https://harbour-wire.example/</link>
          <language>en-gb</language>
          <item>
            <title>Night shifts return to the container terminal</title>
            <link>https://harbour-wire.example/2024/03/night-shifts</link>
            <guid isPermaLink="false">hw-2024-0311</guid>
            <pubDate>Mon, 11 Mar 2024 06:15:00 +0000</pubDate>
            <dc:creator>By Maria Lopez</dc:creator>
            <category>Ports</category>
            <category>Labour</category>
            <content:encoded><![CDATA[<p>Crane operators at the <b>east terminal</b> returned
              to night shifts on Monday after a three-week pause.</p><p>The port authority said
              the deal with the dock union runs until the end of the season.</p>]]></content:encoded>
          </item>
          <item>
            <title>Pilot boats and tugs get new radios</title>
            <link>https://harbour-wire.example/2024/03/radios</link>
            <guid>https://harbour-wire.example/2024/03/radios</guid>
            <pubDate>Tue, 12 Mar 2024 09:00:00 +0000</pubDate>
            <category>Ports</category>
            <description>Harbour pilots and tug crews will switch to digital radios by June, the
              port authority said.</description>
          </item>
        </channel>
      </rss>
      """;

  private static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">
        <title>River Desk</title>
        <id>tag:river-desk.example,2024:feed</id>
        <updated>2024-04-02T09:00:00Z</updated>
        <entry>
          <title>Flood barrier passes its first spring test</title>
          <id>tag:river-desk.example,2024:entry-17</id>
          <link rel="alternate" type="text/html" href="https://river-desk.example/2024/04/barrier"/>
          <published>2024-04-01T22:45:00-05:00</published>
          <author><name>Ana Ruiz</name></author>
          <author><name>Luis Gil</name></author>
          <category term="env" label="Environment"/>
          <category term="floods"/>
          <content type="html">&lt;p&gt;The new flood barrier held back the river on Monday
            night, its engineers said; the crane barges stayed moored.&lt;/p&gt;</content>
        </entry>
        <entry xml:lang="de">
          <title>Fähre fährt wieder nach Plan</title>
          <id>tag:river-desk.example,2024:entry-18</id>
          <updated>2024-04-02T07:30:00+02:00</updated>
          <content type="html">&lt;p&gt;Die Fähre fährt seit Dienstag wieder nach Plan.&lt;/p&gt;</content>
        </entry>
      </feed>
      """;

  private static final String PAGE = "<html lang=\"en\"><head><title>Quay reopens | Port News"
      + "</title><meta property=\"og:site_name\" content=\"Port News\"></head><body><nav><a>Home"
      + "</a></nav><article><h1>Quay reopens</h1><p>The north quay reopened on Monday after"
      + " repairs to its crane rails.</p><p>Ships will berth there again from next week.</p>"
      + "</article><footer>Port News, all rights reserved</footer></body></html>";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One WARC record: header, block, the two line ends after it. */
  private static byte[] record(String type, String uri, String date, String contentType,
      byte[] block) {
    String head = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri
        + "\r\nWARC-Date: " + date + "\r\nWARC-Record-ID: <urn:uuid:"
        + java.util.UUID.nameUUIDFromBytes(utf8(uri + type)) + ">\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + block.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(head));
    out.writeBytes(block);
    out.writeBytes(utf8("\r\n\r\n"));
    return out.toByteArray();
  }

  private static byte[] response(String uri, String date, String html) {
    byte[] body = utf8(html);
    byte[] http = utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n");
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    block.writeBytes(http);
    block.writeBytes(body);
    return record("response", uri, date, "application/http;msgtype=response",
        block.toByteArray());
  }

  /** A crawl of two pages and an image, each record its own gzip member, as crawlers write. */
  private static byte[] crawl() throws IOException {
    List<byte[]> records = new ArrayList<>();
    records.add(response("https://port.example/quay", "2024-03-11T10:00:02Z", PAGE));
    records.add(record("response", "https://port.example/logo.png", "2024-03-11T10:00:03Z",
        "application/http;msgtype=response", utf8("HTTP/1.1 200 OK\r\nContent-Type: image/png"
            + "\r\nContent-Length: 3\r\n\r\nPNG")));
    records.add(response("https://port.example/fares", "2024-03-12T23:59:00Z",
        "<html><head><title>Ferry fares freeze</title></head><body><p>Ferry fares will not rise"
            + " this year, the operator said, though crane hire costs more.</p></body></html>"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] r : records) {
      try (OutputStream gz = new GZIPOutputStream(out)) {
        gz.write(r);
      }
    }
    return out.toByteArray();
  }

  @Test
  void feedsPagesAndACrawlArriveAsLocallyAndAreFound() throws IOException {
    OpenSearchCluster shared = OpenSearchCluster.shared();
    Path input = Files.createDirectories(tmp.resolve("input"));
    Files.writeString(input.resolve("wire.rss"), RSS);
    Files.writeString(input.resolve("desk.atom"), ATOM);
    Files.write(input.resolve("crawl.warc.gz"), crawl());
    Files.writeString(input.resolve("notice.html"), "<html><head><title>Harbour notice</title>"
        + "</head><body><h1>Harbour notice</h1><p>Dredging starts in April in the outer basin;"
        + " a floating crane will work at night.</p></body></html>");

    ClusterOptions o = shared.options("it-push-formats");
    try (Cluster c = new Cluster(o)) {
      c.send("DELETE", "/" + o.index(), null, (JsonNode) null);
    }
    IngestSummary pushed = OpenSearchArchive.push(o, IndexSettings.DEFAULT, 2, 0,
        List.of(input), IngestOptions.defaults(), ClusterPush.DEFAULT_BULK_BYTES,
        IngestListener.NONE);
    IngestSummary again = OpenSearchArchive.push(o, IndexSettings.DEFAULT, 2, 0,
        List.of(input), IngestOptions.defaults(), ClusterPush.DEFAULT_BULK_BYTES,
        IngestListener.NONE);
    try (NewsIndex local = NewsIndex.openOrCreate(tmp.resolve("local"));
        OpenSearchArchive cluster = OpenSearchArchive.open(o)) {
      IngestSummary read = local.ingest(List.of(input), IngestListener.NONE);
      // 2 items, 2 entries, 2 pages of the crawl (the image passed over), 1 page.
      assertEquals(7, local.size());
      assertEquals(local.size(), cluster.size());
      assertEquals(read.indexed(), pushed.indexed());
      assertEquals(read.skipped(), pushed.skipped());
      assertEquals(local.size(), again.unchanged(), "a second push sends nothing");

      SearchResult everything = local.search(SearchRequest.builder("*").limit(20).passages(0)
          .build());
      for (Hit h : everything.hits()) {
        Article a = h.article();
        assertEquals(a, cluster.get(a.id()).orElseThrow(), a.id());
      }
      for (String query : List.of("crane", "\"night shifts\"", "ferry fares", "flood barrier",
          "fähre", "quay OR dredging", "title:radios")) {
        SearchRequest r = SearchRequest.builder(query).passages(1)
            .facets(Facet.SOURCE, Facet.CATEGORY, Facet.AUTHOR, Facet.LANG).build();
        SearchResult mine = local.search(r);
        SearchResult theirs = cluster.search(r);
        assertTrue(theirs.totalHits() > 0, query);
        assertEquals(ids(mine), ids(theirs), query);
        assertEquals(mine.facets(), theirs.facets(), query);
        for (int i = 0; i < mine.hits().size(); i++) {
          assertEquals(mine.hits().get(i).passages(), theirs.hits().get(i).passages(), query);
        }
      }
      for (String filter : List.of("category:ports", "author:\"ana ruiz\"", "lang:de",
          "source:\"port news\"")) {
        SearchRequest r = SearchRequest.builder("*").filter(filter).passages(0).build();
        assertEquals(sorted(local.search(r)), sorted(cluster.search(r)), filter);
        assertTrue(cluster.search(r).totalHits() > 0, filter);
      }
    }
    try (Cluster c = new Cluster(o)) {
      c.send("DELETE", "/" + o.index(), null, (JsonNode) null);
    }
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.article().id()).toList();
  }

  private static List<String> sorted(SearchResult r) {
    return ids(r).stream().sorted().toList();
  }
}
