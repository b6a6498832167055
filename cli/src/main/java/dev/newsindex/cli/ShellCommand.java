package dev.newsindex.cli;

import dev.newsindex.Article;
import dev.newsindex.FileAccess;
import dev.newsindex.NewsIndex;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsindex shell}: an interactive prompt over one open index. Each line is a query answered
 * like {@code newsindex search} would, without paying for a JVM start and an index open per query;
 * lines starting with {@code :} change settings. The index is refreshed before each query, so
 * articles another process indexes meanwhile show up.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {
        "An interactive prompt for exploring an index: keeps it open and answers query after query"
            + " (same syntax as search) with highlighted results. Articles indexed meanwhile by"
            + " another process show up in the next answer.",
        "Lines starting with a colon are commands: :limit N, :passages N, :any, :all, :get ID,"
            + " :help, and :quit (or Ctrl-D) to leave."})
final class ShellCommand implements Callable<Integer> {
  static final String PROMPT = "newsindex> ";
  static final String HELP = String.join("\n",
      "Type a query (words, \"phrases\", AND OR NOT, title:, source:, date:[2023-01-01 TO *] ...)",
      "or a command:",
      "  :limit N      show the top N hits (now %d)",
      "  :passages N   highlighted passages per hit, 0-10 (now %d)",
      "  :any / :all   match any term / every term (now %s)",
      "  :get ID       show the whole article with that id",
      "  :help         this text",
      "  :quit         leave (also Ctrl-D)");

  @Mixin
  IndexOption index;

  @Option(names = {"-n", "--limit"}, paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_LIMIT,
      description = "How many top hits to show per query (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--passages", paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_PASSAGES,
      description = "Highlighted body passages per hit, 0-10 (default: ${DEFAULT-VALUE}).")
  int passages;

  @Option(names = "--any", description = "Match articles with any of the terms, not all.")
  boolean any;

  @Spec
  CommandSpec spec;

  /** Where queries come from; standard input unless a test sets it. */
  Reader input;

  @Override
  public Integer call() throws IOException {
    Defaults defaults = Defaults.fromEnvironment();
    Path dir = index.resolve(defaults);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Check the settings from the command line once, as the search command would.
    request("");
    boolean interactive = System.console() != null && input == null;
    BufferedReader lines = new BufferedReader(input != null ? input
        : new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (NewsIndex news = SearchCommand.openForSearch(index, defaults, err, FileAccess.MAPPED)) {
      if (interactive) {
        out.println("newsindex shell on " + Defaults.display(dir) + " (" + news.size()
            + " articles). :help for commands, :quit or Ctrl-D to leave.");
      }
      TextHits hits = new TextHits(out, Terminal.colourWanted());
      while (true) {
        if (interactive) {
          out.print(PROMPT);
        }
        out.flush();
        String line = lines.readLine();
        if (line == null) {
          if (interactive) {
            out.println();
          }
          break;
        }
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith(":") || line.equals("exit") || line.equals("quit")) {
          if (!command(line, news, out, err)) {
            break;
          }
          continue;
        }
        try {
          news.refresh();
          SearchResult result = news.search(request(line));
          hits.print(result);
          out.println();
        } catch (QuerySyntaxException e) {
          err.println("newsindex: " + e.getMessage());
          err.flush();
        }
      }
    }
    out.flush();
    return ExitCode.OK.code;
  }

  /** Runs a {@code :command}; returns false to leave the shell. */
  private boolean command(String line, NewsIndex news, PrintWriter out, PrintWriter err)
      throws IOException {
    String[] words = line.split("\\s+", 2);
    String name = words[0].toLowerCase(Locale.ROOT);
    String arg = words.length > 1 ? words[1].strip() : "";
    switch (name) {
      case ":quit", ":q", ":exit", "exit", "quit" -> {
        return false;
      }
      case ":help", ":h", ":?" -> out.println(String.format(Locale.ROOT, HELP, limit, passages,
          any ? "any" : "all"));
      case ":any" -> {
        any = true;
        out.println("matching any term");
      }
      case ":all" -> {
        any = false;
        out.println("matching every term");
      }
      case ":limit" -> number(arg, 1, 10_000, err).ifPresent(n -> {
        limit = n;
        out.println("showing the top " + n);
      });
      case ":passages" -> number(arg, 0, 10, err).ifPresent(n -> {
        passages = n;
        out.println(n + " passages per hit");
      });
      case ":get" -> {
        news.refresh();
        Optional<Article> article = arg.isEmpty() ? Optional.empty() : news.get(arg);
        if (article.isEmpty()) {
          err.println("newsindex: no article with id '" + arg + "'");
        } else {
          Article a = article.get();
          out.println(a.title());
          out.println((a.date() == null ? "(no date)" : a.date().toString())
              + (a.source().isEmpty() ? "" : " | " + a.source()) + " | id " + a.id());
          if (!a.url().isEmpty()) {
            out.println(a.url());
          }
          out.println();
          out.println(a.body());
        }
      }
      default -> err.println("newsindex: unknown command " + name + "; :help lists them");
    }
    out.flush();
    err.flush();
    return true;
  }

  private static Optional<Integer> number(String arg, int min, int max, PrintWriter err) {
    try {
      int n = Integer.parseInt(arg);
      if (n >= min && n <= max) {
        return Optional.of(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    err.println("newsindex: expected a number from " + min + " to " + max + ", not '" + arg + "'");
    return Optional.empty();
  }

  private SearchRequest request(String query) {
    return SearchRequest.builder(query).limit(limit).matchAll(!any).passages(passages).build();
  }
}
