package dev.newsindex.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How far an ingest run has come, as reported to {@link IngestListener#progress} a few times a
 * second.
 *
 * @param articles articles written (indexed, updated or found unchanged) so far
 * @param skipped records or files skipped so far
 * @param bytesRead input bytes read so far (compressed bytes for compressed files)
 * @param totalBytes the bytes of all inputs, or -1 when unknown (standard input)
 * @param elapsed time since the run started
 */
public record IngestProgress(long articles, long skipped, long bytesRead, long totalBytes,
    Duration elapsed) {

  /**
   * Articles written per second so far.
   *
   * @return {@link #articles()} divided by the elapsed seconds; 0 before any time has elapsed
   */
  public double articlesPerSecond() {
    double s = seconds();
    return s > 0 ? articles / s : 0;
  }

  /**
   * Input bytes read per second so far.
   *
   * @return {@link #bytesRead()} divided by the elapsed seconds; 0 before any time has elapsed
   */
  public double bytesPerSecond() {
    double s = seconds();
    return s > 0 ? bytesRead / s : 0;
  }

  /**
   * The part of the input read, 0 to 1, when the total is known.
   *
   * @return the bytes read over the total bytes, capped at 1; empty when the total is unknown or 0
   */
  public OptionalDouble fraction() {
    return totalBytes > 0 ? OptionalDouble.of(Math.min(1.0, (double) bytesRead / totalBytes))
        : OptionalDouble.empty();
  }

  /**
   * The estimated time left, at the rate so far, when the total is known.
   *
   * @return the unread bytes divided by {@link #bytesPerSecond()}, to the millisecond; empty when
   *     the total is unknown or 0, or nothing has been read yet
   */
  public Optional<Duration> remaining() {
    double rate = bytesPerSecond();
    if (totalBytes <= 0 || rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((long) (Math.max(0, totalBytes - bytesRead) / rate
        * 1000)));
  }

  private double seconds() {
    return elapsed.toNanos() / 1e9;
  }
}
