package dev.newsindex.search.internal;

import dev.newsindex.InvalidCursorException;
import dev.newsindex.search.SearchRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

  /**
   * The fingerprint of everything that decides which hits come in which order: the first four
   * bytes of the SHA-256 of a canonical text of the query, match mode, dates, sources, filters,
   * languages and sort. Only values with a fixed text form go in (strings, ISO dates, the sort's name), so the
   * same request gives the same fingerprint in every JVM and every release on the same schema;
   * {@code hashCode}s of enums or Lucene queries would not.
   */
  static int fingerprint(SearchRequest r) {
    StringBuilder canonical = new StringBuilder("q=").append(quoted(r.query()))
        .append(";all=").append(r.matchAll())
        .append(";since=").append(r.since())
        .append(";until=").append(r.until())
        .append(";sort=").append(r.sort().name());
    for (String s : r.sources()) {
      canonical.append(";source=").append(quoted(s));
    }
    for (String f : r.filters()) {
      canonical.append(";filter=").append(quoted(f));
    }
    // In any order the same languages select the same hits; none adds nothing, so a cursor made
    // before languages counted is still accepted.
    for (String l : new java.util.TreeSet<>(r.langs())) {
      canonical.append(";lang=").append(quoted(l));
    }
    try {
      byte[] digest = ((MessageDigest) SHA_256.clone())
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getInt();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError("the JDK's SHA-256 can be cloned", e);
    }
  }

  /**
   * A digest never used, cloned for each fingerprint: {@code MessageDigest.getInstance} looks the
   * algorithm up among the security providers every time, which cost about 3% of a top-10 search
   * without passages ({@code bench/run SearchBench}).
   */
  private static final MessageDigest SHA_256 = sha256();

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** Length-prefixed, so that no two lists of strings run together into the same text. */
  private static String quoted(String s) {
    return s == null ? "-" : s.length() + ":" + s;
  }
}
