package dev.newsindex.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.json.NewsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An error answer, in the shape of RFC 9457 problem details ({@code application/problem+json}):
 * {@code status}, {@code title} (the status's reason phrase), {@code detail} (one line saying what
 * to do) and, for a bad query, {@code position} (1-based, in {@code query}). The type is the
 * default {@code about:blank}, so it is left out.
 */
final class Problem extends Exception {
  private static final long serialVersionUID = 1L;
  private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
      Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
      Map.entry(415, "Unsupported Media Type"), Map.entry(421, "Misdirected Request"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"));

  final int status;
  final String query;
  final int position;
  /** Extra response headers, e.g. {@code Allow} or {@code WWW-Authenticate}. */
  final transient Map<String, String> headers;

  Problem(int status, String detail) {
    this(status, detail, null, 0, Map.of());
  }

  Problem(int status, String detail, Map<String, String> headers) {
    this(status, detail, null, 0, headers);
  }

  Problem(int status, String detail, String query, int position, Map<String, String> headers) {
    super(detail, null, false, false); // no stack trace: it is an answer, not a failure
    this.status = status;
    this.query = query;
    this.position = position;
    this.headers = headers;
  }

  /** The reason phrase of {@code status}. */
  static String title(int status) {
    return TITLES.getOrDefault(status, "Error");
  }

  /** The JSON body. */
  byte[] json() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = NewsJson.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("status", status);
      g.writeStringField("title", title(status));
      g.writeStringField("detail", getMessage());
      if (query != null) {
        g.writeStringField("query", query);
        g.writeNumberField("position", position);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
