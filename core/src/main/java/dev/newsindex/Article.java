package dev.newsindex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One news article, as a plain immutable value: what every format reader produces and what the
 * schema maps to a Lucene document. It knows nothing about Lucene.
 *
 * <p>Besides its text an article carries the labels feeds attach to it, each searchable, filterable
 * and countable as an exact value ({@code category:tech}, {@code --facet topic}): its authors,
 * categories (the publisher's section), topics (subject codes and tags), places and language. Build
 * an article with many parts with {@link #builder(String)}.
 *
 * @param id the article's identifier, unique within an index; never blank
 * @param title the headline; formats without one get a derived title (see {@link
 *     dev.newsindex.ingest.Titles}), which is shown but not searched as a headline (see {@link
 *     dev.newsindex.schema.NewsSchema#isDerivedTitle})
 * @param date the publication date, or {@code null} when the source does not carry one
 * @param source the publisher or wire service, e.g. {@code MENAFN}; empty when unknown
 * @param url the article's address, or empty when the format has none
 * @param body the article text, paragraphs separated by one blank line ({@code "\n\n"})
 * @param metadata further string fields a format carries (e.g. {@code dateline}), in the order read;
 *     kept and shown, not searched
 * @param authors the bylines, in the order given; empty when unknown
 * @param categories the publisher's sections or categories ({@code business}, {@code World}); empty
 *     when none
 * @param topics subject codes, keywords and tags ({@code cocoa}, {@code elections})
 * @param places the places the article is about, as the source names them ({@code usa}, {@code
 *     Paris})
 * @param lang the language the source declares, as a lower-case ISO 639 code ({@code en}, {@code
 *     ar}), or empty when the format does not say (detection may fill it later)
 */
public record Article(
    String id,
    String title,
    LocalDate date,
    String source,
    String url,
    String body,
    Map<String, String> metadata,
    List<String> authors,
    List<String> categories,
    List<String> topics,
    List<String> places,
    String lang) {

  /**
   * Validates and normalises the parts: {@code null} strings become empty, metadata and labels are
   * copied; each label is stripped, and blank or repeated labels are dropped.
   */
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
    authors = labels(authors);
    categories = labels(categories);
    topics = labels(topics);
    places = labels(places);
    lang = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * An article without labels.
   *
   * @param id the article's identifier; never blank
   * @param title the headline, or empty
   * @param date the publication date, or {@code null}
   * @param source the publisher, or empty
   * @param url the article's address, or empty
   * @param body the article text
   * @param metadata further string fields, in order
   */
  public Article(String id, String title, LocalDate date, String source, String url, String body,
      Map<String, String> metadata) {
    this(id, title, date, source, url, body, metadata, List.of(), List.of(), List.of(), List.of(),
        "");
  }

  /**
   * An article without extra metadata or labels.
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

  private static List<String> labels(List<String> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    LinkedHashSet<String> kept = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        kept.add(v.strip());
      }
    }
    return List.copyOf(kept);
  }

  /**
   * Whether the article has no text to search: neither a title nor a body.
   *
   * @return true when both title and body are blank
   */
  public boolean isEmpty() {
    return title.isBlank() && body.isBlank();
  }

  /**
   * This article with {@code lang} as its language (for a language found by detection).
   *
   * @param lang a lower-case ISO 639 code, or empty for unknown
   * @return a copy of this article with that language
   */
  public Article withLang(String lang) {
    return toBuilder().lang(lang).build();
  }

  /**
   * A builder for an article with id {@code id}; every other part starts empty.
   *
   * @param id the article's identifier; checked by {@link Builder#build}
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * A builder holding this article's parts.
   *
   * @return a new builder; changing it leaves this article as it is
   */
  public Builder toBuilder() {
    Builder b = new Builder(id).title(title).date(date).source(source).url(url).body(body)
        .lang(lang);
    b.metadata.putAll(metadata);
    b.authors.addAll(authors);
    b.categories.addAll(categories);
    b.topics.addAll(topics);
    b.places.addAll(places);
    return b;
  }

  /** Builds an {@link Article} part by part; the label methods add to what is there. */
  public static final class Builder {
    private String id;
    private String title = "";
    private LocalDate date;
    private String source = "";
    private String url = "";
    private String body = "";
    private String lang = "";
    private final Map<String, String> metadata = new java.util.LinkedHashMap<>();
    private final List<String> authors = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<String> places = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the id.
     *
     * @param id the article's identifier; never blank
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the title.
     *
     * @param title the headline
     * @return this builder
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the date.
     *
     * @param date the publication date, or null
     * @return this builder
     */
    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * Sets the source.
     *
     * @param source the publisher
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the address.
     *
     * @param url the article's address
     * @return this builder
     */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /**
     * Sets the text.
     *
     * @param body the article text, paragraphs separated by a blank line
     * @return this builder
     */
    public Builder body(String body) {
      this.body = body;
      return this;
    }

    /**
     * Sets the language.
     *
     * @param lang a lower-case ISO 639 code, or empty
     * @return this builder
     */
    public Builder lang(String lang) {
      this.lang = lang;
      return this;
    }

    /**
     * Adds (or replaces) one metadata field.
     *
     * @param key the field's name
     * @param value its value
     * @return this builder
     */
    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    /**
     * Adds metadata fields.
     *
     * @param fields the fields, in order
     * @return this builder
     */
    public Builder metadata(Map<String, String> fields) {
      metadata.putAll(fields);
      return this;
    }

    /**
     * Adds authors.
     *
     * @param values bylines
     * @return this builder
     */
    public Builder authors(List<String> values) {
      authors.addAll(values);
      return this;
    }

    /**
     * Adds categories.
     *
     * @param values sections or categories
     * @return this builder
     */
    public Builder categories(List<String> values) {
      categories.addAll(values);
      return this;
    }

    /**
     * Adds topics.
     *
     * @param values subject codes, keywords or tags
     * @return this builder
     */
    public Builder topics(List<String> values) {
      topics.addAll(values);
      return this;
    }

    /**
     * Adds places.
     *
     * @param values places
     * @return this builder
     */
    public Builder places(List<String> values) {
      places.addAll(values);
      return this;
    }

    /**
     * The article.
     *
     * @return a new article of the parts set so far
     * @throws IllegalArgumentException when the id is blank
     * @throws NullPointerException when the id is null
     */
    public Article build() {
      return new Article(id, title, date, source, url, body, metadata, authors, categories, topics,
          places, lang);
    }
  }
}
