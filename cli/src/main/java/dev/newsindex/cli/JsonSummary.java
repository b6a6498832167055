package dev.newsindex.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.ingest.IngestSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes one JSON object per command result, for scripts. */
final class JsonSummary {
  static final JsonFactory JSON = new JsonFactory();

  private JsonSummary() {}

  /** An open generator on {@code out} that leaves {@code out} open. */
  static JsonGenerator generator(PrintWriter out) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    return g;
  }

  /**
   * The summary of an ingest run: {@code command}, {@code indexed}, {@code updated}, {@code
   * unchanged}, {@code skipped}, {@code articles} (read), {@code bytes_read}, {@code
   * elapsed_seconds}, {@code articles_per_second}, {@code index} and {@code index_articles}.
   */
  static void print(PrintWriter out, String command, IngestSummary s, Path dir, long total)
      throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeStringField("command", command);
      g.writeNumberField("indexed", s.indexed());
      g.writeNumberField("updated", s.updated());
      g.writeNumberField("unchanged", s.unchanged());
      g.writeNumberField("skipped", s.skipped());
      g.writeNumberField("articles", s.articles());
      g.writeNumberField("bytes_read", s.bytesRead());
      g.writeNumberField("elapsed_seconds", s.elapsed().toMillis() / 1000.0);
      g.writeNumberField("articles_per_second", Math.round(s.articlesPerSecond()));
      g.writeStringField("index", dir.toAbsolutePath().normalize().toString());
      g.writeNumberField("index_articles", total);
      g.writeEndObject();
    }
    out.println();
  }
}
