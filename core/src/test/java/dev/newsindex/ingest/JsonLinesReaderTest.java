package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {
  /** Collects what a reader reports. */
  static final class Collected implements ArticleHandler {
    final List<Article> articles = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();

    @Override
    public void article(Article article, Origin origin) {
      articles.add(article);
    }

    @Override
    public void rejected(Origin origin, String reason) {
      rejected.add(origin + ": " + reason);
    }
  }

  /**
   * A stream of {@code head}, then {@code count} copies of {@code fill}, then {@code tail}, made as
   * it is read: hostile input of any size without holding it.
   */
  static java.io.InputStream repeated(String head, char fill, long count, String tail) {
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    long total = h.length + count + t.length;
    return new java.io.InputStream() {
      long pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - pos);
        for (int i = 0; i < n; i++, pos++) {
          b[off + i] = pos < h.length ? h[(int) pos]
              : pos < h.length + count ? (byte) fill : t[(int) (pos - h.length - count)];
        }
        return n;
      }
    };
  }

  static Collected read(byte[] bytes) throws IOException {
    Collected c = new Collected();
    new JsonLinesReader().read("feed.jsonl", new ByteArrayInputStream(bytes), c);
    return c;
  }

  static Collected read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAllFieldsOfAGoodLine() throws IOException {
    Collected c = read("{\"id\":\"a1\",\"title\":\"Fed holds\",\"date\":\"2024-03-20\","
        + "\"source\":\"Wire\",\"url\":\"https://x.example/a1\",\"body\":\"Para one.\\n\\n\\nPara"
        + " two.\",\"category\":\"economy\",\"topics\":[\"rates\",\"usa\"]}\n");
    assertEquals(List.of(), c.rejected);
    Article a = c.articles.get(0);
    assertEquals("a1", a.id());
    assertEquals("Fed holds", a.title());
    assertEquals(LocalDate.of(2024, 3, 20), a.date());
    assertEquals("Wire", a.source());
    assertEquals("https://x.example/a1", a.url());
    assertEquals("Para one.\n\nPara two.", a.body());
    assertEquals(List.of("economy"), a.categories());
    assertEquals(List.of("rates", "usa"), a.topics());
    assertEquals(java.util.Map.of(), a.metadata(), "labels are not repeated as metadata");
  }

  @Test
  void readsLabelsUnderTheirAliasesAsStringsArraysOrNamedObjects() throws IOException {
    Collected c = read("{\"id\":\"r1\",\"body\":\"b\",\"section\":\"World\",\"categories\":"
        + "[\"Politics\",\"World\"],\"places\":[\"el-salvador\",\"usa\"],\"keywords\":\"oil, opec;"
        + " gas\",\"authors\":[{\"name\":\"Jane Doe\",\"url\":\"x\"},\"By Sam Roe\"],"
        + "\"language\":\"en-GB\",\"dateline\":\"SALVADOR, Feb 26 -\"}\n"
        + "{\"id\":\"r2\",\"body\":\"b\",\"lang\":\"Klingon\",\"byline\":\"Ana Ruiz and Luis"
        + " Gil\",\"topics\":[]}\n"
        + "{\"id\":\"r3\",\"body\":\"b\",\"inLanguage\":\"fra\",\"location\":{\"name\":\"Lyon\"}}\n");
    assertEquals(List.of(), c.rejected);
    Article a = c.articles.get(0);
    assertEquals(List.of("World", "Politics"), a.categories(), "repeats dropped, order kept");
    assertEquals(List.of("el-salvador", "usa"), a.places());
    assertEquals(List.of("oil", "opec", "gas"), a.topics());
    assertEquals(List.of("Jane Doe", "Sam Roe"), a.authors());
    assertEquals("en", a.lang());
    assertEquals(java.util.Map.of("dateline", "SALVADOR, Feb 26 -"), a.metadata());
    Article b = c.articles.get(1);
    assertEquals("", b.lang(), "no such language");
    assertEquals("Klingon", b.metadata().get("lang"), "kept as it was written");
    assertEquals(List.of("Ana Ruiz", "Luis Gil"), b.authors());
    assertEquals(List.of(), b.topics());
    assertEquals("fr", c.articles.get(2).lang());
    assertEquals(List.of("Lyon"), c.articles.get(2).places());
  }

  @Test
  void acceptsAliasesDateTimesAndNumericIds() throws IOException {
    Collected c = read("{\"docid\":17,\"headline\":\"H\",\"published_at\":"
        + "\"2024-03-20T23:30:00-05:00\",\"content\":\"Body.\"}\n"
        + "{\"id\":\"b\",\"pubDate\":\"2024-03-21T10:00:00\",\"text\":\"Body.\"}\n");
    assertEquals(List.of(), c.rejected);
    assertEquals("17", c.articles.get(0).id());
    assertEquals("H", c.articles.get(0).title());
    assertEquals(LocalDate.of(2024, 3, 20), c.articles.get(0).date(), "local date kept");
    assertEquals(LocalDate.of(2024, 3, 21), c.articles.get(1).date());
    assertEquals("Body", c.articles.get(1).title(), "title derived from the body");
  }

  @Test
  void acceptsTheDateFormsFeedsUse() throws IOException {
    Collected c = read("{\"id\":\"1\",\"published\":\"2024-03-20 23:30:00\",\"body\":\"b\"}\n"
        + "{\"id\":\"2\",\"pubDate\":\"Wed, 20 Mar 2024 23:30:00 GMT\",\"body\":\"b\"}\n"
        + "{\"id\":\"3\",\"date\":\"2024-03-20T23:30:00.250+05:30\",\"body\":\"b\"}\n"
        + "{\"id\":\"4\",\"pubDate\":\"Fri, 30 Feb 2024 10:00:00 GMT\",\"body\":\"b\"}\n");
    assertEquals(List.of("1", "2", "3"), c.articles.stream().map(Article::id).toList());
    for (Article a : c.articles) {
      assertEquals(LocalDate.of(2024, 3, 20), a.date(), a.id());
    }
    assertEquals(1, c.rejected.size());
    assertTrue(c.rejected.get(0).startsWith("feed.jsonl:4: bad date 'Fri, 30 Feb 2024"),
        c.rejected.get(0));
  }

  @Test
  void rejectsBrokenLinesByLineNumberAndKeepsTheRest() throws IOException {
    String feed = String.join("\n",
        "{\"id\":\"1\",\"body\":\"fine\"}",
        "{\"id\":\"2\",\"body\":\"unterminated",
        "",
        "[1,2,3]",
        "{\"id\":\"4\",\"date\":\"0000-00-00\",\"body\":\"x\"}",
        "{\"title\":\"no id\",\"body\":\"x\"}",
        "{\"id\":\"6\",\"title\":\"\",\"body\":\"  \"}",
        "{\"id\":\"7\",\"body\":\"ok\"} {\"id\":\"8\"}",
        "{\"id\":\"9\",\"body\":\"also fine\",\"nested\":{\"a\":{\"b\":[1,{\"c\":2}]}}}");
    Collected c = read(feed);
    assertEquals(List.of("1", "9"), c.articles.stream().map(Article::id).toList());
    assertEquals(6, c.rejected.size(), c.rejected.toString());
    assertTrue(c.rejected.get(0).startsWith("feed.jsonl:2: bad JSON"), c.rejected.get(0));
    assertTrue(c.rejected.get(1).startsWith("feed.jsonl:4: not a JSON object"));
    assertTrue(c.rejected.get(2).startsWith("feed.jsonl:5: bad date '0000-00-00'"));
    assertTrue(c.rejected.get(3).startsWith("feed.jsonl:6: no \"id\""));
    assertTrue(c.rejected.get(4).startsWith("feed.jsonl:7: empty article 6"));
    assertTrue(c.rejected.get(5).startsWith("feed.jsonl:8: more than one JSON value"));
  }

  @Test
  void rejectsOnlyTheLineWithInvalidUtf8() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"id\":\"1\",\"body\":\"ok\"}\n{\"id\":\"2\",\"body\":\"".getBytes(
        StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.writeBytes("\"}\r\n{\"id\":\"3\",\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
    Collected c = read(bytes.toByteArray());
    assertEquals(List.of("1", "3"), c.articles.stream().map(Article::id).toList());
    assertEquals(List.of("feed.jsonl:2: not valid UTF-8 text"), c.rejected);
  }

  @Test
  void rejectsDeeplyNestedJsonWithoutBlowingTheStack() throws IOException {
    String deep = "{\"id\":\"1\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    Collected c = read(deep);
    assertEquals(0, c.articles.size());
    assertEquals(1, c.rejected.size());
    assertTrue(c.rejected.get(0).contains("bad JSON"), c.rejected.get(0));
  }

  @Test
  void anArticleWithoutDateHasNone() throws IOException {
    assertNull(read("{\"id\":\"1\",\"body\":\"b\"}").articles.get(0).date());
  }
}
