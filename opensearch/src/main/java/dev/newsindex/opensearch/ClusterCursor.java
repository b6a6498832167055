package dev.newsindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.search.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of a cluster's hits ended, as an opaque URL-safe string: a fingerprint of the query,
 * filters and sort (a cursor of another search is refused), the last hit's sort values (the
 * cluster's {@code search_after}), and its rank.
 *
 * @param fingerprint the hash of what decides which hits come in which order
 * @param after the last hit's sort values
 * @param rank the last hit's 1-based rank
 */
record ClusterCursor(int fingerprint, ArrayNode after, int rank) {
  String encode() {
    ObjectNode o = Cluster.JSON.createObjectNode();
    o.put("f", fingerprint).put("r", rank).set("a", after);
    try {
      return "os" + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Cluster.JSON.writeValueAsBytes(o));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cursor {@code text} if it belongs to {@code request}'s query, filters and sort. */
  static ClusterCursor decode(String text, SearchRequest request) {
    ClusterCursor c;
    try {
      if (!text.startsWith("os")) {
        throw new IllegalArgumentException();
      }
      JsonNode o = Cluster.JSON.readTree(new String(Base64.getUrlDecoder()
          .decode(text.substring(2)), StandardCharsets.UTF_8));
      c = new ClusterCursor(o.path("f").asInt(), (ArrayNode) o.get("a"), o.path("r").asInt());
    } catch (IOException | RuntimeException e) {
      throw new dev.newsindex.InvalidCursorException("not a cursor of this cluster index: '"
          + text + "'; pass the next_cursor value of a previous page");
    }
    if (c.fingerprint != fingerprint(request)) {
      throw new dev.newsindex.InvalidCursorException("the cursor belongs to another query, filter"
          + " or sort; start again from the first page");
    }
    return c;
  }

  /** The fingerprint of everything that decides which hits come in which order. */
  static int fingerprint(SearchRequest r) {
    return Objects.hash(r.query(), r.matchAll(), r.since(), r.until(), r.sources(), r.filters(),
        r.sort());
  }
}
