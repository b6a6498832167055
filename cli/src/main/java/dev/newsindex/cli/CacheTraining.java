package dev.newsindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The training run behind the launcher's class cache ({@code scripts/launch.sh}): runs the
 * commands people run most on a small index of its own, printing nothing, so that the JVM records
 * which classes a real run loads (JDK 25+: {@code -XX:AOTCacheOutput}; JDK 21-24: {@code
 * -XX:ArchiveClassesAtExit}). Every class the cache holds costs every start a little (the JVM
 * maps, relocates and loads them all), and a path the training does not take is linked cold.
 * So the launcher runs it twice: {@code --prepare HOME} in a JVM of its own writes the training
 * articles and indexes them, in a newsindex home of their own; then the recorded JVM, started
 * with that home as {@code newsindex.home}, only searches, most of them plain {@code search
 * WORDS} of the default index, as a user does, in every language the articles hold. Not a command
 * users call.
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

  /** One article in {@code lang} (an index of several languages analyses a query in each). */
  private static String article(String id, String lang, String title, String body) {
    return "{\"id\":\"" + id + "\",\"lang\":\"" + lang + "\",\"title\":\"" + title
        + "\",\"date\":\"2024-03-05\",\"source\":\"Training Wire\",\"body\":\"" + body
        + "\"}";
  }

  /**
   * Writes the training articles under {@code home} (as the bundled ones lie in a newsindex home)
   * and indexes them into its default index.
   */
  private static void prepare(Path home) throws IOException {
    Path articles = Files.createDirectories(home.resolve("index-data").resolve("articles"));
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
    Files.writeString(articles.resolve("languages.jsonl"), String.join("\n",
        article("l1", "fr", "La tempête ferme le port", "Une tempête d'hiver a fermé le port de"
            + " l'île. Les ferries sont restés à quai."),
        article("l2", "de", "Sturm schließt den Hafen", "Ein Wintersturm hat den Hafen"
            + " geschlossen. Der Bahnstreik dauert an."),
        article("l3", "es", "La tormenta cierra el puerto", "Una tormenta de invierno cerró el"
            + " puerto. Los transbordadores se quedaron en el muelle."),
        article("l4", "ar", "العاصفة تغلق الميناء", "أغلقت العاصفة الشتوية الميناء. بقيت العبارات"
            + " في الرصيف."),
        ""), StandardCharsets.UTF_8);
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int code = NewsCli.run(sink, sink, "index", "--quiet", "--index",
        home.resolve("index-data").resolve("index").toString(), articles.toString());
    if (code != ExitCode.OK.code) {
      throw new IOException("indexing the training articles failed (exit code " + code + ")");
    }
  }

  /**
   * {@code --prepare HOME}: writes and indexes the training articles in {@code HOME}. With no
   * argument: runs the training commands on the default index, which must be one that {@code
   * --prepare} made ({@code newsindex.home} names its home, {@code NEWSINDEX_INDEX} is unset).
   *
   * @param args {@code --prepare HOME}, or nothing
   * @throws IOException when the training articles cannot be written or indexed
   */
  public static void main(String[] args) throws IOException {
    LUCENE_LOGGER.setLevel(Level.OFF);
    if (args.length == 2 && args[0].equals("--prepare")) {
      prepare(Path.of(args[1]));
      return;
    }
    String index = System.getenv("NEWSINDEX_INDEX");
    if (args.length != 0 || index != null && !index.isBlank()) {
      throw new IllegalArgumentException("usage: CacheTraining [--prepare HOME], with"
          + " NEWSINDEX_INDEX unset and newsindex.home naming a prepared HOME");
    }
    String home = Defaults.fromEnvironment().home().toString();
    List<String[]> runs = List.of(
        // Plain searches of the default index (no option: SearchCommand.plain), as most are.
        new String[] {"search", "harbour", "storm"},
        new String[] {"search", "deterrence", "strategy"},
        new String[] {"search", "tempête"},
        new String[] {"search", "zebra"},
        // And through picocli's model, with the options people use most.
        new String[] {"search", "--limit", "10", "harbour", "storm"},
        new String[] {"search", "--index", Path.of(home, "index-data", "index").toString(),
            "--json", "--limit", "3", "storm"},
        new String[] {"search", "--any", "\"deterrence strategy\" OR fish*"},
        new String[] {"search", "source:\"Training Wire\" AND date:[2024-01-01 TO *]"},
        new String[] {"search", "--sort", "newest", "--since", "2024", "storm"},
        new String[] {"search", "bad (query"},
        new String[] {"--help"},
        new String[] {"search", "--help"},
        new String[] {"--version"});
    for (String[] run : runs) {
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      NewsCli.run(sink, sink, run);
    }
  }
}
