package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MenafnTextReaderTest {
  static final Path SEED = Path.of("..", "seeds", "000_5f663ed9bf04bd27.txt");

  @Test
  void readsEveryFieldOfTheSeedArticle() throws IOException {
    Article a = MenafnTextReader.parse(Files.readString(SEED));
    assertEquals("1107439109", a.id());
    assertEquals(LocalDate.of(2023, 11, 16), a.date());
    assertEquals("MENAFN", a.source());
    assertEquals("", a.url());
    assertTrue(a.body().startsWith("Tensions between North Korea"), a.body());
    assertTrue(a.body().endsWith("a full-blown crisis on the Korean peninsula."), a.body());
    assertFalse(a.body().contains("date 2023"), "header left in body");
    assertFalse(a.body().contains("MENAFN16112023"), "trailer left in body");
    // Four paragraphs, each separated by exactly one blank line.
    assertEquals(4, a.body().split("\n\n").length);
    assertFalse(a.body().contains("\n\n\n"));
  }

  @Test
  void derivesTheTitleFromTheFirstSentenceCutAtAWord() throws IOException {
    Article a = MenafnTextReader.parse(Files.readString(SEED));
    assertEquals("Tensions between North Korea and the United States have escalated as Pyongyang"
        + " issues a stern\u2026", a.title());
  }

  @Test
  void takesTheDateFromTheTrailerWhenTheHeaderDisagreesNot() {
    Article a = MenafnTextReader.parse(
        " date 2024-01-05 (Gulf Wire) Short text. More text.\n\nMENAFN06012024000045012345ID42");
    assertEquals(LocalDate.of(2024, 1, 5), a.date(), "the header date wins");
    assertEquals("Gulf Wire", a.source());
    assertEquals("42", a.id());
    assertEquals("Short text", a.title());
  }

  @Test
  void rejectsAnImpossibleDateWithAReason() {
    RejectedRecordException e = assertThrows(RejectedRecordException.class,
        () -> MenafnTextReader.parse(" date 2023-02-30 (X) Text.\n\nMENAFN30022023000045ID7"));
    assertTrue(e.getMessage().contains("bad date '2023-02-30'"), e.getMessage());
  }

  @Test
  void rejectsAnEmptyArticle() {
    RejectedRecordException e = assertThrows(RejectedRecordException.class,
        () -> MenafnTextReader.parse(" date 2023-02-03 (X)\n\n\n\nMENAFN03022023000045ID7"));
    assertTrue(e.getMessage().startsWith("empty article"), e.getMessage());
  }

  @Test
  void rejectsAnArticleWithoutTrailer() {
    RejectedRecordException e = assertThrows(RejectedRecordException.class,
        () -> MenafnTextReader.parse(" date 2023-02-03 (X) Some text without an id."));
    assertTrue(e.getMessage().contains("trailer"), e.getMessage());
  }

  @Test
  void rejectsTextWithoutHeader() {
    RejectedRecordException e = assertThrows(RejectedRecordException.class,
        () -> MenafnTextReader.parse("Just some text.\n\nMENAFN03022023000045ID7"));
    assertTrue(e.getMessage().contains("header"), e.getMessage());
  }

  @Test
  void keepsWindowsLineEndingsOutOfTheBody() {
    Article a = MenafnTextReader.parse(
        " date 2024-01-05 (X) One.\r\n\r\n\r\nTwo.\r\n\r\nMENAFN05012024000045012345ID9");
    assertEquals("One.\n\nTwo.", a.body());
  }
}
