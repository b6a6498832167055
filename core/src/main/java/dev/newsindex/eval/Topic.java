package dev.newsindex.eval;

import java.util.Objects;

/**
 * One query of a test collection.
 *
 * @param id the query id used by the qrels
 * @param text the query as plain text (not query syntax)
 */
public record Topic(String id, String text) {
  /** Checks the parts. */
  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }
}
