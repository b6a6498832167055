package dev.newsindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.json.NewsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes one JSON object per command result, for scripts. */
final class JsonSummary {
  private JsonSummary() {}

  /** An open generator on {@code out} that leaves {@code out} open. */
  static JsonGenerator generator(PrintWriter out) throws IOException {
    return NewsJson.generator(out);
  }

  /**
   * The summary of an ingest run: {@code command}, the counts {@link NewsJson#ingestFields}
   * writes, {@code index} and {@code index_articles}.
   */
  static void print(PrintWriter out, String command, IngestSummary s, Path dir, long total)
      throws IOException {
    print(out, command, s, dir.toAbsolutePath().normalize().toString(), total);
  }

  /** As {@link #print(PrintWriter, String, IngestSummary, Path, long)}, the index named. */
  static void print(PrintWriter out, String command, IngestSummary s, String index, long total)
      throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeStringField("command", command);
      NewsJson.ingestFields(g, s);
      g.writeStringField("index", index);
      g.writeNumberField("index_articles", total);
      g.writeEndObject();
    }
    out.println();
  }
}
