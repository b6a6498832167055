package dev.newsindex.cli;

import dev.newsindex.InvalidRequestException;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The inputs and options {@code index} and {@code rebuild} share: what to read, how to read it,
 * and how to report.
 */
final class IngestOptionsMixin {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files, directories, glob patterns or - for standard input (default: for the"
          + " index in the newsindex home, its bundled index-data/articles; rebuild of any other"
          + " index reads the sources the index records, see stats).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Read every input as this format: menafn, jsonl, trec, feed (rss, atom), html"
          + " or warc (default: recognised per file by name and content; .gz is read either"
          + " way).")
  Format format;

  @Option(names = "--threads", paramLabel = "N",
      description = "Indexing threads (default: one per processor).")
  Integer threads;

  @Option(names = "--commit-every", paramLabel = "N",
      defaultValue = "" + IngestOptions.DEFAULT_COMMIT_ARTICLES,
      description = "Commit after every N articles (and every 256 MiB of input), so that an"
          + " interrupted run keeps what it did (default: ${DEFAULT-VALUE}).")
  long commitEvery;

  @Option(names = "--id-prefix", paramLabel = "PREFIX", defaultValue = "",
      description = "Put PREFIX before every id read (e.g. reuters:), so that two feeds whose ids"
          + " collide can share an index (default: none).")
  String idPrefix;

  @Mixin
  OutputOption output;

  @Option(names = {"-q", "--quiet"},
      description = "No progress bar, no summary line and no skipped input named: one line per"
          + " kind of skip with its count, and errors.")
  boolean quiet;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The paths given, or the bundled articles when none were (a push to a cluster). */
  List<Path> inputs(Defaults defaults) {
    return paths == null || paths.isEmpty() ? List.of(defaults.articles()) : paths;
  }

  /**
   * The paths given; when none were, the bundled articles for the default index ({@link
   * Defaults#isBundledIndex}) and an empty list for any other.
   */
  List<Path> inputs(Defaults defaults, Path dir) {
    if (paths != null && !paths.isEmpty()) {
      return paths;
    }
    return defaults.isBundledIndex(dir) ? List.of(defaults.articles()) : List.of();
  }

  /**
   * Prints the outcome of {@code command} on {@code out}: the JSON summary with {@code --json},
   * else {@code line} unless {@code --quiet}.
   */
  void printSummary(PrintWriter out, String command, IngestSummary summary, Path dir, int total,
      String line) throws IOException {
    if (output.anyJson()) {
      JsonSummary.print(out, command, summary, dir, total);
    } else if (!quiet) {
      out.println(line);
    }
    out.flush();
  }

  /**
   * The stderr reporter: a progress bar only without {@code --quiet} and when picocli sees a
   * terminal (as for colour: an interactive session, {@code NO_COLOR} unset).
   */
  IngestReporter reporter(PrintWriter err) {
    return new IngestReporter(err, !quiet && SearchCommand.colour(mixee), quiet);
  }

  /**
   * The exit code of a run that {@code summary} describes: {@link ExitCode#NOTHING_INDEXED} when
   * input was read but every record was skipped, else {@link ExitCode#OK}.
   */
  static int exitCode(IngestSummary summary) {
    return nothingIndexed(summary) ? ExitCode.NOTHING_INDEXED.code : ExitCode.OK.code;
  }

  /** Whether the run read input (some bytes) but every record of it was skipped. */
  static boolean nothingIndexed(IngestSummary summary) {
    return summary.articles() == 0 && summary.skipped() > 0 && summary.bytesRead() > 0;
  }

  IngestOptions options() {
    IngestOptions o = IngestOptions.defaults().withFormat(format)
        .withCommitEvery(commitEvery, IngestOptions.DEFAULT_COMMIT_BYTES).withIdPrefix(idPrefix);
    return threads == null ? o : o.withThreads(threads);
  }

  /** Turns {@code --format} values into formats, with the list of valid ones on error. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.of(value);
      } catch (InvalidRequestException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
