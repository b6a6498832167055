package dev.newsindex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The output format options that every command printing results shares. */
final class OutputOption {
  @Option(names = "--json", description = "Print the whole result as one JSON document.")
  boolean json;

  @Option(names = "--ndjson", description = "Print one JSON object per line: one per hit (or per"
      + " group), nothing else.")
  boolean ndjson;

  /** Checks that at most one format was asked for. */
  void check(CommandSpec spec) {
    if (json && ndjson) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--json and --ndjson cannot be combined; choose one");
    }
  }
}
