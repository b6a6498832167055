package dev.newsindex.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.newsindex.Article;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON Lines: one article object per line. Blank lines are ignored; each bad line is rejected
 * with its line number and the rest of the file is still read. A line longer than 16 MiB is skipped
 * unread (see {@link Lines}), so a file that is one huge line cannot exhaust the heap.
 *
 * <p>Field names vary between feeds, so each article field accepts aliases: {@code id} ({@code
 * docid}, {@code guid}), {@code title} ({@code headline}), {@code date} ({@code published}, {@code
 * published_at}, {@code publishedAt}, {@code pubDate}), {@code source} ({@code publisher}), {@code
 * url} ({@code link}), {@code body} ({@code content}, {@code text}). Dates may be ISO dates or
 * date-times. The labels take a string or an array of strings (an object's {@code name} counts as
 * its string, as in {@code "author": {"name": "..."}}): {@code category} ({@code categories},
 * {@code section}), {@code topic} ({@code topics}, {@code subject}, {@code subjects}, {@code tags},
 * {@code keywords}), {@code place} ({@code places}, {@code location}, {@code locations}), {@code
 * author} ({@code authors}, {@code byline}, {@code creator}), and {@code lang} ({@code language},
 * {@code inLanguage}, {@code locale}; see {@link Languages}: a value naming no language is kept as
 * metadata instead). Other scalar fields (and arrays of scalars, joined by {@code ", "}) are kept as
 * metadata. A missing title is derived from the body by {@link Titles}.
 */
public final class JsonLinesReader implements ArticleReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  private static final Map<String, String> ALIASES = aliases();

  private static Map<String, String> aliases() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : new String[] {"id", "docid", "guid"}) {
      m.put(k, "id");
    }
    for (String k : new String[] {"title", "headline"}) {
      m.put(k, "title");
    }
    for (String k : new String[] {"date", "published", "published_at", "publishedat", "pubdate"}) {
      m.put(k, "date");
    }
    for (String k : new String[] {"source", "publisher"}) {
      m.put(k, "source");
    }
    for (String k : new String[] {"url", "link"}) {
      m.put(k, "url");
    }
    for (String k : new String[] {"body", "content", "text"}) {
      m.put(k, "body");
    }
    return Map.copyOf(m);
  }

  /** The labels' aliases (lower case), mapped to the label they give. */
  private static final Map<String, String> LABELS = labelAliases();

  private static Map<String, String> labelAliases() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : new String[] {"category", "categories", "section"}) {
      m.put(k, "category");
    }
    for (String k : new String[] {"topic", "topics", "subject", "subjects", "tags", "keywords"}) {
      m.put(k, "topic");
    }
    for (String k : new String[] {"place", "places", "location", "locations"}) {
      m.put(k, "place");
    }
    for (String k : new String[] {"author", "authors", "byline", "creator"}) {
      m.put(k, "author");
    }
    for (String k : new String[] {"lang", "language", "inlanguage", "locale"}) {
      m.put(k, "lang");
    }
    return Map.copyOf(m);
  }

  /** A reader; it keeps no state, so one instance may be shared. */
  public JsonLinesReader() {}

  @Override
  public void read(String name, InputStream in, ArticleHandler handler) throws IOException {
    Lines lines = new Lines(in);
    while (lines.next()) {
      Origin origin = new Origin(name, lines.lineNumber());
      if (lines.tooLong()) {
        handler.rejected(origin, lines.tooLongReason());
        continue;
      }
      String text;
      try {
        text = Text.decodeUtf8(lines.bytes(), 0, lines.length());
      } catch (Text.NotUtf8Exception e) {
        handler.rejected(origin, e.getMessage());
        continue;
      }
      if (lines.lineNumber() == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1); // a byte order mark, as some Windows tools write
      }
      if (text.isBlank()) {
        continue;
      }
      Article article;
      try {
        article = parseLine(text);
      } catch (RejectedRecordException e) {
        handler.rejected(origin, e.getMessage());
        continue;
      }
      handler.article(article, origin);
    }
  }

  /**
   * Parses one JSON object into an article.
   *
   * @param line one line of a JSON Lines file
   * @return the article
   * @throws RejectedRecordException with a one-line reason for anything but a usable article
   */
  public static Article parseLine(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    Map<String, List<String>> labels = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RejectedRecordException("not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        String lower = key.toLowerCase(Locale.ROOT);
        String label = LABELS.get(lower);
        if (label != null) {
          List<String> values = labels.computeIfAbsent(label, k -> new ArrayList<>());
          if (value == JsonToken.VALUE_STRING && (lower.equals("keywords") || lower.equals("tags"))) {
            values.addAll(Labels.split(p.getText())); // "oil, opec": a list in one string
            continue;
          }
          labelValues(p, value, values, 0);
          if (label.equals("lang") && !values.isEmpty()
              && Languages.code(values.get(values.size() - 1)).isEmpty()) {
            metadata.put(key, values.remove(values.size() - 1));
          }
          continue;
        }
        String canonical = ALIASES.get(lower);
        String text = scalarText(p, value);
        if (text == null) {
          continue;
        }
        if (canonical != null) {
          fields.putIfAbsent(canonical, text);
        } else {
          metadata.put(key, text);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new RejectedRecordException("not a JSON object");
      }
      if (p.nextToken() != null) {
        throw new RejectedRecordException("more than one JSON value on the line");
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new RejectedRecordException("bad JSON" + where + ": " + e.getOriginalMessage()
          .lines().findFirst().orElse("syntax error"), e);
    } catch (IOException e) {
      throw new RejectedRecordException("unreadable JSON: " + e.getMessage(), e);
    }
    return toArticle(fields, metadata, labels);
  }

  /**
   * Adds the strings of a label's value to {@code out}: a scalar, each scalar of an array, the
   * {@code name} of an object (or of each object in an array); anything else is skipped.
   */
  private static void labelValues(JsonParser p, JsonToken value, List<String> out, int depth)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value.isScalarValue()) {
      out.add(p.getText());
    } else if (value == JsonToken.START_ARRAY && depth == 0) {
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        labelValues(p, t, out, depth + 1);
      }
    } else if (value == JsonToken.START_OBJECT) {
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("name") && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
          out.add(p.getText());
        } else {
          p.skipChildren();
        }
      }
    } else {
      p.skipChildren();
    }
  }

  /** The text of a scalar or of an array of scalars; {@code null} (after skipping) otherwise. */
  private static String scalarText(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value.isScalarValue()) {
      return p.getText();
    }
    if (value == JsonToken.START_ARRAY) {
      StringBuilder joined = new StringBuilder();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
          if (!joined.isEmpty()) {
            joined.append(", ");
          }
          joined.append(p.getText());
        } else if (t.isStructStart()) {
          p.skipChildren();
        }
      }
      return joined.isEmpty() ? null : joined.toString();
    }
    p.skipChildren();
    return null;
  }

  private static Article toArticle(Map<String, String> fields, Map<String, String> metadata,
      Map<String, List<String>> labels) {
    String id = fields.getOrDefault("id", "").strip();
    if (id.isEmpty()) {
      throw new RejectedRecordException("no \"id\"");
    }
    String body = MenafnTextReader.paragraphs(fields.getOrDefault("body", ""));
    String title = fields.getOrDefault("title", "").strip();
    if (title.isEmpty() && body.isEmpty()) {
      throw new RejectedRecordException("empty article " + id + ": no title and no body");
    }
    if (title.isEmpty()) {
      title = Titles.derive(body);
    }
    String dateText = fields.getOrDefault("date", "").strip();
    LocalDate date = dateText.isEmpty() ? null : Dates.parseInRecord(dateText);
    List<String> langs = labels.getOrDefault("lang", List.of());
    return Article.builder(id).title(title).date(date)
        .source(fields.getOrDefault("source", "").strip())
        .url(fields.getOrDefault("url", "").strip()).body(body).metadata(metadata)
        .categories(Labels.clean(labels.getOrDefault("category", List.of())))
        .topics(Labels.clean(labels.getOrDefault("topic", List.of())))
        .places(Labels.clean(labels.getOrDefault("place", List.of())))
        .authors(Labels.authors(labels.getOrDefault("author", List.of())))
        .lang(langs.isEmpty() ? "" : Languages.code(langs.get(0)))
        .build();
  }
}
