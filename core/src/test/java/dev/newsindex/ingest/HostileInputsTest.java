package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory walks, line ends and patterns that hostile or unusual input brings. */
class HostileInputsTest {
  @TempDir Path dir;

  private static String jsonl(String id) {
    return "{\"id\":\"" + id + "\",\"title\":\"T " + id + "\",\"body\":\"Body " + id + "\"}\n";
  }

  private static List<String> problems(List<Ingest.Source> sources) {
    return sources.stream().filter(s -> s.problem() != null)
        .map(s -> s.path().getFileName() + ": " + s.problem()).toList();
  }

  private static List<String> ids(JsonLinesReaderTest.Collected c) {
    return c.articles.stream().map(Article::id).toList();
  }

  @Test
  void aSymlinkLoopIsFollowedOnceAndReported() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("feeds/sub"));
    Files.writeString(dir.resolve("feeds/a.jsonl"), jsonl("a"));
    Files.writeString(sub.resolve("b.jsonl"), jsonl("b"));
    Files.createSymbolicLink(sub.resolve("up"), dir.resolve("feeds"));
    Files.createSymbolicLink(dir.resolve("feeds/zz-again"), sub);
    List<Ingest.Source> sources = Ingest.resolve(List.of(dir.resolve("feeds")));
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.read(sources, null, InputStream.nullInputStream(), c);
    assertEquals(List.of("a", "b"), ids(c), "each real directory is read once");
    assertEquals(2, c.rejected.size(), c.rejected.toString());
    assertEquals(List.of("up: the directory " + dir.resolve("feeds").toRealPath()
        + ", already read by another path (a symbolic link); skipped, each directory is read once",
        "zz-again: the directory " + sub.toRealPath() + ", already read by another path (a"
        + " symbolic link); skipped, each directory is read once"), problems(sources));
  }

  @Test
  void aFifoInADirectoryIsNeverOpened() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("a.jsonl"), jsonl("a"));
    Path fifo = dir.resolve("pipe.jsonl");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a FIFO");
    List<Ingest.Source> sources = Ingest.resolve(List.of(dir));
    assertEquals(List.of("pipe.jsonl: not a regular file (a FIFO, socket or device); skipped"),
        problems(sources));
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.read(sources, null, InputStream.nullInputStream(), c);
    assertEquals(List.of("a"), ids(c));
  }

  @Test
  void anUnreadableSubdirectoryIsSkippedAndTheWalkGoesOn() throws IOException {
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
        "running as root, who can list any directory: permissions cannot make one unreadable");
    Path locked = Files.createDirectories(dir.resolve("b-locked"));
    Files.writeString(locked.resolve("x.jsonl"), jsonl("x"));
    Files.writeString(dir.resolve("a.jsonl"), jsonl("a"));
    Files.writeString(dir.resolve("c.jsonl"), jsonl("c"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      List<Ingest.Source> sources = Ingest.resolve(List.of(dir));
      assertEquals(List.of("b-locked: cannot list the directory (permission denied); skipped"),
          problems(sources));
      JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
      Ingest.read(sources, null, InputStream.nullInputStream(), c);
      assertEquals(List.of("a", "c"), ids(c));
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void loneCarriageReturnsEndJsonLines() throws IOException {
    String text = jsonl("a").strip() + "\r" + jsonl("b").strip() + "\r\r" + jsonl("c").strip()
        + "\r\n" + jsonl("d");
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    new JsonLinesReader().read("cr.jsonl",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), c);
    assertEquals(List.of(), c.rejected);
    assertEquals(List.of("a", "b", "c", "d"), ids(c));
  }

  @Test
  void aCarriageReturnAcrossTheReadBufferIsOneLineEnd() throws IOException {
    // 65,535 bytes then \r: the \n of the \r\n is the first byte of the next 64 KiB buffer.
    String first = "{\"id\":\"a\",\"title\":\"T\",\"body\":\"";
    String line = first + "x".repeat(65_535 - first.length() - 2) + "\"}";
    String text = line + "\r\n" + jsonl("b");
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    new JsonLinesReader().read("cr.jsonl",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), c);
    assertEquals(List.of(), c.rejected);
    assertEquals(List.of("a", "b"), ids(c));
  }

  @Test
  void loneCarriageReturnsEndMenafnLines() {
    Article a = MenafnTextReader.parse(" date 2023-11-16 (MENAFN) First paragraph.\r\rSecond"
        + " paragraph.\r\rMENAFN16112023000045015687ID1107439109\r");
    assertEquals("1107439109", a.id());
    assertEquals("First paragraph.\n\nSecond paragraph.", a.body());
  }

  @Test
  void aMalformedGlobIsOneLineNamingThePattern() {
    String pattern = dir.resolve("feeds/[abc").toString();
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> Ingest.resolve(List.of(Path.of(pattern))));
    assertEquals("malformed glob pattern '" + pattern + "': Missing ']", e.getMessage()
        .replaceFirst(" at character \\d+$", ""));
  }

  @Test
  void aHugeGlobIsRefusedBeforeAnyMatching() throws IOException {
    Files.writeString(dir.resolve("a".repeat(200)), jsonl("a"));
    String pattern = dir + "/" + "a*".repeat(5_000);
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> Ingest.resolve(List.of(Path.of(pattern))));
    assertTrue(e.getMessage().matches("glob pattern '.{80}\u2026' is \\d+ characters long; the"
        + " limit is 1024"), e.getMessage());
    String many = dir + "/" + "a*".repeat(20);
    e = assertThrows(InvalidRequestException.class, () -> Ingest.resolve(List.of(Path.of(many))));
    assertTrue(e.getMessage().endsWith("has more than 16 wildcards (* and ?)"), e.getMessage());
  }

  @Test
  void aTrecDocumentOfManyUnclosedTagsIsParsedInOnePass() throws IOException {
    // 600,000 tags that never close (and "<D>"s, and "<a" runs without '>'): each used to be
    // matched against the rest of the document, so this took hours; now it is one pass.
    StringBuilder doc = new StringBuilder("<DOC>\n<DOCNO> MANY-1 </DOCNO>\n<TOPICS>");
    doc.append("<D>".repeat(100_000)).append("<D>gold</D></TOPICS>\n<TEXT>\n");
    doc.append("<a>".repeat(200_000)).append("\n").append("<p x".repeat(100_000)).append("\n");
    doc.append("<a<a".repeat(100_000)).append("\nThe end.\n</TEXT>\n</DOC>\n");
    doc.append("<DOC></DOC>".repeat(50_000)).append('\n');
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    new TrecReader().read("many.sgml",
        new ByteArrayInputStream(doc.toString().getBytes(StandardCharsets.UTF_8)), c);
    assertEquals(List.of("MANY-1"), ids(c));
    assertEquals(List.of("gold"), c.articles.get(0).topics());
    assertTrue(c.articles.get(0).body().endsWith("The end."), "the text after the tags is kept");
    assertEquals(50_000, c.rejected.size(), "each empty <DOC> is one rejection");
  }
}
