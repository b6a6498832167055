package dev.newsindex.cli;

import dev.newsindex.Article;
import dev.newsindex.FileAccess;
import dev.newsindex.NewsIndex;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.UnsupportedRequestException;
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
        "Lines starting with a colon are commands: :next (the next page), :json / :text (the"
            + " output), :limit N, :passages N, :any, :all, :get ID, :help, and :quit (or Ctrl-D)"
            + " to leave.",
        "On a terminal: line editing, history (Up/Down, Ctrl-R; kept in ~/.newsindex_history),"
            + " and Ctrl-C clears the line being typed. Every query has the --timeout of search."})
final class ShellCommand implements Callable<Integer> {
  static final String PROMPT = "newsindex> ";
  static final String HELP = String.join("\n",
      "Type a query (words, \"phrases\", AND OR NOT, title:, source:, date:[2023-01-01 TO *] ...)",
      "or a command:",
      "  :next         the next page of the last query",
      "  :json / :text print hits as JSON / as text (now %s)",
      "  :limit N      show the top N hits (now %d)",
      "  :passages N   highlighted passages per hit, 0-10 (now %d)",
      "  :any / :all   match any term / every term (now %s)",
      "  :get ID       show the whole article with that id",
      "  :help         this text",
      "  :quit         leave (also Ctrl-D)");

  @Mixin
  IndexOption index;

  /** The starting point; {@code :limit}, {@code :passages}, {@code :any} and {@code :all} change it. */
  @Mixin
  QueryOptions query;

  @Mixin
  TimeoutOption timeout;

  /** Where the history is kept between sessions. */
  static final String HISTORY = ".newsindex_history";

  private boolean json;
  /** The last query's request and result, for {@code :next}. */
  private SearchRequest lastRequest;
  private SearchResult lastResult;

  @Spec
  CommandSpec spec;

  /** Where queries come from; standard input unless a test sets it. */
  Reader input;

  /** A terminal to read from instead, with line editing: for tests. */
  org.jline.terminal.Terminal terminal;

  @Override
  public Integer call() throws IOException {
    Defaults defaults = Defaults.fromEnvironment();
    Path dir = index.resolve(defaults);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Check the settings from the command line once, as the search command would.
    query.request("").timeout(timeout.timeout).build();
    boolean interactive = System.console() != null && input == null && terminal == null;
    try (LineInput lines = input != null ? LineInput.of(new BufferedReader(input))
        : terminal != null ? LineInput.of(terminal, null)
        : interactive ? LineInput.system(Path.of(System.getProperty("user.home"), HISTORY))
        : LineInput.of(new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8)));
        NewsIndex news = SearchCommand.openForSearch(index, defaults, err, FileAccess.MAPPED)) {
      boolean prompts = interactive || terminal != null;
      if (prompts) {
        out.println("newsindex shell on " + Defaults.display(dir) + " (" + news.size()
            + " articles). :help for commands, :quit or Ctrl-D to leave.");
      }
      TextHits hits = new TextHits(out, SearchCommand.colour(spec));
      while (true) {
        out.flush();
        String line = lines.read(prompts ? PROMPT : "");
        if (line == null) {
          if (prompts) {
            out.println();
          }
          break;
        }
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith(":") || line.equals("exit") || line.equals("quit")) {
          if (!command(line, news, hits, out, err)) {
            break;
          }
          continue;
        }
        search(news, query.request(line).timeout(timeout.timeout).build(), hits, out, err);
      }
    }
    out.flush();
    return ExitCode.OK.code;
  }

  /** Runs {@code request} and prints its hits, or the one-line reason it was refused. */
  private void search(NewsIndex news, SearchRequest request, TextHits hits, PrintWriter out,
      PrintWriter err) throws IOException {
    try {
      news.refresh();
      SearchResult result = news.search(request);
      lastRequest = request;
      lastResult = result;
      SearchCommand.warnIfTimedOut(result, err);
      if (json) {
        new JsonHits(out).document(result);
      } else {
        hits.print(result);
      }
      out.println();
    } catch (QuerySyntaxException | InvalidRequestException | UnsupportedRequestException e) {
      err.println("newsindex: " + e.getMessage());
    }
    out.flush();
    err.flush();
  }

  /** Runs a {@code :command}; returns false to leave the shell. */
  private boolean command(String line, NewsIndex news, TextHits hits, PrintWriter out,
      PrintWriter err) throws IOException {
    String[] words = line.split("\\s+", 2);
    String name = words[0].toLowerCase(Locale.ROOT);
    String arg = words.length > 1 ? words[1].strip() : "";
    switch (name) {
      case ":quit", ":q", ":exit", "exit", "quit" -> {
        return false;
      }
      case ":help", ":h", ":?" -> out.println(String.format(Locale.ROOT, HELP,
          json ? "json" : "text", query.limit.limit, query.passages.passages,
          query.any ? "any" : "all"));
      case ":next", ":n" -> {
        if (lastResult == null || lastResult.nextCursor() == null) {
          err.println("newsindex: no next page" + (lastResult == null ? "; type a query first"
              : " (the last page was shown)"));
        } else {
          search(news, lastRequest.toBuilder().cursor(lastResult.nextCursor()).build(), hits,
              out, err);
        }
      }
      case ":json" -> {
        json = true;
        out.println("printing hits as JSON");
      }
      case ":text" -> {
        json = false;
        out.println("printing hits as text");
      }
      case ":any" -> {
        query.any = true;
        out.println("matching any term");
      }
      case ":all" -> {
        query.any = false;
        out.println("matching every term");
      }
      case ":limit" -> number(arg, 1, 10_000, err).ifPresent(n -> {
        query.limit.limit = n;
        out.println("showing the top " + n);
      });
      case ":passages" -> number(arg, 0, 10, err).ifPresent(n -> {
        query.passages.passages = n;
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
}
