package dev.newsindex.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.json.NewsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A whole answer, held in memory until it is sent: results are a page of hits, and a body that is
 * complete before the status line goes out lets a failure still become a proper error answer.
 *
 * @param status the HTTP status
 * @param contentType the media type of the body
 * @param body the bytes
 * @param headers further headers
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json";

  /** What a {@link JsonBody} writes. */
  interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  /** 200 with the JSON that {@code body} writes. */
  static Response json(JsonBody body) throws IOException {
    return json(200, body);
  }

  /** {@code status} with the JSON that {@code body} writes. */
  static Response json(int status, JsonBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = NewsJson.generator(out)) {
      body.write(g);
    }
    out.write('\n');
    return new Response(status, JSON, out.toByteArray(), Map.of());
  }
}
