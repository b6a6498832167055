package dev.newsindex.cli;

import dev.newsindex.ingest.IngestSummary;

import dev.newsindex.Compression;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs and options {@code index} and {@code rebuild} share: what to read, how to read it,
 * and how to report.
 */
final class IngestOptionsMixin {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files, directories, glob patterns or - for standard input (default:"
          + " index-data/articles in the newsindex home).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Read every input as this format: menafn, jsonl or trec (default: recognised"
          + " per file by name and content).")
  Format format;

  @Option(names = "--threads", paramLabel = "N",
      description = "Indexing threads (default: one per processor).")
  Integer threads;

  @Option(names = "--commit-every", paramLabel = "N",
      defaultValue = "" + IngestOptions.DEFAULT_COMMIT_ARTICLES,
      description = "Commit after every N articles (and every 256 MiB of input), so that an"
          + " interrupted run keeps what it did (default: ${DEFAULT-VALUE}).")
  long commitEvery;

  @Option(names = "--compression", paramLabel = "MODE", converter = CompressionConverter.class,
      description = "How a new (or rebuilt) index compresses stored text: fast (LZ4, the"
          + " default) or small (DEFLATE: an index about a quarter smaller, indexing slower). An"
          + " existing index keeps its own; rebuild --compression changes it.")
  Compression compression;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  @Option(names = {"-q", "--quiet"},
      description = "No progress bar and no summary (skipped inputs are still reported).")
  boolean quiet;

  /** The paths given, or the bundled articles when none were. */
  List<Path> inputs(Defaults defaults) {
    return paths == null || paths.isEmpty() ? List.of(defaults.articles()) : paths;
  }

  /**
   * Prints the outcome of {@code command} on {@code out}: the JSON summary with {@code --json},
   * else {@code line} unless {@code --quiet}.
   */
  void printSummary(PrintWriter out, String command, IngestSummary summary, Path dir, int total,
      String line) throws IOException {
    if (json) {
      JsonSummary.print(out, command, summary, dir, total);
    } else if (!quiet) {
      out.println(line);
    }
    out.flush();
  }

  /** The stderr reporter: a progress bar only on a terminal and without {@code --quiet}. */
  IngestReporter reporter(PrintWriter err) {
    return new IngestReporter(err, !quiet && Terminal.stderrIsTerminal());
  }

  IngestOptions options() {
    IngestOptions o = IngestOptions.defaults().withFormat(format)
        .withCommitEvery(commitEvery, IngestOptions.DEFAULT_COMMIT_BYTES);
    return threads == null ? o : o.withThreads(threads);
  }

  /** Turns {@code --compression} values into modes, with the valid ones on error. */
  static final class CompressionConverter implements ITypeConverter<Compression> {
    @Override
    public Compression convert(String value) {
      return Compression.of(value);
    }
  }

  /** Turns {@code --format} values into formats, with the list of valid ones on error. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.of(value);
    }
  }
}
