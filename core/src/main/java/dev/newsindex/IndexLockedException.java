package dev.newsindex;

import java.nio.file.Path;

/** Thrown when another process (or another writer in this one) holds an index's write lock. */
public final class IndexLockedException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  /**
   * The index at {@code path} is locked by another writer.
   *
   * @param path the index directory
   * @param cause Lucene's lock failure
   */
  public IndexLockedException(Path path, Throwable cause) {
    super("the index at " + path + " is locked by another writer; wait for it to finish"
        + " (searches keep working meanwhile)", cause);
  }
}
