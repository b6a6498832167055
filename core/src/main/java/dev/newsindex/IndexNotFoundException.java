package dev.newsindex;

import java.nio.file.Path;

/** Thrown when an index is opened for reading where none has been built yet. */
public final class IndexNotFoundException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * No index at {@code path}.
   *
   * @param path where the index was looked for
   */
  public IndexNotFoundException(Path path) {
    super("no index at " + path + "; build one with: newsindex index --index " + path + " PATH...");
    this.path = path;
  }

  /**
   * Where the index was looked for.
   *
   * @return the index directory that holds no index
   */
  public Path path() {
    return path;
  }
}
