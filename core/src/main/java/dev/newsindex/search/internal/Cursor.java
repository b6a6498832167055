package dev.newsindex.search.internal;

import dev.newsindex.InvalidCursorException;
import dev.newsindex.search.SearchRequest;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Where a page of hits ended, as an opaque URL-safe string: the index version, a fingerprint of the
 * query, filters and sort, and the last hit's sort value and Lucene doc id. Doc ids are only stable
 * within one index version, so a cursor is refused (with a message saying to start again) once the
 * index has changed or when used with another query or order.
 *
 * @param version the index version (commit) the cursor belongs to
 * @param fingerprint the hash of the query, filters and sort
 * @param value the last hit's score (as float bits) or date (epoch day)
 * @param doc the last hit's doc id: the tie-break that makes the order total
 * @param rank the last hit's rank, so that ranks continue on the next page
 */
record Cursor(long version, int fingerprint, long value, int doc, int rank) {
  private static final String PREFIX = "c1.";

  String encode() {
    ByteBuffer b = ByteBuffer.allocate(28).putLong(version).putInt(fingerprint).putLong(value)
        .putInt(doc).putInt(rank);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  static Cursor decode(String text) {
    try {
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      byte[] bytes = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
      if (bytes.length != 28) {
        throw new IllegalArgumentException();
      }
      ByteBuffer b = ByteBuffer.wrap(bytes);
      return new Cursor(b.getLong(), b.getInt(), b.getLong(), b.getInt(), b.getInt());
    } catch (IllegalArgumentException e) { // Base64's, or ours above
      throw new InvalidCursorException("not a cursor: '" + text
          + "'; pass the next_cursor value of a previous page");
    }
  }

  /** The fingerprint of everything that decides which hits come in which order. */
  static int fingerprint(SearchRequest r) {
    return java.util.Objects.hash(r.query(), r.matchAll(), r.since(), r.until(), r.sources(),
        r.filters(), r.sort());
  }
}
