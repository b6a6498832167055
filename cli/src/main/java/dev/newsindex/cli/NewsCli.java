package dev.newsindex.cli;

import dev.newsindex.IncompatibleIndexException;
import dev.newsindex.IndexLockedException;
import dev.newsindex.IndexNotFoundException;
import dev.newsindex.QuerySyntaxException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code newsindex} command: wiring of subcommands, output streams, errors and exit codes. */
@Command(name = "newsindex",
    mixinStandardHelpOptions = true,
    versionProvider = NewsCli.Version.class,
    description = "Full-text search for news articles, built on Apache Lucene.",
    subcommands = {IndexCommand.class, SearchCommand.class, RelatedCommand.class,
        DuplicatesCommand.class, EvalCommand.class, RebuildCommand.class, DeleteCommand.class,
        StatsCommand.class, GetCommand.class, CheckCommand.class, OptimizeCommand.class,
        ShellCommand.class, OpenSearchCommand.class, AutoComplete.GenerateCompletion.class,
        CommandLine.HelpCommand.class},
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
        "  newsindex search \"deterrence strategy\"",
        "  newsindex index --index /tmp/news ~/feeds/2024/",
        "  newsindex search --json --limit 3 'source:MENAFN AND korea'",
        "  newsindex search --since 3m --source MENAFN --sort newest --facet month korea",
        "  newsindex related 1107439109 --near-date",
        "  newsindex duplicates --limit 5",
        "  newsindex eval --index /tmp/time --topics queries.tsv --qrels qrels.txt", ""})
public final class NewsCli implements Runnable {
  /** Held so the logger (weakly referenced by java.util.logging) keeps its level. */
  private static final Logger LUCENE_LOGGER = Logger.getLogger("org.apache.lucene");

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On errors, print the full stack trace too.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The command line, writing results to {@code out} and messages to {@code err}: used by {@link
   * #main} and by tests alike.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return wire(new CommandLine(new NewsCli()), out, err);
  }

  /**
   * The command line for running {@code args}: when they start with a subcommand's name, a root
   * holding only that subcommand, since picocli's reflection over every command's options is the
   * largest part of start-up; otherwise (root help, version, an unknown name) the whole model.
   * Used by {@link #main}, by the tests' runs and by the cache training.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    String first = args.length > 0 ? args[0] : "";
    if (!first.isEmpty() && !first.startsWith("-")) {
      for (Class<?> c : NewsCli.class.getAnnotation(Command.class).subcommands()) {
        Command command = c.getAnnotation(Command.class);
        // help and generate-completion describe the whole tree: they need every command.
        if (command != null && command.name().equals(first)
            && c != CommandLine.HelpCommand.class && c != AutoComplete.GenerateCompletion.class) {
          Object subcommand;
          try {
            subcommand = CommandLine.defaultFactory().create(c);
          } catch (Exception e) {
            break; // the whole model reports it
          }
          CommandLine root = new CommandLine(new OneCommand());
          root.addSubcommand(first, subcommand);
          return wire(root, out, err);
        }
      }
    }
    return commandLine(out, err);
  }

  private static CommandLine wire(CommandLine cmd, PrintWriter out, PrintWriter err) {
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(NewsCli::handle);
    cmd.setParameterExceptionHandler(NewsCli::handleParameter);
    cmd.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL.code);
    for (CommandLine c : cmd.getSubcommands().values()) {
      describeExitCodes(c);
    }
    describeExitCodes(cmd);
    return cmd;
  }

  private static void describeExitCodes(CommandLine c) {
    c.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpList());
  }

  /**
   * Runs {@code args}, writing results to {@code out} and messages to {@code err}, and returns the
   * exit code: a plain search through {@link QuickSearch} (no picocli model to build), everything
   * else through {@link #commandLine(PrintWriter, PrintWriter, String...)}. Used by {@link #main},
   * by the tests' runs and by the cache training.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Integer quick = QuickSearch.run(out, err, args);
    return quick != null ? quick : commandLine(out, err, args).execute(args);
  }

  /** Runs newsindex and exits with its exit code. */
  public static void main(String[] args) {
    StartupTrace.start();
    // Lucene reports through java.util.logging (e.g. its vector-API notice); users must not see it.
    LUCENE_LOGGER.setLevel(Level.OFF);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8),
        true);
    int code = run(out, err, args);
    out.flush();
    StartupTrace.print(err, "rest");
    err.flush();
    System.exit(code);
  }

  private static int handle(Exception e, CommandLine cmd, ParseResult parsed) {
    return report(e, cmd.getErr(), verbose(parsed));
  }

  /**
   * Reports {@code e}, thrown by a command, as one line on {@code err} (and its stack trace when
   * {@code verbose}) and returns its exit code.
   */
  static int report(Exception e, PrintWriter err, boolean verbose) {
    ExitCode code = exitCodeFor(e);
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (code == ExitCode.INTERNAL) {
      message = "internal error: " + e;
    } else if (e instanceof IOException && !(e instanceof java.nio.file.FileSystemException)) {
      message = "I/O error: " + message;
    }
    err.println("newsindex: " + message.lines().findFirst().orElse(""));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code.code;
  }

  private static int handleParameter(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("newsindex: " + e.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
    err.flush();
    return ExitCode.USAGE.code;
  }

  static ExitCode exitCodeFor(Throwable e) {
    if (e instanceof UncheckedIOException u) {
      return exitCodeFor(u.getCause());
    }
    if (e instanceof QuerySyntaxException || e instanceof IllegalArgumentException
        || e instanceof dev.newsindex.UnsupportedRequestException) {
      return ExitCode.USAGE;
    }
    if (e instanceof dev.newsindex.opensearch.ClusterException c) {
      return switch (c.reason()) {
        case NO_INDEX -> ExitCode.NO_INDEX;
        case INCOMPATIBLE -> ExitCode.INCOMPATIBLE;
        default -> ExitCode.CLUSTER;
      };
    }
    if (e instanceof IndexNotFoundException) {
      return ExitCode.NO_INDEX;
    }
    if (e instanceof IndexLockedException) {
      return ExitCode.LOCKED;
    }
    if (e instanceof IncompatibleIndexException) {
      return ExitCode.INCOMPATIBLE;
    }
    if (e instanceof IOException) {
      return ExitCode.IO_ERROR;
    }
    return ExitCode.INTERNAL;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** The root when one subcommand is run: the same name and root options, no other commands. */
  @Command(name = "newsindex", mixinStandardHelpOptions = true,
      versionProvider = NewsCli.Version.class)
  static final class OneCommand implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
        description = "On errors, print the full stack trace too.")
    boolean verbose;

    @Override
    public void run() {
      // never runs: the arguments name a subcommand
    }
  }

  /** The version from the jar manifest (a development build has none). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = NewsCli.class.getPackage().getImplementationVersion();
      String lucene = org.apache.lucene.util.Version.LATEST.toString();
      return new String[] {"newsindex " + (v == null ? "(development build)" : v)
          + " (Lucene " + lucene + ", Java " + Runtime.version() + ")"};
    }
  }
}
