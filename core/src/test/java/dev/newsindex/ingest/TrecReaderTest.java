package dev.newsindex.ingest;

import dev.newsindex.Article;
import dev.newsindex.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


class TrecReaderTest {
  static final Path GOOD = Fixtures.resource("/trec/good.sgml");
  static final Path MALFORMED = Fixtures.resource("/trec/malformed.sgml");

  static JsonLinesReaderTest.Collected read(Path file) throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    try (InputStream in = Files.newInputStream(file)) {
      new TrecReader().read(file.getFileName().toString(), in, c);
    }
    return c;
  }

  @Test
  void readsEveryDocumentWithEntitiesDecoded() throws IOException {
    JsonLinesReaderTest.Collected c = read(GOOD);
    assertEquals(List.of(), c.rejected);
    assertEquals(List.of("HBR-2024-0001", "HBR-2024-0002", "HBR-2024-0003", "HBR-2024-0004"),
        c.articles.stream().map(Article::id).toList());

    Article first = c.articles.get(0);
    assertEquals("Harbour authority & unions agree night-shift deal", first.title(),
        "headline on one line, &amp; decoded");
    assertEquals(LocalDate.of(2024, 3, 20), first.date());
    assertTrue(first.body().contains("dock unions <DKU>, ending"), first.body());
    assertTrue(first.body().contains("1\u00BD times"), first.body());
    assertEquals(2, first.body().split("\n\n").length, "the blank line separates paragraphs");
    assertEquals("PORT ELLIS, March 20 -", first.metadata().get("dateline"));

    Article second = c.articles.get(1);
    assertEquals("Fishing boats stayed in port for a third day as the storm pushed waves over the"
        + " sea wall", second.title(), "no headline: derived from the first sentence");
    assertEquals(LocalDate.of(2024, 3, 21), second.date(), "yyyyMMdd");
    assertEquals(2, second.body().split("\n\n").length, "<P> elements are paragraphs");
    assertTrue(!second.body().contains("<P>"), second.body());

    Article third = c.articles.get(2);
    assertEquals("Caf\u00E9 owners \u201Cwelcome\u201D the new pier", third.title(),
        "whole document on one line; named and numeric entities");
    assertEquals(LocalDate.of(1989, 4, 12), third.date(), "yyMMdd");
    assertTrue(third.body().startsWith("Owners of the seafront caf\u00E9s"), third.body());

    Article fourth = c.articles.get(3);
    assertNull(fourth.date(), "a free-text date is no date");
    assertEquals("Tuesday, April 2, 2024, Late Edition", fourth.metadata().get("date"));
    assertTrue(fourth.body().endsWith("part of the same article."), "every <TEXT> is body");
  }

  @Test
  void rejectsEachBrokenDocumentByLineAndKeepsTheRest() throws IOException {
    JsonLinesReaderTest.Collected c = read(MALFORMED);
    assertEquals(List.of("GOOD-5", "GOOD-8"), c.articles.stream().map(Article::id).toList());
    List<String> expected = List.of(
        "malformed.sgml:1: bad date '0000-00-00'",
        "malformed.sgml:7: no <DOCNO>",
        "malformed.sgml:11: text outside <DOC>",
        "malformed.sgml:12: not valid UTF-8 text at line 14",
        "malformed.sgml:17: <TEXT> without </TEXT> in BAD-4",
        "malformed.sgml:27: empty article BAD-6",
        "malformed.sgml:32: <DOC> without </DOC> (the next <DOC> starts at line 35)",
        "malformed.sgml:40: <DOC> without </DOC> at the end of the file");
    assertEquals(expected.size(), c.rejected.size(), c.rejected.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(c.rejected.get(i).startsWith(expected.get(i)),
          "expected " + expected.get(i) + " but got " + c.rejected.get(i));
    }
  }

  @Test
  void isRecognisedByContentAndByName() {
    assertEquals(Format.TREC, Format.detect("feed.dat", "\n<DOC>\n<DOCNO>1".getBytes())
        .orElseThrow());
    assertEquals(Format.TREC, Format.detect("la010189.sgml.gz", new byte[] {1, 2}).orElseThrow());
    assertEquals(Format.TREC, Format.of("TREC"));
  }
}
