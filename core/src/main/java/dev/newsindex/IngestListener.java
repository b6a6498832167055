package dev.newsindex;

import dev.newsindex.ingest.Origin;

/** Hears about each article of an ingest run as it is handled; all methods default to nothing. */
public interface IngestListener {

  /** Nothing to hear. */
  IngestListener NONE = new IngestListener() {};

  /** The article with {@code id} from {@code origin} was written (or found unchanged). */
  default void written(Origin origin, String id, IndexOutcome outcome) {}

  /** The record or file at {@code origin} was skipped for {@code reason} (one line). */
  default void skipped(Origin origin, String reason) {}
}
