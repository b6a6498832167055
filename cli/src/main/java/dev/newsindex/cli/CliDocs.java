package dev.newsindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Documentation generated from the picocli model, so it cannot drift from the code: the
 * command-line reference {@code docs/cli.md}, man pages (troff, one per command) and the bash/zsh
 * completion script.
 *
 * <p>The build runs {@code CliDocs --out cli/target/docs} (man pages and completion go into the
 * distribution archive). After adding or changing a command or option, rewrite docs/cli.md with
 * {@code ./run-tests -pl cli -am -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsindex.updateDocs=true} (CliReferenceTest fails while it differs from the code).
 */
public final class CliDocs {
  /** Help is rendered at picocli's default width, without colour, as a user sees it when piped. */
  static final int WIDTH = 80;

  /** The environment variables newsindex reads, with what each does. */
  static final Map<String, String> ENVIRONMENT = environment();

  private static Map<String, String> environment() {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("NEWSINDEX_INDEX", "The index used when --index is not given (default: index-data/index"
        + " in the newsindex home).");
    env.put("NO_COLOR", "When set, matches are marked with ** instead of colour, and indexing shows"
        + " no progress bar.");
    env.put("JAVA_HOME", "The JDK (21 or newer) the launcher runs; found by itself when unset.");
    env.put("NEWSINDEX_AOT", "off: start without the launcher's class cache; wait: make a missing"
        + " cache before running (otherwise it is made in the background).");
    return java.util.Collections.unmodifiableMap(env);
  }

  private CliDocs() {}

  /**
   * Writes docs: {@code --out DIR} writes {@code DIR/man/man1/*.1} and {@code
   * DIR/completion/newsindex.bash}; {@code --reference FILE} writes the Markdown reference.
   *
   * @param args {@code --out DIR} and/or {@code --reference FILE}
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    for (int i = 0; i + 1 < args.length; i += 2) {
      Path target = Path.of(args[i + 1]);
      switch (args[i]) {
        case "--out" -> writeDocs(target);
        case "--reference" -> Files.writeString(target, reference(), StandardCharsets.UTF_8);
        default -> throw new IllegalArgumentException(
            "usage: CliDocs [--out DIR] [--reference FILE]");
      }
    }
  }

  /** A fresh command line whose help is plain text at {@link #WIDTH} columns. */
  static CommandLine plainCommandLine() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    CommandLine cmd = NewsCli.commandLine(sink, sink);
    cmd.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    cmd.setUsageHelpWidth(WIDTH);
    for (CommandLine sub : cmd.getSubcommands().values()) {
      sub.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
      sub.setUsageHelpWidth(WIDTH);
    }
    return cmd;
  }

  /** The commands documented: the root, then every visible subcommand but {@code help}. */
  static List<CommandLine> documented(CommandLine root) {
    List<CommandLine> commands = new ArrayList<>();
    commands.add(root);
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      CommandSpec spec = e.getValue().getCommandSpec();
      if (!spec.usageMessage().hidden() && !e.getKey().equals("help")
          && spec.name().equals(e.getKey())) {
        commands.add(e.getValue());
      }
    }
    return commands;
  }

  /**
   * The command-line reference ({@code docs/cli.md}): each command's {@code --help} as a user sees
   * it when piped, then the environment variables and the exit codes.
   */
  static String reference() {
    List<CommandLine> commands = documented(plainCommandLine());
    StringBuilder sb = new StringBuilder("# Command-line reference\n\n"
        + "Every command's `--help`, generated from the code by `CliDocs` (`CliReferenceTest`"
        + " fails when\nthis file differs from it). The man pages in the distribution archive say"
        + " the same.\n\n");
    for (CommandLine cmd : commands) {
      String name = cmd.getCommandSpec().qualifiedName();
      sb.append("- [").append(name).append("](#").append(name.replace(' ', '-')).append(")\n");
    }
    sb.append("- [Environment](#environment)\n- [Exit codes](#exit-codes)\n");
    for (CommandLine cmd : commands) {
      sb.append("\n## ").append(cmd.getCommandSpec().qualifiedName()).append("\n\n```text\n")
          .append(cmd.getUsageMessage().stripTrailing()).append("\n```\n");
    }
    sb.append("\n## Environment\n\n| variable | meaning |\n|---|---|\n");
    ENVIRONMENT.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v)
        .append(" |\n"));
    sb.append("\n## Exit codes\n\n| code | meaning |\n|---|---|\n");
    for (ExitCode c : ExitCode.values()) {
      sb.append("| ").append(c.code).append(" | ").append(c.meaning).append(" |\n");
    }
    return sb.toString();
  }

  /** Writes the man pages and the completion script under {@code dir}. */
  static void writeDocs(Path dir) throws IOException {
    Path man = Files.createDirectories(dir.resolve("man").resolve("man1"));
    for (CommandLine cmd : documented(plainCommandLine())) {
      String file = cmd.getCommandSpec().qualifiedName("-") + ".1";
      Files.writeString(man.resolve(file), manPage(cmd.getCommandSpec()), StandardCharsets.UTF_8);
    }
    Path completion = Files.createDirectories(dir.resolve("completion"));
    Files.writeString(completion.resolve("newsindex.bash"), completionScript(),
        StandardCharsets.UTF_8);
  }

  /** The bash completion script (zsh loads it through {@code bashcompinit}). */
  static String completionScript() {
    return AutoComplete.bash("newsindex", plainCommandLine());
  }

  /** A man page (troff, section 1) for one command. */
  static String manPage(CommandSpec spec) {
    StringBuilder sb = new StringBuilder();
    String name = spec.qualifiedName("-");
    String version = NewsCli.class.getPackage().getImplementationVersion();
    sb.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"newsindex")
        .append(version == null ? "" : " " + version).append("\" \"newsindex manual\"\n");
    String[] description = spec.usageMessage().description();
    sb.append(".SH NAME\n").append(escape(name)).append(" \\- ")
        .append(escape(firstSentence(description.length > 0 ? description[0] : ""))).append('\n');
    sb.append(".SH SYNOPSIS\n.nf\n")
        .append(escape(new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF))
            .synopsis(0).stripTrailing()))
        .append("\n.fi\n");
    sb.append(".SH DESCRIPTION\n");
    for (String paragraph : description) {
      sb.append(".PP\n").append(escape(paragraph)).append('\n');
    }
    if (!spec.subcommands().isEmpty()) {
      sb.append(".SH COMMANDS\n");
      for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
        CommandSpec sub = e.getValue().getCommandSpec();
        if (sub.usageMessage().hidden() || !sub.name().equals(e.getKey())) {
          continue;
        }
        String[] d = sub.usageMessage().description();
        sb.append(".TP\n\\fB").append(escape(e.getKey())).append("\\fR\n")
            .append(escape(d.length > 0 ? d[0] : "")).append('\n');
      }
    }
    if (!spec.positionalParameters().isEmpty()) {
      sb.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (p.hidden()) {
          continue;
        }
        sb.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
            .append(escape(String.join(" ", p.description()))).append('\n');
      }
    }
    sb.append(".SH OPTIONS\n");
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      sb.append(".TP\n");
      List<String> names = new ArrayList<>();
      for (String n : o.names()) {
        names.add("\\fB" + escape(n) + "\\fR");
      }
      sb.append(String.join(", ", names));
      if (o.arity().max() > 0) {
        sb.append("=\\fI").append(escape(o.paramLabel())).append("\\fR");
      }
      String text = String.join(" ", o.description());
      text = text.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
      sb.append('\n').append(escape(text)).append('\n');
    }
    sb.append(".SH ENVIRONMENT\n");
    ENVIRONMENT.forEach((k, v) -> sb.append(".TP\n\\fB").append(escape(k)).append("\\fR\n")
        .append(escape(v)).append('\n'));
    sb.append(".SH EXIT STATUS\n");
    for (ExitCode c : ExitCode.values()) {
      sb.append(".TP\n\\fB").append(c.code).append("\\fR\n").append(escape(c.meaning))
          .append('\n');
    }
    String[] footer = spec.usageMessage().footer();
    if (footer.length > 0 && !String.join("", footer).isBlank()) {
      sb.append(".SH EXAMPLES\n.nf\n");
      for (String line : footer) {
        if (!line.isBlank()) {
          sb.append(escape(line.strip())).append('\n');
        }
      }
      sb.append(".fi\n");
    }
    sb.append(".SH SEE ALSO\n");
    if (spec.parent() == null) {
      List<String> refs = new ArrayList<>();
      for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
        CommandSpec sub = e.getValue().getCommandSpec();
        if (!sub.usageMessage().hidden() && sub.name().equals(e.getKey())
            && !e.getKey().equals("help")) {
          refs.add("\\fB" + escape(sub.qualifiedName("-")) + "\\fR(1)");
        }
      }
      sb.append(String.join(", ", refs)).append('\n');
    } else {
      sb.append("\\fBnewsindex\\fR(1)\n");
    }
    return sb.toString();
  }

  private static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    String s = dot > 0 ? text.substring(0, dot) : text;
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Escapes text for troff: backslashes, hyphens, and a leading dot or quote on any line. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.replace("\\", "\\e").replace("-", "\\-").split("\n", -1)) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      if (line.startsWith(".") || line.startsWith("'")) {
        sb.append("\\&");
      }
      sb.append(line);
    }
    return sb.toString();
  }
}
