package dev.newsindex.ingest;

import dev.newsindex.NewsIndexException;
import java.util.Locale;

/**
 * An ingest run or rebuild stopped before the end of its input because its listener asked it to
 * ({@link IngestListener#stopRequested()}, e.g. on Ctrl-C). The index holds exactly one commit: an
 * ingest commits what it had written before stopping, a rebuild rolls back and leaves the old
 * index as it was. Running the same job again completes it (articles already in are found
 * unchanged).
 */
public final class IngestStoppedException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  /** The records read before stopping. */
  private final long read;
  /** The articles of the run that the last commit holds. */
  private final long committed;

  /**
   * A run that read {@code read} records and whose index now holds {@code committed} of its
   * articles.
   *
   * @param read the records (articles and skipped records) read before stopping
   * @param committed the articles of this run that the index's last commit holds; 0 when the run
   *     was rolled back
   */
  public IngestStoppedException(long read, long committed) {
    super(String.format(Locale.ROOT, "stopped on request: %,d read, %,d committed", read,
        committed));
    this.read = read;
    this.committed = committed;
  }

  /**
   * The records read before stopping.
   *
   * @return the articles and skipped records read
   */
  public long read() {
    return read;
  }

  /**
   * The articles of this run that the index's last commit holds.
   *
   * @return the articles committed, 0 when the run was rolled back
   */
  public long committed() {
    return committed;
  }
}
