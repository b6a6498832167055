package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader holds a bounded amount per record: small gzips that expand to 200 MiB of newlines
 * and to one 100 MiB line are read by each reader in a child JVM with a 48 MB heap, which ends
 * normally, each file skipped with a reason.
 */
class BoundedMemoryTest {
  @TempDir Path dir;

  private static Path gzip(Path file, byte fill, int mebibytes) throws IOException {
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, fill);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = 0; i < mebibytes; i++) {
        out.write(block);
      }
    }
    return file;
  }

  @Test
  void eachReaderReadsHugeRecordsWithASmallHeap() throws Exception {
    Path newlines = gzip(dir.resolve("newlines.gz"), (byte) '\n', 200);
    Path line = gzip(dir.resolve("line.gz"), (byte) 'x', 100);
    assertTrue(Files.size(newlines) < 1 << 20 && Files.size(line) < 1 << 20);
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child = new ProcessBuilder(java, "-Xmx48m", "-cp",
        System.getProperty("java.class.path"), Child.class.getName(), newlines.toString(),
        line.toString())
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), out);
    assertEquals(0, child.exitValue(), out);
    List<String> lines = out.lines().filter(l -> l.startsWith("read ")).toList();
    assertEquals(2 * Format.values().length, lines.size(), out);
    for (String l : lines) {
      assertTrue(l.endsWith(" 0 articles, 1 skipped"), out);
    }
  }

  /** Reads each file given with each reader, one line per pair. */
  public static final class Child {
    private Child() {}

    /**
     * Reads the files.
     *
     * @param args the files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
      for (Format format : Format.values()) {
        for (String file : args) {
          List<String> skipped = new ArrayList<>();
          long[] articles = {0};
          Ingest.readFile(Path.of(file), format, new ArticleHandler() {
            @Override
            public void article(Article article, Origin origin) {
              articles[0]++;
            }

            @Override
            public void rejected(Origin origin, String reason) {
              skipped.add(reason);
            }
          });
          System.out.println("read " + format.label() + " " + Path.of(file).getFileName() + ": "
              + articles[0] + " articles, " + skipped.size() + " skipped");
          System.out.println("  " + skipped);
        }
      }
    }
  }
}
