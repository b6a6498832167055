package dev.newsindex.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.newsindex.Article;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON Lines: one article object per line. Blank lines are ignored; each bad line is rejected
 * with its line number and the rest of the file is still read.
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
    LineReader lines = new LineReader(in);
    byte[] line;
    while ((line = lines.next()) != null) {
      Origin origin = new Origin(name, lines.lineNumber());
      String text;
      try {
        text = Text.decodeUtf8(line);
      } catch (Text.NotUtf8Exception e) {
        handler.rejected(origin, e.getMessage());
        continue;
      }
      if (text.isBlank()) {
        continue;
      }
      Article article;
      try {
        article = parseLine(text);
      } catch (IllegalArgumentException e) {
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
   * @throws IllegalArgumentException with a one-line reason for anything but a usable article
   */
  public static Article parseLine(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
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
        throw new IllegalArgumentException("not a JSON object");
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value on the line");
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new IllegalArgumentException("bad JSON" + where + ": " + e.getOriginalMessage()
          .lines().findFirst().orElse("syntax error"), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
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
      throw new IllegalArgumentException("no \"id\"");
    }
    String body = MenafnTextReader.paragraphs(fields.getOrDefault("body", ""));
    String title = fields.getOrDefault("title", "").strip();
    if (title.isEmpty() && body.isEmpty()) {
      throw new IllegalArgumentException("empty article " + id + ": no title and no body");
    }
    if (title.isEmpty()) {
      title = Titles.derive(body);
    }
    String dateText = fields.getOrDefault("date", "").strip();
    LocalDate date = dateText.isEmpty() ? null : Dates.parse(dateText);
    return new Article(id, title, date, fields.getOrDefault("source", "").strip(),
        fields.getOrDefault("url", "").strip(), body, metadata);
  }

  /** Splits a byte stream into lines without decoding, so one bad line cannot spoil the next. */
  private static final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[8192];
    private long lineNumber;

    LineReader(InputStream in) {
      this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    }

    long lineNumber() {
      return lineNumber;
    }

    byte[] next() throws IOException {
      int len = 0;
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (len == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = (byte) b;
      }
      if (b == -1 && len == 0) {
        return null;
      }
      lineNumber++;
      if (len > 0 && buf[len - 1] == '\r') {
        len--;
      }
      return java.util.Arrays.copyOf(buf, len);
    }
  }
}
