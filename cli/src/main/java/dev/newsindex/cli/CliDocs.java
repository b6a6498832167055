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
 * Documentation generated from the picocli model, so it cannot drift from the code: the help
 * section of README.md, man pages (troff, one per command) and the bash/zsh completion script.
 *
 * <p>The build runs {@code CliDocs --out cli/target/docs} (man pages and completion go into the
 * distribution archive). After adding or changing a command, rewrite README.md's help section with
 * {@code mvn -q -pl cli -am test -Dtest=HelpReadmeTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsindex.updateReadme=true}, or run this class with {@code --readme README.md}.
 */
public final class CliDocs {
  /** The line before the generated help section of README.md. */
  static final String BEGIN = "<!-- BEGIN generated help: rewrite with CliDocs --readme README.md -->";
  /** The line after it. */
  static final String END = "<!-- END generated help -->";
  /** Help is rendered at picocli's default width, without colour, as a user sees it when piped. */
  static final int WIDTH = 80;

  private CliDocs() {}

  /**
   * Writes docs: {@code --out DIR} writes {@code DIR/man/man1/*.1} and {@code
   * DIR/completion/newsindex.bash}; {@code --readme FILE} rewrites the help section of FILE.
   *
   * @param args {@code --out DIR} and/or {@code --readme FILE}
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    for (int i = 0; i + 1 < args.length; i += 2) {
      Path target = Path.of(args[i + 1]);
      switch (args[i]) {
        case "--out" -> writeDocs(target);
        case "--readme" -> Files.writeString(target,
            withHelpSection(Files.readString(target, StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
        default -> throw new IllegalArgumentException("usage: CliDocs [--out DIR] [--readme FILE]");
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

  /** The README section: each command's {@code --help} output in a code block. */
  static String helpSection() {
    StringBuilder sb = new StringBuilder();
    for (CommandLine cmd : documented(plainCommandLine())) {
      String name = cmd.getCommandSpec().qualifiedName();
      sb.append("\n`").append(name).append(" --help`:\n\n```text\n")
          .append(cmd.getUsageMessage().stripTrailing()).append("\n```\n");
    }
    return sb.toString();
  }

  /** {@code readme} with its generated help section replaced by the current help. */
  static String withHelpSection(String readme) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("README.md has no help section: add the lines " + BEGIN
          + " and " + END);
    }
    return readme.substring(0, begin + BEGIN.length()) + "\n" + helpSection() + "\n"
        + readme.substring(end);
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
    sb.append(".SH ENVIRONMENT\n")
        .append(".TP\n\\fBNEWSINDEX_INDEX\\fR\n")
        .append("The index used when \\fB\\-\\-index\\fR is not given (default: index\\-data/index"
            + " in the newsindex home).\n")
        .append(".TP\n\\fBNO_COLOR\\fR\nWhen set, matches are marked with ** instead of colour.\n")
        .append(".TP\n\\fBJAVA_HOME\\fR\nThe JDK (21 or newer) the launcher runs; found by itself"
            + " when unset.\n");
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
