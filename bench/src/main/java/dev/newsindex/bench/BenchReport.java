package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a benchmark's figures as a Markdown page for {@code docs/benchmarks/}: a header saying
 * where and how they were made (machine, JDK, date, corpus, command), then one table. The page
 * holds what the run measured and nothing else.
 */
final class BenchReport {
  private BenchReport() {}

  /**
   * The options of a benchmark over the news corpora: {@code [--corpora DIR] [--rounds N]
   * [--markdown FILE]} ({@code ../shared/corpora} by default; no page unless {@code --markdown}).
   */
  record Options(Path corpora, int rounds, Path markdown) {
    static Options parse(String[] args, String bench, int rounds) {
      Path corpora = Path.of("../shared/corpora");
      Path markdown = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--corpora" -> corpora = Path.of(args[++i]);
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--markdown" -> markdown = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("usage: " + bench
              + " [--corpora DIR] [--rounds N] [--markdown FILE]");
        }
      }
      return new Options(corpora, rounds, markdown);
    }
  }

  /**
   * The corpora under {@code corpora} by name (the directories holding a {@code docs.jsonl}), for
   * a page's header: where they sit on the machine that ran the benchmark says nothing to a reader.
   */
  static String corpusNames(Path corpora) throws IOException {
    try (Stream<Path> s = Files.walk(corpora)) {
      return String.join(", ", s.filter(p -> p.getFileName().toString().equals("docs.jsonl"))
          .map(p -> corpora.relativize(p.getParent()).toString()).sorted().toList())
          + " (each a docs.jsonl in its own directory under --corpora DIR; each corpus's"
          + " SOURCE.md says where to get it)";
    }
  }

  /** Every article of every {@code docs.jsonl} under {@code corpora}, in file order. */
  static List<Article> articles(Path corpora) throws IOException {
    List<Article> articles = new ArrayList<>();
    try (Stream<Path> s = Files.walk(corpora)) {
      for (Path f : s.filter(p -> p.getFileName().toString().equals("docs.jsonl")).sorted()
          .toList()) {
        articles.addAll(read(f));
      }
    }
    return articles;
  }

  /** The articles of {@code file} (any format newsindex reads), in order; rejected ones left out. */
  static List<Article> read(Path file) throws IOException {
    List<Article> articles = new ArrayList<>();
    Ingest.readFile(file, new ArticleHandler() {
      @Override
      public void article(Article a, Origin origin) {
        articles.add(a);
      }

      @Override
      public void rejected(Origin origin, String reason) {}
    });
    return articles;
  }

  /**
   * Writes {@code file}: {@code title}, the header, {@code note} (one paragraph on what the table
   * shows, or empty) and the table of {@code headers} and {@code rows}.
   */
  static void write(Path file, String title, String corpus, String command, String note,
      List<String> headers, List<List<String>> rows) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getTotalMemorySize();
    md.append("- machine: ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.arch")).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" processors, ")
        .append(memory >> 30).append(" GiB\n");
    md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(Runtime.version()).append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20).append(" MB\n");
    md.append("- date: ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
    md.append("- corpus: ").append(corpus).append('\n');
    md.append("- command: `").append(command).append("`\n\n");
    if (!note.isEmpty()) {
      md.append(note).append("\n\n");
    }
    md.append("| ").append(String.join(" | ", headers)).append(" |\n");
    md.append("|").append(" --- |".repeat(headers.size())).append('\n');
    for (List<String> row : rows) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, md, StandardCharsets.UTF_8);
  }
}
