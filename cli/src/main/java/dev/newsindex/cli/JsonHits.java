package dev.newsindex.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.Article;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.FacetCount;
import dev.newsindex.search.FacetResult;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Renders results as JSON: {@link #document} writes one JSON document for the whole result,
 * {@link #lines} one object per hit (NDJSON). Field names are stable and listed in README.md; a
 * hit has {@code rank}, {@code score} (null when sorted by date), {@code id}, {@code title},
 * {@code date}, {@code source}, {@code url}, the labels ({@code category}, {@code topic}, {@code
 * place}, {@code author}: arrays; {@code lang}: a string or null), {@code metadata}, {@code
 * title_highlight}, {@code
 * passages} (each {@code text}, {@code offset} in the field, {@code matches} as {@code [start,
 * end)} into {@code text}), {@code duplicates} and {@code duplicate_ids}, and {@code explanation}
 * when asked for.
 */
final class JsonHits {
  private static final JsonFactory JSON = new JsonFactory();
  private final PrintWriter out;

  JsonHits(PrintWriter out) {
    this.out = out;
  }

  /** One object per hit, one per line. */
  void lines(SearchResult result) throws IOException {
    for (Hit hit : result.hits()) {
      if (out.checkError()) {
        return; // the reader went away (e.g. | head): stop quietly
      }
      try (JsonGenerator g = generator()) {
        writeHit(g, hit);
      }
      out.println();
    }
  }

  /** The whole result as one document. */
  void document(SearchResult r) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("query", r.request().query());
      g.writeNumberField("total_hits", r.totalHits());
      g.writeBooleanField("total_exact", r.totalExact());
      g.writeNumberField("offset", r.request().offset());
      g.writeNumberField("limit", r.request().limit());
      g.writeStringField("sort", r.request().sort().name().toLowerCase(java.util.Locale.ROOT));
      g.writeNumberField("took_ms", r.took().toMillis());
      g.writeBooleanField("timed_out", r.timedOut());
      g.writeStringField("did_you_mean", r.didYouMean());
      g.writeStringField("next_cursor", r.nextCursor());
      g.writeObjectFieldStart("facets");
      for (FacetResult f : r.facets()) {
        g.writeObjectFieldStart(f.facet().label());
        g.writeArrayFieldStart("counts");
        for (FacetCount c : f.counts()) {
          g.writeStartObject();
          g.writeStringField("value", c.value());
          g.writeNumberField("count", c.count());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("others", f.others());
        g.writeNumberField("missing", f.missing());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("hits");
      for (Hit hit : r.hits()) {
        writeHit(g, hit);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  /** Duplicate groups as one document. */
  void duplicates(DuplicateReport report) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeNumberField("group_count", report.groupCount());
      g.writeNumberField("article_count", report.articleCount());
      g.writeArrayFieldStart("groups");
      for (DuplicateGroup group : report.groups()) {
        writeGroup(g, group);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  /** Duplicate groups, one per line. */
  void duplicateLines(DuplicateReport report) throws IOException {
    for (DuplicateGroup group : report.groups()) {
      if (out.checkError()) {
        return;
      }
      try (JsonGenerator g = generator()) {
        writeGroup(g, group);
      }
      out.println();
    }
  }

  private JsonGenerator generator() throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    return g;
  }

  private static void writeGroup(JsonGenerator g, DuplicateGroup group) throws IOException {
    g.writeStartObject();
    g.writeNumberField("size", group.articles().size());
    g.writeArrayFieldStart("articles");
    for (Article a : group.articles()) {
      g.writeStartObject();
      writeArticle(g, a);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeArticle(JsonGenerator g, Article a) throws IOException {
    g.writeStringField("id", a.id());
    g.writeStringField("title", a.title());
    g.writeStringField("date", a.date() == null ? null : a.date().toString());
    g.writeStringField("source", a.source());
    g.writeStringField("url", a.url());
    writeLabels(g, a);
  }

  /** The article's labels, named as the fields that search, filter and count them. */
  static void writeLabels(JsonGenerator g, Article a) throws IOException {
    writeList(g, "category", a.categories());
    writeList(g, "topic", a.topics());
    writeList(g, "place", a.places());
    writeList(g, "author", a.authors());
    g.writeStringField("lang", a.lang().isEmpty() ? null : a.lang());
  }

  private static void writeList(JsonGenerator g, String name, java.util.List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void writeHit(JsonGenerator g, Hit hit) throws IOException {
    Article a = hit.article();
    g.writeStartObject();
    g.writeNumberField("rank", hit.rank());
    if (Float.isNaN(hit.score())) {
      g.writeNullField("score");
    } else {
      g.writeNumberField("score", hit.score());
    }
    writeArticle(g, a);
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
    g.writeNumberField("duplicates", hit.duplicates());
    g.writeArrayFieldStart("duplicate_ids");
    for (String id : hit.duplicateIds()) {
      g.writeString(id);
    }
    g.writeEndArray();
    if (hit.explanation() != null) {
      g.writeStringField("explanation", hit.explanation());
    }
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
