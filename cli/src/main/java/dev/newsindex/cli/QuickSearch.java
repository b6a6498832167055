package dev.newsindex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up fast path of the most common command: a {@code newsindex search} whose arguments
 * are only query words and the simplest options is read here, without building picocli's model
 * (its reflection over the command's annotations was about a third of a cold search's time).
 * Anything else goes to picocli, which stays the one definition of the options, their help and
 * their errors: this reader only understands arguments it reads exactly as picocli would, and
 * QuickSearchTest checks that, for each form it takes, both give the same {@link SearchCommand}.
 *
 * <p>Taken here: words not starting with {@code -} or {@code @} (picocli reads {@code @FILE} as an
 * argument file), and once each {@code -i}/{@code --index DIR}, {@code -n}/{@code --limit N},
 * {@code --json}, {@code --ndjson}, {@code --any}, {@code --verbose} ({@code --index=DIR} and
 * {@code --limit=N} too). A second use of an option, a value that is not plain, or anything else
 * (help, filters, sorting, paging, facets...) is left to picocli.
 */
final class QuickSearch {
  private QuickSearch() {}

  /** A search read from the arguments, and whether {@code --verbose} was among them. */
  record Parsed(SearchCommand command, boolean verbose) {}

  /**
   * Runs {@code args} when they are a search this reader takes, returning its exit code; null when
   * they are not (then picocli runs them).
   */
  static Integer run(PrintWriter out, PrintWriter err, String... args) {
    Parsed parsed = parse(args);
    if (parsed == null) {
      return null;
    }
    StartupTrace.mark("args");
    try {
      return parsed.command().run(out, err);
    } catch (Exception e) {
      return NewsCli.report(e, err, parsed.verbose());
    }
  }

  /** The search {@code args} ask for, or null when picocli must read them. */
  static Parsed parse(String... args) {
    if (args.length < 2 || !args[0].equals("search")) {
      return null;
    }
    SearchCommand search = new SearchCommand();
    List<String> words = new ArrayList<>();
    boolean index = false;
    boolean limit = false;
    boolean verbose = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        if (arg.startsWith("@")) {
          return null;
        }
        words.add(arg);
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "-i", "--index", "-n", "--limit" -> {
          if (value == null) {
            if (arg.length() != name.length() || i + 1 >= args.length) {
              return null;
            }
            value = args[++i];
          }
          if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
            return null;
          }
          if (name.equals("-i") || name.equals("--index")) {
            if (index) {
              return null;
            }
            index = true;
            search.index.index = Path.of(value);
          } else {
            if (limit || !plainNumber(value)) {
              return null;
            }
            limit = true;
            search.limit = Integer.parseInt(value);
          }
        }
        case "--json", "--ndjson", "--any", "--verbose" -> {
          if (value != null) {
            return null;
          }
          boolean again;
          switch (name) {
            case "--json" -> {
              again = search.output.json;
              search.output.json = true;
            }
            case "--ndjson" -> {
              again = search.output.ndjson;
              search.output.ndjson = true;
            }
            case "--any" -> {
              again = search.any;
              search.any = true;
            }
            default -> {
              again = verbose;
              verbose = true;
            }
          }
          if (again) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (words.isEmpty() || (search.output.json && search.output.ndjson)) {
      return null;
    }
    search.words = words;
    return new Parsed(search, verbose);
  }

  /** One to nine digits: an int that picocli reads the same way. */
  private static boolean plainNumber(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
