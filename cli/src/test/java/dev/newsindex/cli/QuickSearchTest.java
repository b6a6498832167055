package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * The start-up fast path reads a plain search exactly as picocli does (same options, defaults,
 * flags), and leaves everything else to picocli.
 */
class QuickSearchTest {

  /** Every option and parameter value of a parsed search, by field (mixins' fields included). */
  static Map<String, Object> values(SearchCommand c) throws IllegalAccessException {
    Map<String, Object> values = new LinkedHashMap<>();
    collect("", c, values);
    return values;
  }

  private static void collect(String prefix, Object o, Map<String, Object> values)
      throws IllegalAccessException {
    for (Field f : o.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec")) {
        continue;
      }
      f.setAccessible(true);
      Object v = f.get(o);
      if (v instanceof IndexOption || v instanceof OutputOption || v instanceof ClusterOption) {
        collect(f.getName() + ".", v, values);
      } else {
        values.put(prefix + f.getName(), v);
      }
    }
  }

  /** What picocli makes of {@code args}: the search's values, plus whether --verbose was given. */
  static Map<String, Object> picocli(String... args) throws IllegalAccessException {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    ParseResult parsed = NewsCli.commandLine(sink, sink, args).parseArgs(args);
    ParseResult sub = parsed.subcommand();
    Map<String, Object> values = values((SearchCommand) sub.commandSpec().userObject());
    values.put("verbose", sub.hasMatchedOption("--verbose"));
    return values;
  }

  static Map<String, Object> quick(String... args) throws IllegalAccessException {
    QuickSearch.Parsed parsed = QuickSearch.parse(args);
    assertNotNull(parsed, () -> "not taken by the fast path: " + Arrays.toString(args));
    Map<String, Object> values = values(parsed.command());
    values.put("verbose", parsed.verbose());
    return values;
  }

  @Test
  void readsPlainSearchesAsPicocliDoes() throws IllegalAccessException {
    List<String[]> forms = List.of(
        new String[] {"search", "deterrence strategy"},
        new String[] {"search", "deterrence", "strategy"},
        new String[] {"search", "\"interest rates\"", "OR", "korea"},
        new String[] {"search", "--index", "/tmp/news", "korea"},
        new String[] {"search", "-i", "rel/dir", "korea", "--json"},
        new String[] {"search", "--index=/tmp/x", "--limit=3", "oil"},
        new String[] {"search", "korea", "-n", "20", "--any"},
        new String[] {"search", "--ndjson", "--verbose", "--limit", "0", "oil prices"},
        new String[] {"search", "title:oil", "AND", "date:[2023-01-01 TO *]"},
        new String[] {"search", ""});
    for (String[] args : forms) {
      assertEquals(picocli(args), quick(args), Arrays.toString(args));
    }
  }

  @Test
  void leavesEverythingElseToPicocli() {
    List<String[]> others = List.of(
        new String[] {"search"},
        new String[] {"search", "--help"},
        new String[] {"search", "-h", "korea"},
        new String[] {"search", "--since", "3m", "korea"},
        new String[] {"search", "--sort", "newest", "korea"},
        new String[] {"search", "-n5", "korea"},
        new String[] {"search", "--limit", "-1", "korea"},
        new String[] {"search", "--limit", "ten", "korea"},
        new String[] {"search", "--limit", "1", "--limit", "2", "korea"},
        new String[] {"search", "--json", "--json", "korea"},
        new String[] {"search", "--json", "--ndjson", "korea"},
        new String[] {"search", "--index"},
        new String[] {"search", "--index", "--json", "korea"},
        new String[] {"search", "@args.txt"},
        new String[] {"search", "--", "-korea"},
        new String[] {"search", "-korea"},
        new String[] {"search", "--json=true", "korea"},
        new String[] {"--verbose", "search", "korea"},
        new String[] {"related", "123"},
        new String[] {"index", "--index", "x", "feeds"});
    for (String[] args : others) {
      assertNull(QuickSearch.parse(args), Arrays.toString(args));
    }
  }

  @Test
  void fastPathAndPicocliGiveTheSameRunAndErrors() {
    // A search the fast path takes and one picocli reads, failing the same way on a missing index.
    List<String> base = new ArrayList<>(List.of("search", "--index", "/nonexistent/newsindex",
        "korea"));
    CliRun quick = CliRun.run(base.toArray(String[]::new));
    base.add("--sort");
    base.add("relevance");
    CliRun slow = CliRun.run(base.toArray(String[]::new));
    assertNull(QuickSearch.parse(base.toArray(String[]::new)));
    assertEquals(slow.exitCode(), quick.exitCode());
    assertEquals(ExitCode.NO_INDEX.code, quick.exitCode());
    assertEquals(slow.err(), quick.err());
    assertEquals("", quick.out());
  }

  @Test
  void picocliStillReportsWhatTheFastPathLeaves() {
    CliRun run = CliRun.run("search", "--limit", "ten", "korea");
    assertEquals(ExitCode.USAGE.code, run.exitCode());
    assertEquals(true, run.err().startsWith("newsindex: "), run.err());
  }
}
