package dev.newsindex.cli;

import java.io.PrintWriter;
import java.time.Instant;

/**
 * Where a command's start-up time goes, for {@code bench/startup.sh}: with the environment
 * variable {@code NEWSINDEX_TRACE} set, the command prints one line to standard error at its end,
 * {@code newsindex trace: before-main=… args=… open=… search=… print=… exit=…} (milliseconds).
 * {@code before-main} is counted from the wall-clock time in {@code NEWSINDEX_TRACE} (nanoseconds
 * since the epoch, e.g. {@code NEWSINDEX_TRACE=$(date +%s%N)}: the launcher's shell work, the JVM's
 * creation and its class cache); any other value leaves it out. Off, it costs one environment
 * lookup.
 */
final class StartupTrace {
  private static final String VALUE = System.getenv("NEWSINDEX_TRACE");
  private static final boolean ON = VALUE != null;
  private static final StringBuilder LINE = ON ? new StringBuilder("newsindex trace:") : null;
  private static long last;

  private StartupTrace() {}

  /** Starts the clock at {@code main}: what came before is counted from the variable's time. */
  static void start() {
    if (!ON) {
      return;
    }
    last = System.nanoTime();
    try {
      Instant now = Instant.now();
      long launched = Long.parseLong(VALUE.strip());
      if (launched > 1_000_000_000_000_000_000L) {
        append("before-main", now.getEpochSecond() * 1_000_000_000L + now.getNano() - launched);
      }
    } catch (NumberFormatException e) {
      // no launch time given: the phases in main only
    }
  }

  /** Ends the phase {@code name}, begun at the previous mark. */
  static void mark(String name) {
    if (!ON) {
      return;
    }
    long now = System.nanoTime();
    append(name, now - last);
    last = now;
  }

  /** Appends {@code name=}{@code nanos} in milliseconds with one decimal (no formatter: cheap). */
  private static void append(String name, long nanos) {
    long tenths = nanos / 100_000;
    LINE.append(' ').append(name).append('=').append(tenths / 10).append('.').append(tenths % 10);
  }

  /** Ends the last phase and prints the line to {@code err}. */
  static void print(PrintWriter err, String lastPhase) {
    if (!ON) {
      return;
    }
    mark(lastPhase);
    err.println(LINE);
    err.flush();
  }
}
