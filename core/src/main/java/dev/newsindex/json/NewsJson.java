package dev.newsindex.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.Article;
import dev.newsindex.status.IndexStats;
import dev.newsindex.ingest.IndexSource;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.FacetCount;
import dev.newsindex.search.FacetResult;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes search results, articles, duplicate groups, index statistics and ingest summaries as JSON.
 *
 * <p>A hit is {@code rank}, {@code score} (null when sorted by date), {@code id}, {@code title},
 * {@code date}, {@code source}, {@code url}, the labels ({@code category}, {@code topic}, {@code
 * place}, {@code author}: arrays; {@code lang}: a string or null), {@code metadata} (only when the
 * article has some),
 * {@code title_highlight}, {@code passages} (each highlight {@code text}, {@code offset} of the text
 * in its field, {@code matches} as {@code [start, end)} pairs into {@code text}; offsets in UTF-16
 * code units, {@link #OFFSET_UNIT}), {@code
 * duplicates}, {@code duplicate_ids}, and {@code explanation} when asked for.
 */
public final class NewsJson {
  /** Fields of {@link #article} that metadata with the same name must not repeat. */
  private static final Set<String> STANDARD = Set.of("id", "title", "date", "source", "url",
      "body", "category", "topic", "place", "author", "lang");
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * The unit of every match offset and passage {@code offset}: UTF-16 code units, as Java and
   * JavaScript index strings (a character outside the Basic Multilingual Plane, such as an emoji,
   * counts two). Written once per result as {@code offset_unit}.
   */
  public static final String OFFSET_UNIT = "utf16";

  private NewsJson() {}

  /**
   * A generator writing to {@code out} that leaves {@code out} open when closed.
   *
   * @param out where the JSON goes
   * @return a new generator; close (or flush) it to push its output to {@code out}
   * @throws IOException when the generator cannot be made
   */
  public static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    return g;
  }

  /**
   * A generator writing UTF-8 to {@code out} that leaves {@code out} open when closed.
   *
   * @param out where the JSON goes
   * @return a new generator; close (or flush) it to push its output to {@code out}
   * @throws IOException when the generator cannot be made
   */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    return g;
  }

  /**
   * A whole search result as one object: {@code query}, {@code total_hits}, {@code total_exact},
   * {@code offset}, {@code limit}, {@code sort}, {@code took_ms}, {@code timed_out}, {@code
   * did_you_mean}, {@code next_cursor}, {@code offset_unit} ({@link #OFFSET_UNIT}: the unit of
   * the passages' offsets), {@code facets} (by facet name: {@code counts} of {@code
   * value} and {@code count}, {@code others}, {@code missing}) and {@code hits}.
   *
   * @param g where to write
   * @param r the result
   * @throws IOException when writing fails
   */
  public static void result(JsonGenerator g, SearchResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("query", r.request().query());
    g.writeNumberField("total_hits", r.totalHits());
    g.writeBooleanField("total_exact", r.totalExact());
    g.writeNumberField("offset", r.request().offset());
    g.writeNumberField("limit", r.request().limit());
    g.writeStringField("sort", r.request().sort().name().toLowerCase(Locale.ROOT));
    g.writeNumberField("took_ms", r.took().toMillis());
    g.writeBooleanField("timed_out", r.timedOut());
    g.writeStringField("did_you_mean", r.didYouMean());
    g.writeStringField("next_cursor", r.nextCursor());
    g.writeStringField("offset_unit", OFFSET_UNIT);
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
      hit(g, hit);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * One hit as an object, with the fields the class comment lists.
   *
   * @param g where to write
   * @param hit the hit
   * @throws IOException when writing fails
   */
  public static void hit(JsonGenerator g, Hit hit) throws IOException {
    Article a = hit.article();
    g.writeStartObject();
    g.writeNumberField("rank", hit.rank());
    if (Float.isNaN(hit.score())) {
      g.writeNullField("score");
    } else {
      g.writeNumberField("score", hit.score());
    }
    articleHead(g, a);
    if (!a.metadata().isEmpty()) {
      g.writeObjectFieldStart("metadata");
      for (Map.Entry<String, String> e : a.metadata().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeFieldName("title_highlight");
    snippet(g, hit.title());
    g.writeArrayFieldStart("passages");
    for (Snippet p : hit.passages()) {
      snippet(g, p);
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

  /**
   * A highlighted piece of text: {@code text}, {@code offset} (where it starts in its field) and
   * {@code matches} ({@code [start, end)} pairs into {@code text}).
   *
   * @param g where to write
   * @param s the snippet
   * @throws IOException when writing fails
   */
  public static void snippet(JsonGenerator g, Snippet s) throws IOException {
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

  /**
   * A whole stored article as one object with the fields of a JSON Lines feed: {@code id}, {@code
   * title}, {@code date}, {@code source}, {@code url}, {@code body}, then each metadata field
   * (those named like a standard field are left out, as the key would repeat). Reading it back as
   * JSON Lines gives the same article.
   *
   * @param g where to write
   * @param a the article
   * @throws IOException when writing fails
   */
  public static void article(JsonGenerator g, Article a) throws IOException {
    g.writeStartObject();
    articleHead(g, a);
    g.writeStringField("body", a.body());
    for (Map.Entry<String, String> e : a.metadata().entrySet()) {
      if (!STANDARD.contains(e.getKey())) {
        g.writeStringField(e.getKey(), e.getValue());
      }
    }
    g.writeEndObject();
  }

  /**
   * Near-duplicate groups as one object: {@code group_count}, {@code article_count} and {@code
   * groups}, each as {@link #group} writes it.
   *
   * @param g where to write
   * @param report the groups
   * @throws IOException when writing fails
   */
  public static void duplicates(JsonGenerator g, DuplicateReport report) throws IOException {
    g.writeStartObject();
    g.writeNumberField("group_count", report.groupCount());
    g.writeNumberField("article_count", report.articleCount());
    g.writeArrayFieldStart("groups");
    for (DuplicateGroup group : report.groups()) {
      group(g, group);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * One near-duplicate group: {@code size} and {@code articles}, each with {@code id}, {@code
   * title}, {@code date}, {@code source} and {@code url}.
   *
   * @param g where to write
   * @param group the group
   * @throws IOException when writing fails
   */
  public static void group(JsonGenerator g, DuplicateGroup group) throws IOException {
    g.writeStartObject();
    g.writeNumberField("size", group.articles().size());
    g.writeArrayFieldStart("articles");
    for (Article a : group.articles()) {
      g.writeStartObject();
      articleHead(g, a);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * Index statistics as one object: {@code index}, {@code articles}, {@code deleted}, {@code
   * segments}, {@code size_bytes}, {@code first_date}, {@code last_date}, {@code undated}, {@code
   * sources} (name to count, most first), each label field (value to count), {@code schema}, {@code commit_generation} and {@code
   * compression}.
   *
   * @param g where to write
   * @param s the statistics
   * @param index how to name the index (its directory)
   * @throws IOException when writing fails
   */
  public static void stats(JsonGenerator g, IndexStats s, String index) throws IOException {
    stats(g, s, index, null);
  }

  /**
   * {@link #stats(JsonGenerator, IndexStats, String)} with the sources a local index records, as
   * {@code recorded_sources}: an array of objects with {@code path}, {@code format} (null when
   * recognised per file) and {@code id_prefix}.
   *
   * @param g where to write
   * @param s the statistics
   * @param index where the index is, as the user should see it
   * @param recorded the sources the index records ({@link dev.newsindex.NewsIndex#sources()}), or
   *     null to leave the field out (an index on a cluster)
   * @throws IOException when writing fails
   */
  public static void stats(JsonGenerator g, IndexStats s, String index,
      List<IndexSource> recorded) throws IOException {
    g.writeStartObject();
    g.writeStringField("index", index);
    g.writeNumberField("articles", s.articles());
    g.writeNumberField("deleted", s.deleted());
    g.writeNumberField("segments", s.segments());
    g.writeNumberField("size_bytes", s.sizeOnDisk());
    g.writeStringField("first_date", s.firstDate() == null ? null : s.firstDate().toString());
    g.writeStringField("last_date", s.lastDate() == null ? null : s.lastDate().toString());
    g.writeNumberField("undated", s.undated());
    g.writeObjectFieldStart("sources");
    for (Map.Entry<String, Long> e : s.bySource().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    for (Map.Entry<String, Map<String, Long>> label : s.byLabel().entrySet()) {
      g.writeObjectFieldStart(label.getKey());
      for (Map.Entry<String, Long> e : label.getValue().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeStringField("schema", s.schema());
    g.writeNumberField("commit_generation", s.generation());
    g.writeStringField("compression", s.compression().label());
    if (recorded != null) {
      g.writeArrayFieldStart("recorded_sources");
      for (IndexSource r : recorded) {
        g.writeStartObject();
        g.writeStringField("path", r.path());
        g.writeStringField("format", r.format() == null ? null : r.format().label());
        g.writeStringField("id_prefix", r.idPrefix());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * The counts of an ingest run as fields of the object being written (the caller opens and closes
   * it, and may add fields of its own around them): {@code indexed}, {@code updated}, {@code
   * unchanged}, {@code skipped}, {@code articles} (read), {@code bytes_read}, {@code
   * elapsed_seconds}, {@code articles_per_second} and {@code replaced_from_other_source} (of the
   * updated, those that replaced an article of another source).
   *
   * @param g where to write, inside an object
   * @param s the summary
   * @throws IOException when writing fails
   */
  public static void ingestFields(JsonGenerator g, IngestSummary s) throws IOException {
    g.writeNumberField("indexed", s.indexed());
    g.writeNumberField("updated", s.updated());
    g.writeNumberField("unchanged", s.unchanged());
    g.writeNumberField("skipped", s.skipped());
    g.writeNumberField("articles", s.articles());
    g.writeNumberField("bytes_read", s.bytesRead());
    g.writeNumberField("elapsed_seconds", s.elapsed().toMillis() / 1000.0);
    g.writeNumberField("articles_per_second", Math.round(s.articlesPerSecond()));
    g.writeNumberField("replaced_from_other_source", s.replacedFromOtherSource());
  }

  private static void articleHead(JsonGenerator g, Article a) throws IOException {
    g.writeStringField("id", a.id());
    g.writeStringField("title", a.title());
    g.writeStringField("date", a.date() == null ? null : a.date().toString());
    g.writeStringField("source", a.source());
    g.writeStringField("url", a.url());
    labels(g, a);
  }

  /** The article's labels, named as the fields that search, filter and count them. */
  private static void labels(JsonGenerator g, Article a) throws IOException {
    list(g, "category", a.categories());
    list(g, "topic", a.topics());
    list(g, "place", a.places());
    list(g, "author", a.authors());
    g.writeStringField("lang", a.lang().isEmpty() ? null : a.lang());
  }

  private static void list(JsonGenerator g, String name, java.util.List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
