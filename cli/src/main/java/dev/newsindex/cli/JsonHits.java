package dev.newsindex.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.Article;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Renders search results as JSON Lines: one object per hit, with the article's fields, the score,
 * and the title and passages with their match offsets ({@code [start, end)} into each text).
 */
final class JsonHits {
  private static final JsonFactory JSON = new JsonFactory();
  private final PrintWriter out;

  JsonHits(PrintWriter out) {
    this.out = out;
  }

  void print(SearchResult result) throws IOException {
    for (Hit hit : result.hits()) {
      if (out.checkError()) {
        return;
      }
      try (JsonGenerator g = JSON.createGenerator(out)) {
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        write(g, hit);
      }
      out.println();
    }
  }

  private static void write(JsonGenerator g, Hit hit) throws IOException {
    Article a = hit.article();
    g.writeStartObject();
    g.writeNumberField("rank", hit.rank());
    g.writeNumberField("score", hit.score());
    g.writeStringField("id", a.id());
    g.writeStringField("title", a.title());
    g.writeStringField("date", a.date() == null ? null : a.date().toString());
    g.writeStringField("source", a.source());
    g.writeStringField("url", a.url());
    if (!a.metadata().isEmpty()) {
      g.writeObjectFieldStart("metadata");
      for (Map.Entry<String, String> e : a.metadata().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeFieldName("title_highlight");
    writeSnippet(g, hit.title());
    g.writeArrayFieldStart("passages");
    for (Snippet p : hit.passages()) {
      writeSnippet(g, p);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeSnippet(JsonGenerator g, Snippet s) throws IOException {
    g.writeStartObject();
    g.writeStringField("text", s.text());
    g.writeNumberField("offset", s.fieldOffset());
    g.writeArrayFieldStart("matches");
    for (Span m : s.matches()) {
      g.writeStartArray();
      g.writeNumber(m.start());
      g.writeNumber(m.end());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
