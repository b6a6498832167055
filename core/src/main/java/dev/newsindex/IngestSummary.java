package dev.newsindex;

import java.time.Duration;

/**
 * What one ingest run did, counted per outcome.
 *
 * @param indexed articles added under a new id
 * @param updated articles that replaced an existing one with different content
 * @param unchanged articles already in the index with the same content (not rewritten)
 * @param skipped records or files that could not be read (each reported with its reason)
 * @param elapsed wall time of the run, commit included
 */
public record IngestSummary(long indexed, long updated, long unchanged, long skipped,
    Duration elapsed) {

  /**
   * Articles read successfully, whatever their outcome.
   *
   * @return indexed + updated + unchanged
   */
  public long articles() {
    return indexed + updated + unchanged;
  }
}
