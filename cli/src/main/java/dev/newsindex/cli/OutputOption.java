package dev.newsindex.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code --json | --ndjson}: the output format of every command that prints a result; text for
 * people when neither is given. A command with a single result prints the same object either way.
 */
final class OutputOption {
  @ArgGroup(exclusive = true)
  Format format;

  /** The two machine formats; picocli refuses both at once. */
  static final class Format {
    @Option(names = "--json", required = true,
        description = "Print the result as one JSON document.")
    boolean json;

    @Option(names = "--ndjson", required = true,
        description = "Print one JSON object per line: one per hit or group (one in all for a"
            + " single result).")
    boolean ndjson;
  }

  /** Whether {@code --json} was given. */
  boolean json() {
    return format != null && format.json;
  }

  /** Whether {@code --ndjson} was given. */
  boolean ndjson() {
    return format != null && format.ndjson;
  }

  /** Whether either JSON format was given. */
  boolean anyJson() {
    return format != null;
  }
}
