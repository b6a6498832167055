package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.ingest.Format;
import dev.newsindex.search.Facet;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Each option is defined once, and its help states the default the command uses. */
class OptionsTest {
  static CommandLine whole() {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    return NewsCli.commandLine(sink, sink);
  }

  @Test
  void everyOptionNameIsDeclaredByOneField() {
    Map<String, Set<String>> declared = new TreeMap<>();
    CommandLine root = whole();
    for (CommandLine c : CliDocs.documented(root)) {
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (o.userObject() instanceof Field f
            && f.getDeclaringClass().getPackageName().equals("dev.newsindex.cli")) {
          for (String name : o.names()) {
            declared.computeIfAbsent(name, k -> new TreeSet<>())
                .add(f.getDeclaringClass().getSimpleName() + "." + f.getName());
          }
        }
      }
    }
    assertTrue(declared.containsKey("--json") && declared.containsKey("--limit"), declared.keySet()
        .toString());
    declared.forEach((name, fields) -> assertEquals(1, fields.size(),
        name + " is declared more than once: " + fields));
  }

  /** The default help states for {@code option} of {@code command}. */
  static String helpDefault(String command, String option) {
    CliRun help = CliRun.run(command, "--help");
    assertEquals(0, help.exitCode(), help.err());
    Matcher m = Pattern.compile("(?s)\\n\\s+(?:-\\w, )?" + Pattern.quote(option)
        + "=\\S+\\s.*?\\(default: ([^)]+)\\)").matcher(help.out());
    assertTrue(m.find(), option + " has no default in:\n" + help.out());
    return m.group(1);
  }

  /** The default picocli gives the parsed command. */
  static Object parsedDefault(String command, String... required) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    String[] args = new String[required.length + 1];
    args[0] = command;
    System.arraycopy(required, 0, args, 1, required.length);
    CommandLine cmd = NewsCli.commandLine(sink, sink, args);
    return cmd.parseArgs(args).subcommand().commandSpec().userObject();
  }

  @Test
  void helpStatesTheDefaultEachCommandUses() {
    SearchCommand search = (SearchCommand) parsedDefault("search", "korea");
    assertEquals(Integer.toString(search.query.limit.limit), helpDefault("search", "--limit"));
    assertEquals(Integer.toString(search.query.passages.passages),
        helpDefault("search", "--passages"));
    assertEquals("10", helpDefault("search", "--limit"));
    assertEquals("3", helpDefault("search", "--passages"));
    assertEquals("10s", helpDefault("search", "--timeout"));
    assertEquals("10s", DurationConverter.format(search.timeout.timeout));

    ShellCommand shell = (ShellCommand) parsedDefault("shell");
    assertEquals(Integer.toString(shell.query.limit.limit), helpDefault("shell", "--limit"));

    RelatedCommand related = (RelatedCommand) parsedDefault("related", "id-1");
    assertEquals("1", helpDefault("related", "--passages"));
    assertEquals(1, related.passages.passages);
    assertEquals(10, related.limit.limit);

    DuplicatesCommand duplicates = (DuplicatesCommand) parsedDefault("duplicates");
    assertEquals("20", helpDefault("duplicates", "--limit"));
    assertEquals(20, duplicates.limit.limit);
  }

  @Test
  void aPlainSearchIsTheRequestPicocliMakesAndAnythingElseGoesToPicocli() {
    for (String[] words : new String[][] {{"deterrence strategy"}, {"deterrence", "strategy"},
        {"\"interest rates\"", "OR", "korea"}, {"title:oil", "AND", "date:[2023-01-01 TO *]"}}) {
      String[] args = new String[words.length + 1];
      args[0] = "search";
      System.arraycopy(words, 0, args, 1, words.length);
      SearchCommand parsed = (SearchCommand) parsedDefault("search", words);
      assertEquals(parsed.request(), SearchCommand.plainRequest(java.util.List.of(words)),
          String.join(" ", args));
    }
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    for (String[] args : new String[][] {{"search"}, {"search", "--help"}, {"search", "-n", "3",
        "korea"}, {"search", "korea", "--json"}, {"search", "@args.txt"}, {"search", "--", "-x"},
        {"--verbose", "search", "korea"}, {"shell"}, {"index", "korea"}}) {
      assertEquals(null, SearchCommand.plain(sink, sink, args), String.join(" ", args));
    }
  }

  @Test
  void commandLineErrorsAreOneLineWithExitCode2() {
    for (String[] args : new String[][] {
        {"serch", "korea"}, {"search"}, {"search", "--limit", "ten", "korea"},
        {"search", "--json", "--ndjson", "korea"}, {"stats", "--json", "--ndjson"},
        {"search", "--nope", "korea"}, {"index", "--threads"}}) {
      CliRun run = CliRun.run(args);
      assertEquals(ExitCode.USAGE.code, run.exitCode(), String.join(" ", args));
      assertEquals("", run.out());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().startsWith("newsindex: ") && run.err().contains("--help)"), run.err());
    }
    assertTrue(CliRun.run("serch", "korea").err().contains("did you mean 'search'?"),
        "an unknown command gets picocli's suggestion");
  }

  /** The text of {@code option}'s help in {@code command}. */
  static String optionHelp(String command, String option) {
    return String.join(" ", whole().getSubcommands().get(command).getCommandSpec()
        .findOption(option).description());
  }

  @Test
  void theHelpNamesEveryFormatFacetAndLabelField() {
    String formats = optionHelp("index", "--format");
    for (Format f : Format.values()) {
      assertTrue(formats.contains(f.label()), "index --format does not name " + f.label()
          + ": " + formats);
    }
    assertTrue(formats.contains("rss") && formats.contains("atom"), formats);
    assertTrue(optionHelp("rebuild", "--format").equals(formats), "rebuild reads as index does");
    String facets = optionHelp("search", "--facet");
    String filter = optionHelp("search", "--filter");
    String stats = String.join(" ", whole().getSubcommands().get("stats").getCommandSpec()
        .usageMessage().description());
    for (Facet f : Facet.values()) {
      assertTrue(facets.contains(f.label()), "search --facet does not name " + f.label());
      if (f.byValue() && f != Facet.SOURCE) {
        assertTrue(filter.contains(f.label() + ":"), "search --filter shows no " + f.label()
            + ": example: " + filter);
        assertTrue(stats.contains(f.label()), "stats does not say it counts " + f.label());
      }
    }
  }
}
