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
import java.util.LinkedHashMap;
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
 * date-times. Other scalar fields (and arrays of scalars, joined by {@code ", "}) are kept as
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
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RejectedRecordException("not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        String canonical = ALIASES.get(key.toLowerCase(Locale.ROOT));
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
    return toArticle(fields, metadata);
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

  private static Article toArticle(Map<String, String> fields, Map<String, String> metadata) {
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
    return new Article(id, title, date, fields.getOrDefault("source", "").strip(),
        fields.getOrDefault("url", "").strip(), body, metadata);
  }
}
