package dev.newsindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class cache ({@code scripts/launch.sh}): runs the
 * commands people run most on a small temporary index, printing nothing, so that the JVM records
 * which classes a real run loads (JDK 25+: {@code -XX:AOTCacheOutput}; JDK 21-24: {@code
 * -XX:ArchiveClassesAtExit}). Not a command users call.
 */
public final class CacheTraining {
  private static final Logger LUCENE_LOGGER = Logger.getLogger("org.apache.lucene");

  private CacheTraining() {}

  /**
   * A few hundred made-up articles with a few thousand distinct words: a terms dictionary large
   * enough that reading it takes the paths a real index does (a handful of articles does not).
   */
  private static String manyArticles() {
    String[] syllables = {"ka", "lo", "mi", "ren", "tas", "vo", "quel", "dri", "sun", "pax"};
    StringBuilder json = new StringBuilder();
    long seed = 42;
    for (int i = 0; i < 300; i++) {
      StringBuilder body = new StringBuilder("The harbour storm report");
      for (int w = 0; w < 40; w++) {
        body.append(w % 12 == 11 ? ". " : " ");
        for (int k = 0; k < 3; k++) {
          seed = seed * 6364136223846793005L + 1442695040888963407L;
          body.append(syllables[(int) ((seed >>> 33) % syllables.length)]);
        }
      }
      json.append("{\"id\":\"m").append(i).append("\",\"title\":\"Report ").append(i)
          .append("\",\"date\":\"2024-0").append(1 + i % 9).append("-1").append(i % 10)
          .append("\",\"source\":\"Wire ").append(i % 7).append("\",\"body\":\"")
          .append(body).append(".\"}\n");
    }
    return json.toString();
  }

  /**
   * Indexes the training articles in a child JVM, so that the classes only indexing needs stay out
   * of the cache: {@code index} runs without it (see scripts/launch.sh), and every class in the
   * cache costs every start a little (the JVM maps, relocates and loads them all).
   */
  private static void indexInAnotherJvm(String index, String articles)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), NewsCli.class.getName(), "index", "--index", index,
        articles)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int code = p.waitFor();
    if (code != 0) {
      throw new IOException("indexing the training articles failed (exit code " + code + ")");
    }
  }

  /**
   * Runs the training commands on a temporary index and deletes it.
   *
   * @param args ignored
   * @throws IOException when the temporary index cannot be written
   */
  public static void main(String[] args) throws IOException {
    LUCENE_LOGGER.setLevel(Level.OFF);
    Path dir = Files.createTempDirectory("newsindex-training");
    try {
      Path articles = Files.createDirectories(dir.resolve("articles"));
      Files.writeString(articles.resolve("feed.jsonl"), String.join("\n",
          "{\"id\":\"t1\",\"title\":\"Storm closes the harbour\",\"date\":\"2024-03-02\","
              + "\"source\":\"Training Wire\",\"url\":\"https://example.org/t1\",\"body\":\"A winter"
              + " storm closed the harbour. Ferries stayed in port.\\n\\nThe port reopened on"
              + " Monday.\"}",
          "{\"id\":\"t2\",\"headline\":\"Fish prices climb\",\"published\":\"2024-03-04T08:00:00Z\","
              + "\"content\":\"Fish prices rose as boats sat out the storm.\",\"category\":\"markets\"}",
          ""), StandardCharsets.UTF_8);
      Files.writeString(articles.resolve("menafn.txt"), " date 2023-11-16 (MENAFN) Officials"
          + " discussed a tailored deterrence strategy on Thursday.\n\nThe talks will continue next"
          + " month.\n\nMENAFN16112023000045ID1107439109\n", StandardCharsets.UTF_8);
      Files.writeString(articles.resolve("many.jsonl"), manyArticles(), StandardCharsets.UTF_8);
      String index = dir.resolve("index").toString();
      indexInAnotherJvm(index, articles.toString());
      List<String[]> runs = List.of(
          new String[] {"search", "--index", index, "harbour storm"},
          new String[] {"search", "--index", index, "--json", "--limit", "3", "storm"},
          new String[] {"search", "--index", index, "--any", "\"deterrence strategy\" OR fish*"},
          new String[] {"search", "--index", index, "source:\"Training Wire\" AND"
              + " date:[2024-01-01 TO *]"},
          new String[] {"search", "--index", index, "zebra"},
          new String[] {"search", "--index", index, "--sort", "newest", "--since", "2024", "storm"},
          new String[] {"search", "--index", index, "bad (query"},
          new String[] {"--help"},
          new String[] {"search", "--help"},
          new String[] {"--version"});
      for (String[] run : runs) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        NewsCli.run(sink, sink, run);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing the training articles", e);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
