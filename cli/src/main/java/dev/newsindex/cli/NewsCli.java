package dev.newsindex.cli;

import dev.newsindex.IncompatibleIndexException;
import dev.newsindex.IndexLockedException;
import dev.newsindex.IndexNotFoundException;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.UnsupportedRequestException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code newsindex} command: wiring of subcommands, output streams, errors and exit codes. */
@Command(name = "newsindex",
    mixinStandardHelpOptions = true,
    versionProvider = NewsCli.Version.class,
    description = "Full-text search for news articles, built on Apache Lucene.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
        "  newsindex search \"deterrence strategy\"",
        "  newsindex index --index /tmp/news ~/feeds/2024/",
        "  newsindex search --json --limit 3 'source:MENAFN AND korea'",
        "  newsindex search --since 3m --source MENAFN --sort newest --facet month korea",
        "  newsindex related 1107439109 --near-date",
        "  newsindex duplicates --limit 5",
        "  newsindex serve --port 8080",
        "  newsindex eval --index /tmp/time --topics queries.tsv --qrels qrels.txt", ""})
public final class NewsCli implements Runnable {
  /**
   * Every subcommand, in the order help lists them. Building picocli's model of a command
   * (reflection over its annotations) is most of a short command's start-up, so a run registers
   * only the command it names (see {@link #commandLine(PrintWriter, PrintWriter, String...)});
   * search, the most common, comes first, so that finding it reads no other command's class.
   */
  static final List<Class<?>> COMMANDS = List.of(SearchCommand.class, IndexCommand.class,
      RelatedCommand.class, DuplicatesCommand.class, EvalCommand.class, RebuildCommand.class,
      DeleteCommand.class, StatsCommand.class, GetCommand.class, CheckCommand.class,
      OptimizeCommand.class, ShellCommand.class, ServeCommand.class, OpenSearchCommand.class,
      AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class);

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
   * The whole command line, every subcommand registered, writing results to {@code out} and
   * messages to {@code err}: for help, documentation and completion.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine root = new CommandLine(new NewsCli());
    for (Class<?> c : COMMANDS) {
      root.addSubcommand(c);
    }
    return wire(root, out, err);
  }

  /**
   * The command line for running {@code args}: when they start with the name of a subcommand
   * that runs on its own, the root with only that subcommand; otherwise (root options, help, an
   * unknown name) the whole command line, so that help and errors know every command.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    String first = args.length > 0 ? args[0] : "";
    for (Class<?> c : COMMANDS) {
      Command command = c.getAnnotation(Command.class);
      // help and generate-completion describe the whole tree: they need every command.
      if (command.name().equals(first) && c != CommandLine.HelpCommand.class
          && c != AutoComplete.GenerateCompletion.class) {
        CommandLine root = new CommandLine(new NewsCli());
        root.addSubcommand(c);
        return wire(root, out, err);
      }
    }
    return commandLine(out, err);
  }

  private static CommandLine wire(CommandLine cmd, PrintWriter out, PrintWriter err) {
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(NewsCli::handle);
    cmd.setParameterExceptionHandler(NewsCli::handleParameter);
    cmd.setExitCodeExceptionMapper(e -> exitCodeFor(e).code);
    cmd.setDefaultValueProvider(new CommandDefaults());
    cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpList());
    for (CommandLine c : cmd.getSubcommands().values()) {
      c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
          .exitCodeList(ExitCode.helpList());
    }
    return cmd;
  }

  /**
   * Runs {@code args}, writing results to {@code out} and messages to {@code err}, and returns the
   * exit code: a plain {@code search WORDS...} without building picocli's model (see {@link
   * SearchCommand#plain}), everything else through picocli. Used by {@link #main}, the tests and
   * the cache training alike.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Integer plain = SearchCommand.plain(out, err, args);
    return plain != null ? plain : commandLine(out, err, args).execute(args);
  }

  /** Runs newsindex and exits with its exit code. */
  public static void main(String[] args) {
    // Lucene reports through java.util.logging (e.g. its vector-API notice); users must not see it.
    LUCENE_LOGGER.setLevel(Level.OFF);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8),
        true);
    int code = run(out, err, args);
    out.flush();
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
    Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (code == ExitCode.INTERNAL) {
      message = "internal error: " + e + (verbose ? "" : " (--verbose shows where)");
    } else if (cause instanceof NoSuchFileException f) {
      message = "no such file or directory: " + f.getFile();
    } else if (cause instanceof AccessDeniedException f) {
      message = "permission denied: " + f.getFile();
    } else if (cause instanceof IOException && !(cause instanceof FileSystemException)) {
      message = "I/O error: " + message;
    }
    err.println("newsindex: " + message.lines().findFirst().orElse(""));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code.code;
  }

  /** A bad command line: one line naming the problem and where the help is. */
  private static int handleParameter(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String message = e.getMessage().lines().findFirst().orElse("").replaceFirst("^Error: ", "");
    if (e instanceof UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      // picocli's suggestions come nearest first: name that one.
      String nearest = u.getSuggestions().isEmpty() ? null : u.getSuggestions().get(0);
      if (cmd.getParent() == null && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        message = "unknown command '" + unmatched.get(0) + "'"
            + (nearest == null ? "" : "; did you mean '" + nearest + "'?");
      } else if (nearest != null) {
        message += "; did you mean " + nearest + "?";
      }
    }
    // A converter's own exception, as picocli appends it: "(java.lang.X: ...)" is not for users.
    message = message.replaceAll(" ?\\((?:java|javax|picocli)\\.[\\w.$]+: [^)]*\\)", "");
    PrintWriter err = cmd.getErr();
    err.println("newsindex: " + message + " (see " + cmd.getCommandSpec().qualifiedName()
        + " --help)");
    err.flush();
    return ExitCode.USAGE.code;
  }

  /**
   * The exit code of an exception thrown by a command. The library's typed exceptions are the
   * user's to act on; anything else (an {@code IllegalArgumentException} from inside Lucene or
   * Jackson included) is a bug, reported as an internal error.
   */
  static ExitCode exitCodeFor(Throwable e) {
    return switch (e) {
      case UncheckedIOException u -> exitCodeFor(u.getCause());
      case CommandLine.ParameterException p -> ExitCode.USAGE;
      case InvalidRequestException r -> ExitCode.USAGE;
      case QuerySyntaxException q -> ExitCode.USAGE;
      case UnsupportedRequestException u -> ExitCode.USAGE;
      case IndexNotFoundException n -> ExitCode.NO_INDEX;
      case IndexLockedException l -> ExitCode.LOCKED;
      case IncompatibleIndexException i -> ExitCode.INCOMPATIBLE;
      case dev.newsindex.opensearch.ClusterException c -> switch (c.reason()) {
        case NO_INDEX -> ExitCode.NO_INDEX;
        case INCOMPATIBLE -> ExitCode.INCOMPATIBLE;
        default -> ExitCode.CLUSTER;
      };
      case IOException io -> ExitCode.IO_ERROR;
      default -> ExitCode.INTERNAL;
    };
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
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
