package dev.newsindex;

import java.nio.file.Path;

/** Thrown when an index was written with a schema or analysis this version cannot search. */
public final class IncompatibleIndexException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  /**
   * The index at {@code path} has schema {@code found}; this version needs {@code expected}.
   *
   * @param path the index directory
   * @param found the schema the index was built with
   * @param expected the schema this version needs
   */
  public IncompatibleIndexException(Path path, String found, String expected) {
    super("the index at " + path + " was built with schema " + found + " but this newsindex needs "
        + expected + "; rebuild it from its sources with: newsindex rebuild --index " + path
        + " PATH... (searches keep using the old index until the new one is complete)");
  }
}
