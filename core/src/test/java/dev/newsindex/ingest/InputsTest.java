package dev.newsindex.ingest;

import dev.newsindex.Article;
import dev.newsindex.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Inputs as users give them: compressed, by pattern, on stdin, hostile. */
class InputsTest {
  static final Path MALFORMED = Fixtures.resource("/malformed");

  @TempDir Path dir;

  static String jsonl(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append("{\"id\":\"a").append(i).append("\",\"title\":\"Article ").append(i)
          .append("\",\"body\":\"Body of article ").append(i).append(".\"}\n");
    }
    return sb.toString();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  static JsonLinesReaderTest.Collected read(List<Path> inputs, Format format, InputStream stdin)
      throws IOException {
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.read(Ingest.resolve(inputs), format, stdin, c);
    return c;
  }

  @Test
  void readsGzipByItsMagicBytesWhateverTheName() throws IOException {
    Files.write(dir.resolve("feed.jsonl.gz"), gzip(jsonl(0, 3).getBytes(StandardCharsets.UTF_8)));
    Files.write(dir.resolve("trec.data"), gzip(Files.readAllBytes(TrecReaderTest.GOOD)));
    JsonLinesReaderTest.Collected c = read(List.of(dir), null, InputStream.nullInputStream());
    assertEquals(List.of(), c.rejected);
    assertEquals(List.of("a0", "a1", "a2", "HBR-2024-0001", "HBR-2024-0002", "HBR-2024-0003",
        "HBR-2024-0004"), c.articles.stream().map(Article::id).toList());
  }

  @Test
  void aTruncatedGzipKeepsWhatWasReadAndSaysSo() throws IOException {
    byte[] whole = gzip(jsonl(0, 5000).getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));
    Files.write(dir.resolve("next.jsonl"), jsonl(9000, 9001).getBytes(StandardCharsets.UTF_8));
    JsonLinesReaderTest.Collected c = read(List.of(dir), null, InputStream.nullInputStream());
    long kept = c.articles.stream().filter(a -> !a.id().equals("a9000")).count();
    assertTrue(kept > 100 && kept < 5000, "some articles before the cut: " + kept);
    assertEquals("a9000", c.articles.get(c.articles.size() - 1).id(), "the next file is read");
    assertEquals(1, c.rejected.size(), c.rejected.toString());
    String r = c.rejected.get(0);
    assertTrue(r.contains("cut.jsonl.gz") && r.contains("truncated or corrupt compressed data")
        && r.contains("the " + kept + " articles read before it are kept"), r);
  }

  @Test
  void expandsGlobPatternsInNameOrder() throws IOException {
    Files.createDirectories(dir.resolve("2024/03"));
    Files.createDirectories(dir.resolve("2024/04"));
    Files.writeString(dir.resolve("2024/03/b.jsonl"), jsonl(2, 3));
    Files.writeString(dir.resolve("2024/03/a.jsonl"), jsonl(1, 2));
    Files.writeString(dir.resolve("2024/04/c.jsonl"), jsonl(3, 4));
    Files.writeString(dir.resolve("2024/04/notes.txt"), "not news");
    JsonLinesReaderTest.Collected deep = read(List.of(Path.of(dir + "/**/*.jsonl")), null,
        InputStream.nullInputStream());
    assertEquals(List.of("a1", "a2", "a3"), deep.articles.stream().map(Article::id).toList());
    JsonLinesReaderTest.Collected one = read(List.of(Path.of(dir + "/2024/0[3]/*.jsonl")), null,
        InputStream.nullInputStream());
    assertEquals(List.of("a1", "a2"), one.articles.stream().map(Article::id).toList());
    JsonLinesReaderTest.Collected none = read(List.of(Path.of(dir + "/*.xml")), null,
        InputStream.nullInputStream());
    assertEquals(List.of(dir + "/*.xml: no files match this pattern"), none.rejected);
  }

  @Test
  void readsStandardInputAsDashInAnyFormat() throws IOException {
    byte[] trec = gzip(Files.readAllBytes(TrecReaderTest.GOOD));
    JsonLinesReaderTest.Collected c = read(List.of(Path.of("-")), null,
        new ByteArrayInputStream(trec));
    assertEquals(4, c.articles.size(), c.rejected.toString());
    JsonLinesReaderTest.Collected forced = read(List.of(Path.of("-")), Format.JSONL,
        new ByteArrayInputStream("{\"id\":\"s\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("s", forced.articles.get(0).id());
  }

  @Test
  void aForcedFormatOverridesDetection() throws IOException {
    Path odd = dir.resolve("articles.txt");
    Files.copy(TrecReaderTest.GOOD, odd);
    assertEquals(4, read(List.of(odd), null, InputStream.nullInputStream()).articles.size());
    JsonLinesReaderTest.Collected asJson = read(List.of(odd), Format.JSONL,
        InputStream.nullInputStream());
    assertEquals(0, asJson.articles.size());
    assertTrue(asJson.rejected.get(0).startsWith(odd + ":1: "), asJson.rejected.get(0));
  }

  @Test
  void aHundredMegabyteLineIsSkippedWithoutHoldingIt() throws IOException {
    long huge = 100L << 20;
    byte[] head = "{\"id\":\"big\",\"body\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\"}\n" + jsonl(0, 1)).getBytes(StandardCharsets.UTF_8);
    InputStream stream = new InputStream() {
      long pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long total = head.length + huge + tail.length;
        if (pos >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - pos);
        for (int i = 0; i < n; i++, pos++) {
          b[off + i] = pos < head.length ? head[(int) pos]
              : pos < head.length + huge ? (byte) 'x' : tail[(int) (pos - head.length - huge)];
        }
        return n;
      }
    };
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    new JsonLinesReader().read("huge.jsonl", stream, c);
    assertEquals(List.of("a0"), c.articles.stream().map(Article::id).toList());
    assertEquals(1, c.rejected.size());
    assertTrue(c.rejected.get(0).startsWith("huge.jsonl:1: line of 100.0 MiB is longer than the"
        + " limit of 16.0 MiB"), c.rejected.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      archive.jsonl   | 0 | 1 | binary file
      bad-date.txt    | 0 | 1 | bad date '2024-02-30'
      bom.jsonl       | 1 | 0 |
      mixed.jsonl     | 2 | 3 | bad date '0000-00-00'
      truncated.sgml  | 0 | 1 | <DOC> without </DOC> at the end of the file
      """)
  void malformedFilesAreReportedAndNeverStopTheRun(String file, int articles, int rejected,
      String firstReason) throws IOException {
    Path path = MALFORMED.resolve(file);
    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.readFile(path, c);
    assertEquals(articles, c.articles.size(), c.articles.toString());
    assertEquals(rejected, c.rejected.size(), c.rejected.toString());
    if (firstReason != null) {
      assertTrue(c.rejected.get(0).startsWith(path.toString()) && c.rejected.get(0)
          .contains(firstReason), c.rejected.get(0));
    }
  }
}
