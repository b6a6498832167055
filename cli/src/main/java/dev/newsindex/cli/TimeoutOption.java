package dev.newsindex.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout TIME}: how long one search may run, for {@code search} and {@code shell}. */
final class TimeoutOption {
  @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Stop a search after TIME (e.g. 500ms, 10s) and show what was found so far"
          + " (default: ${DEFAULT-VALUE}).")
  Duration timeout = Duration.ofSeconds(10);
}
