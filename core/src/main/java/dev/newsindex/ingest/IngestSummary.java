package dev.newsindex.ingest;

import java.time.Duration;

/**
 * What one ingest run did, counted per outcome.
 *
 * @param indexed articles added under a new id
 * @param updated articles that replaced an existing one with different content
 * @param unchanged articles already in the index with the same content (not rewritten)
 * @param skipped records or files that could not be read (each reported with its reason)
 * @param elapsed wall time of the run, commit included
 * @param bytesRead input bytes read (compressed bytes for compressed files)
 * @param replacedFromOtherSource of the {@code updated}, those that replaced an article of another
 *     source: an id that two feeds share, where the later overwrote the earlier (a prefix per feed,
 *     {@link IngestOptions#idPrefix()}, keeps both)
 */
public record IngestSummary(long indexed, long updated, long unchanged, long skipped,
    Duration elapsed, long bytesRead, long replacedFromOtherSource) {

  /**
   * A summary in which no update replaced an article of another source.
   *
   * @param indexed articles added under a new id
   * @param updated articles that replaced an existing one with different content
   * @param unchanged articles already in the index with the same content (not rewritten)
   * @param skipped records or files that could not be read
   * @param elapsed wall time of the run, commit included
   * @param bytesRead input bytes read (compressed bytes for compressed files)
   */
  public IngestSummary(long indexed, long updated, long unchanged, long skipped,
      Duration elapsed, long bytesRead) {
    this(indexed, updated, unchanged, skipped, elapsed, bytesRead, 0);
  }

  /**
   * A summary without a byte count: {@link #bytesRead()} is 0.
   *
   * @param indexed articles added under a new id
   * @param updated articles that replaced an existing one with different content
   * @param unchanged articles already in the index with the same content (not rewritten)
   * @param skipped records or files that could not be read
   * @param elapsed wall time of the run, commit included
   */
  public IngestSummary(long indexed, long updated, long unchanged, long skipped,
      Duration elapsed) {
    this(indexed, updated, unchanged, skipped, elapsed, 0, 0);
  }

  /**
   * Articles read successfully, whatever their outcome.
   *
   * @return indexed + updated + unchanged
   */
  public long articles() {
    return indexed + updated + unchanged;
  }

  /**
   * Articles read per second of the run.
   *
   * @return {@link #articles()} divided by the elapsed seconds; 0 when no time elapsed
   */
  public double articlesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? articles() / s : 0;
  }
}
