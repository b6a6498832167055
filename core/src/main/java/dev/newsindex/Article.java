package dev.newsindex;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One news article, as a plain immutable value: what every format reader produces and what the
 * schema maps to a Lucene document. It knows nothing about Lucene.
 *
 * @param id the article's identifier, unique within an index; never blank
 * @param title the headline; formats without one get a derived title (see {@link
 *     dev.newsindex.ingest.Titles}), which is shown but not searched as a headline (see {@link
 *     dev.newsindex.schema.NewsSchema#isDerivedTitle})
 * @param date the publication date, or {@code null} when the source does not carry one
 * @param source the publisher or wire service, e.g. {@code MENAFN}; empty when unknown
 * @param url the article's address, or empty when the format has none
 * @param body the article text, paragraphs separated by one blank line ({@code "\n\n"})
 * @param metadata further string fields a format carries (e.g. {@code category}), in the order read
 */
public record Article(
    String id,
    String title,
    LocalDate date,
    String source,
    String url,
    String body,
    Map<String, String> metadata) {

  /** Validates and normalises the parts: {@code null} strings become empty, metadata is copied. */
  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank");
    }
    title = title == null ? "" : title;
    source = source == null ? "" : source;
    url = url == null ? "" : url;
    body = body == null ? "" : body;
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(metadata));
  }

  /**
   * An article without extra metadata.
   *
   * @param id the article's identifier; never blank
   * @param title the headline, or empty
   * @param date the publication date, or {@code null}
   * @param source the publisher, or empty
   * @param url the article's address, or empty
   * @param body the article text
   */
  public Article(String id, String title, LocalDate date, String source, String url, String body) {
    this(id, title, date, source, url, body, Map.of());
  }

  /**
   * Whether the article has no text to search: neither a title nor a body.
   *
   * @return true when both title and body are blank
   */
  public boolean isEmpty() {
    return title.isBlank() && body.isBlank();
  }
}
