package dev.newsindex.search;

import dev.newsindex.InvalidRequestException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What to search for, how to filter and order it, and how much to return. Build one with {@link
 * #of(String)} and the {@code with...} methods, or with {@link #builder(String)} when there are
 * many parts; each returns a new request.
 *
 * <pre>{@code
 * SearchRequest r = SearchRequest.builder("oil prices")
 *     .since(LocalDate.of(2023, 1, 1)).source("Gulf Harbor Wire").sort(SortOrder.NEWEST)
 *     .facets(Facet.SOURCE, Facet.MONTH).limit(20).build();
 * }</pre>
 *
 * <p>A final class rather than a record, so that a part can be added without breaking callers:
 * the builder is the way in, and every part has an accessor of its name.
 */
public final class SearchRequest {
  /** The default number of hits. */
  public static final int DEFAULT_LIMIT = 10;
  /** The default number of body passages per hit. */
  public static final int DEFAULT_PASSAGES = 3;
  /** The deepest hit reachable with {@code offset + limit}; a cursor goes further. */
  public static final int MAX_WINDOW = 10_000;
  /** The default number of buckets of a value facet (source, category...). */
  public static final int DEFAULT_FACET_LIMIT = 10;
  /** The default time a search may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final String query;
  private final int limit;
  private final boolean matchAll;
  private final int passages;
  private final int offset;
  private final int snippetChars;
  private final LocalDate since;
  private final LocalDate until;
  private final List<String> sources;
  private final List<String> filters;
  private final List<String> langs;
  private final SortOrder sort;
  private final String cursor;
  private final List<Facet> facets;
  private final int facetLimit;
  private final boolean collapse;
  private final boolean explain;
  private final boolean suggest;
  private final Duration timeout;

  /** Copies and checks the builder's parts; only {@link Builder#build} calls it. */
  private SearchRequest(Builder b) {
    query = Objects.requireNonNull(b.query, "query");
    limit = b.limit;
    matchAll = b.matchAll;
    passages = b.passages;
    offset = b.offset;
    snippetChars = b.snippetChars;
    since = b.since;
    until = b.until;
    sources = List.copyOf(b.sources);
    filters = List.copyOf(b.filters);
    langs = List.copyOf(new LinkedHashSet<>(b.langs));
    sort = Objects.requireNonNull(b.sort, "sort");
    cursor = b.cursor;
    facets = List.copyOf(new LinkedHashSet<>(b.facets));
    facetLimit = b.facetLimit;
    collapse = b.collapse;
    explain = b.explain;
    suggest = b.suggest;
    timeout = Objects.requireNonNull(b.timeout, "timeout");
    if (limit < 1 || limit > MAX_WINDOW) {
      throw new InvalidRequestException("limit must be between 1 and " + MAX_WINDOW + ", not "
          + limit);
    }
    if (passages < 0 || passages > 10) {
      throw new InvalidRequestException("passages must be between 0 and 10, not " + passages);
    }
    if (offset < 0) {
      throw new InvalidRequestException("offset must not be negative, not " + offset);
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw new InvalidRequestException("offset + limit may reach hit " + MAX_WINDOW
          + " at most; page deeper with the cursor of the previous page");
    }
    if (snippetChars != 0 && (snippetChars < 20 || snippetChars > 2000)) {
      throw new InvalidRequestException("snippet length must be 0 (whole sentences) or 20 to"
          + " 2000 characters, not " + snippetChars);
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new InvalidRequestException("since (" + since + ") is after until (" + until + ")");
    }
    if (cursor != null && offset > 0) {
      throw new InvalidRequestException("give either an offset or a cursor, not both");
    }
    if (cursor != null && collapse) {
      throw new InvalidRequestException("collapsed results page with an offset, not a cursor");
    }
    if (facetLimit < 1) {
      throw new InvalidRequestException("facet limit must be at least 1, not " + facetLimit);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidRequestException("timeout must be positive, not " + timeout);
    }
    for (String s : sources) {
      if (s.isBlank()) {
        throw new InvalidRequestException("a source filter must not be empty");
      }
    }
    for (String l : langs) {
      if (!l.matches("[a-z]{2,3}")) {
        throw new InvalidRequestException("a language is a two- or three-letter ISO 639 code"
            + " (en, fr, ar), not '" + l + "'");
      }
    }
  }

  /**
   * What to search for.
   *
   * @return a query in Lucene's syntax over title and body (title boosted); fields may be named,
   *     e.g. {@code source:MENAFN}, {@code headline:oil} or {@code date:[2023-01-01 TO 2023-12-31]};
   *     {@code *} alone matches every article
   */
  public String query() {
    return query;
  }

  /**
   * How many hits to return.
   *
   * @return how many hits to return, 1 to {@value #MAX_WINDOW}
   */
  public int limit() {
    return limit;
  }

  /**
   * Whether every term of the query must match.
   *
   * @return whether every term must match ({@code AND}, the default) or any ({@code OR})
   */
  public boolean matchAll() {
    return matchAll;
  }

  /**
   * How many highlighted body passages each hit carries.
   *
   * @return how many highlighted body passages per hit, 0 to 10; 0 turns highlighting off
   *     altogether (the title is then returned without marks), the fastest
   */
  public int passages() {
    return passages;
  }

  /**
   * How many hits to skip (paging by offset).
   *
   * @return how many hits to skip first (paging); {@code offset + limit} is at most {@value
   *     #MAX_WINDOW}: page deeper with {@link #cursor}
   */
  public int offset() {
    return offset;
  }

  /**
   * How long passages are.
   *
   * @return the length passages aim at, 0 for whole sentences, else 20 to 2000
   */
  public int snippetChars() {
    return snippetChars;
  }

  /**
   * The earliest date of a hit.
   *
   * @return the earliest date to include, or null
   */
  public LocalDate since() {
    return since;
  }

  /**
   * The latest date of a hit.
   *
   * @return the latest date to include, or null
   */
  public LocalDate until() {
    return until;
  }

  /**
   * The sources hits must come from.
   *
   * @return only articles from one of these sources (case-insensitive); empty for any
   */
  public List<String> sources() {
    return sources;
  }

  /**
   * Further queries every hit must match.
   *
   * @return further queries every hit must match without changing its score, e.g. {@code title:oil}
   *     or {@code id:abc}
   */
  public List<String> filters() {
    return filters;
  }

  /**
   * The languages the query is analysed for.
   *
   * @return lower-case ISO 639 codes ({@code fr}, {@code ar}): the query's words are analysed as
   *     each of these languages' analysis chain does and searched in the articles analysed by it
   *     (English is also the chain of articles whose language is unknown; a language without a
   *     chain of its own shares the fallback chain with the others); empty for every language the
   *     index holds
   */
  public List<String> langs() {
    return langs;
  }

  /**
   * The order of hits.
   *
   * @return the order of hits
   */
  public SortOrder sort() {
    return sort;
  }

  /**
   * Where this page starts (paging by cursor).
   *
   * @return where the previous page ended ({@link SearchResult#nextCursor}), or null for the first
   *     page; valid for the same query, filters and sort on the same index version
   */
  public String cursor() {
    return cursor;
  }

  /**
   * The facets counted over all hits.
   *
   * @return the facets to count over all hits
   */
  public List<Facet> facets() {
    return facets;
  }

  /**
   * How many buckets each value facet (source, category, topic...) returns.
   *
   * @return how many buckets of each value facet to return at most
   */
  public int facetLimit() {
    return facetLimit;
  }

  /**
   * Whether near-duplicates among the top hits are folded together.
   *
   * @return whether near-duplicates among the top hits are folded into the best of them
   */
  public boolean collapse() {
    return collapse;
  }

  /**
   * Whether hits carry an explanation of their score.
   *
   * @return whether each hit carries an explanation of its score
   */
  public boolean explain() {
    return explain;
  }

  /**
   * Whether a corrected query is suggested when few or no articles match.
   *
   * @return whether a corrected query is suggested when few or no articles match
   */
  public boolean suggest() {
    return suggest;
  }

  /**
   * How long the search may run.
   *
   * @return how long the search may run before it stops with the hits found so far
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * A request for the top {@value #DEFAULT_LIMIT} hits of {@code query}, all terms required.
   *
   * @param query a query in Lucene's syntax over title and body; {@code *} matches every article
   * @return a request with {@value #DEFAULT_PASSAGES} passages per hit, by relevance, without
   *     filters, facets or collapsing, suggesting a correction when few articles match
   */
  public static SearchRequest of(String query) {
    return new Builder(query).build();
  }

  /**
   * A builder starting from {@link #of(String) of(query)}.
   *
   * @param query a query in Lucene's syntax over title and body; {@code *} matches every article
   * @return a new builder holding the parts of {@code of(query)}
   */
  public static Builder builder(String query) {
    return new Builder(query);
  }

  /**
   * A builder starting from this request.
   *
   * @return a new builder holding this request's parts; changing it leaves this request as it is
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This request returning the top {@code limit} hits.
   *
   * @param limit how many hits to return, 1 to {@value #MAX_WINDOW} minus the offset
   * @return a copy of this request with {@code limit}
   * @throws InvalidRequestException when {@code limit} is out of range
   */
  public SearchRequest withLimit(int limit) {
    return toBuilder().limit(limit).build();
  }

  /**
   * This request requiring every term ({@code true}) or any term ({@code false}).
   *
   * @param matchAll true to require every term ({@code AND}), false for any ({@code OR})
   * @return a copy of this request with {@code matchAll}
   */
  public SearchRequest withMatchAll(boolean matchAll) {
    return toBuilder().matchAll(matchAll).build();
  }

  /**
   * This request with {@code passages} highlighted body passages per hit.
   *
   * @param passages highlighted body passages per hit, 0 (no highlighting, the fastest) to 10
   * @return a copy of this request with {@code passages}
   * @throws InvalidRequestException when {@code passages} is out of range
   */
  public SearchRequest withPassages(int passages) {
    return toBuilder().passages(passages).build();
  }

  /**
   * This request continuing after {@code cursor} (a {@link SearchResult#nextCursor}).
   *
   * @param cursor the previous page's {@link SearchResult#nextCursor()}, or null for the first page
   * @return a copy of this request with {@code cursor}
   * @throws InvalidRequestException when this request has an offset or collapses duplicates,
   *     neither of which goes with a cursor
   */
  public SearchRequest withCursor(String cursor) {
    return toBuilder().cursor(cursor).build();
  }

  /**
   * Whether {@code o} is a request with equal parts.
   *
   * @param o the object to compare with
   * @return true when {@code o} is a {@code SearchRequest} whose every part equals this one's
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SearchRequest r && query.equals(r.query) && limit == r.limit
        && matchAll == r.matchAll && passages == r.passages && offset == r.offset
        && snippetChars == r.snippetChars && Objects.equals(since, r.since)
        && Objects.equals(until, r.until) && sources.equals(r.sources)
        && filters.equals(r.filters) && langs.equals(r.langs) && sort == r.sort && Objects.equals(cursor, r.cursor)
        && facets.equals(r.facets) && facetLimit == r.facetLimit && collapse == r.collapse
        && explain == r.explain && suggest == r.suggest && timeout.equals(r.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(query, limit, matchAll, passages, offset, snippetChars, since, until,
        sources, filters, langs, sort, cursor, facets, facetLimit, collapse, explain, suggest, timeout);
  }

  /** The parts, named, as a record would show them. */
  @Override
  public String toString() {
    return "SearchRequest[query=" + query + ", limit=" + limit + ", matchAll=" + matchAll
        + ", passages=" + passages + ", offset=" + offset + ", snippetChars=" + snippetChars
        + ", since=" + since + ", until=" + until + ", sources=" + sources + ", filters="
        + filters + ", langs=" + langs + ", sort=" + sort + ", cursor=" + cursor + ", facets=" + facets
        + ", facetLimit=" + facetLimit + ", collapse=" + collapse + ", explain=" + explain
        + ", suggest=" + suggest + ", timeout=" + timeout + "]";
  }

  /** Builds a {@link SearchRequest} part by part; {@link #build} checks the whole. */
  public static final class Builder {
    private String query;
    private int limit;
    private boolean matchAll;
    private int passages;
    private int offset;
    private int snippetChars;
    private LocalDate since;
    private LocalDate until;
    private final List<String> sources;
    private final List<String> filters;
    private final List<String> langs;
    private SortOrder sort;
    private String cursor;
    private final List<Facet> facets;
    private int facetLimit;
    private boolean collapse;
    private boolean explain;
    private boolean suggest;
    private Duration timeout;

    private Builder(String query) {
      this.query = query;
      limit = DEFAULT_LIMIT;
      matchAll = true;
      passages = DEFAULT_PASSAGES;
      sources = new ArrayList<>();
      filters = new ArrayList<>();
      langs = new ArrayList<>();
      sort = SortOrder.RELEVANCE;
      facets = new ArrayList<>();
      facetLimit = DEFAULT_FACET_LIMIT;
      suggest = true;
      timeout = DEFAULT_TIMEOUT;
    }

    private Builder(SearchRequest r) {
      query = r.query;
      limit = r.limit;
      matchAll = r.matchAll;
      passages = r.passages;
      offset = r.offset;
      snippetChars = r.snippetChars;
      since = r.since;
      until = r.until;
      sources = new ArrayList<>(r.sources);
      filters = new ArrayList<>(r.filters);
      langs = new ArrayList<>(r.langs);
      sort = r.sort;
      cursor = r.cursor;
      facets = new ArrayList<>(r.facets);
      facetLimit = r.facetLimit;
      collapse = r.collapse;
      explain = r.explain;
      suggest = r.suggest;
      timeout = r.timeout;
    }

    /**
     * See {@link SearchRequest#query}.
     *
     * @param query the query, in the syntax of {@link SearchRequest#query()}
     * @return this builder
     */
    public Builder query(String query) {
      this.query = query;
      return this;
    }

    /**
     * See {@link SearchRequest#limit}.
     *
     * @param limit how many hits to return, 1 to {@value SearchRequest#MAX_WINDOW}
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /**
     * See {@link SearchRequest#matchAll}.
     *
     * @param matchAll true to require every term ({@code AND}), false for any ({@code OR})
     * @return this builder
     */
    public Builder matchAll(boolean matchAll) {
      this.matchAll = matchAll;
      return this;
    }

    /**
     * See {@link SearchRequest#passages}.
     *
     * @param passages highlighted body passages per hit, 0 (no highlighting) to 10
     * @return this builder
     */
    public Builder passages(int passages) {
      this.passages = passages;
      return this;
    }

    /**
     * See {@link SearchRequest#offset}.
     *
     * @param offset how many hits to skip first; 0 when paging with a cursor
     * @return this builder
     */
    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    /**
     * See {@link SearchRequest#snippetChars}.
     *
     * @param snippetChars the length passages aim at in characters, 0 for whole sentences, else 20
     *     to 2000
     * @return this builder
     */
    public Builder snippetChars(int snippetChars) {
      this.snippetChars = snippetChars;
      return this;
    }

    /**
     * See {@link SearchRequest#since}.
     *
     * @param since the earliest date to include, or null for no lower bound
     * @return this builder
     */
    public Builder since(LocalDate since) {
      this.since = since;
      return this;
    }

    /**
     * See {@link SearchRequest#until}.
     *
     * @param until the latest date to include, or null for no upper bound
     * @return this builder
     */
    public Builder until(LocalDate until) {
      this.until = until;
      return this;
    }

    /**
     * Adds a source to {@link SearchRequest#sources}.
     *
     * @param source a source name, matched case-insensitively; not blank
     * @return this builder
     */
    public Builder source(String source) {
      sources.add(source);
      return this;
    }

    /**
     * Adds a query to {@link SearchRequest#filters}.
     *
     * @param filterQuery a query every hit must also match, without changing its score, e.g.
     *     {@code title:oil}
     * @return this builder
     */
    public Builder filter(String filterQuery) {
      filters.add(filterQuery);
      return this;
    }

    /**
     * Adds a language to {@link SearchRequest#langs}.
     *
     * @param lang a language's ISO 639 code, any case ({@code fr}, {@code AR})
     * @return this builder
     */
    public Builder lang(String lang) {
      langs.add(lang.strip().toLowerCase(java.util.Locale.ROOT));
      return this;
    }

    /**
     * See {@link SearchRequest#sort}.
     *
     * @param sort the order of hits; not null
     * @return this builder
     */
    public Builder sort(SortOrder sort) {
      this.sort = sort;
      return this;
    }

    /**
     * See {@link SearchRequest#cursor}.
     *
     * @param cursor a previous page's {@link SearchResult#nextCursor()}, or null for the first page
     * @return this builder
     */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    /**
     * Adds to {@link SearchRequest#facets}.
     *
     * @param facets the facets to count as well; a facet added twice is counted once
     * @return this builder
     */
    public Builder facets(Facet... facets) {
      this.facets.addAll(List.of(facets));
      return this;
    }

    /**
     * See {@link SearchRequest#facetLimit}.
     *
     * @param facetLimit the most buckets of each value facet to return, at least 1
     * @return this builder
     */
    public Builder facetLimit(int facetLimit) {
      this.facetLimit = facetLimit;
      return this;
    }

    /**
     * See {@link SearchRequest#collapse}.
     *
     * @param collapse whether near-duplicates among the top hits are folded together
     * @return this builder
     */
    public Builder collapse(boolean collapse) {
      this.collapse = collapse;
      return this;
    }

    /**
     * See {@link SearchRequest#explain}.
     *
     * @param explain whether each hit carries an explanation of its score
     * @return this builder
     */
    public Builder explain(boolean explain) {
      this.explain = explain;
      return this;
    }

    /**
     * See {@link SearchRequest#suggest}.
     *
     * @param suggest whether a corrected query is suggested when few articles match
     * @return this builder
     */
    public Builder suggest(boolean suggest) {
      this.suggest = suggest;
      return this;
    }

    /**
     * See {@link SearchRequest#timeout}.
     *
     * @param timeout how long the search may run, positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * The request.
     *
     * @return a new request with the parts set so far; the builder may be used further
     * @throws InvalidRequestException when a part is out of range or the parts contradict each
     *     other (as listed with each part)
     */
    public SearchRequest build() {
      return new SearchRequest(this);
    }
  }
}
