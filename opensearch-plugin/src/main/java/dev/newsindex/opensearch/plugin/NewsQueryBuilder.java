package dev.newsindex.opensearch.plugin;

import dev.newsindex.QuerySyntaxException;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.internal.ArticleSearcher;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.index.query.QueryShardException;

/**
 * The {@value Names#QUERY} query: newsindex's query syntax and filters, parsed on each shard by
 * newsindex-core's own parser with the fields' analyzers, so a cluster matches and scores what a
 * local index does (BM25F over title and body, weighted aliases, compounds, dates).
 *
 * <pre>{@code
 * {"newsindex": {"query": "oil prices", "match_all": true, "since": "2023-01-01",
 *                "until": "2023-12-31", "sources": ["Reuters"], "filters": ["title:oil"]}}
 * }</pre>
 *
 * <p>Only {@code query} is required; {@code match_all} defaults to true (every term required).
 */
public final class NewsQueryBuilder extends AbstractQueryBuilder<NewsQueryBuilder> {
  private final String query;
  private final boolean matchAll;
  private final String since;
  private final String until;
  private final List<String> sources;
  private final List<String> filters;

  /** A query of {@code query} and the given filters (dates as ISO days, or null). */
  public NewsQueryBuilder(String query, boolean matchAll, String since, String until,
      List<String> sources, List<String> filters) {
    this.query = Objects.requireNonNull(query, "query");
    this.matchAll = matchAll;
    this.since = since;
    this.until = until;
    this.sources = List.copyOf(sources);
    this.filters = List.copyOf(filters);
  }

  /** Reads one sent from another node. */
  public NewsQueryBuilder(StreamInput in) throws IOException {
    super(in);
    query = in.readString();
    matchAll = in.readBoolean();
    since = in.readOptionalString();
    until = in.readOptionalString();
    sources = in.readStringList();
    filters = in.readStringList();
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeString(query);
    out.writeBoolean(matchAll);
    out.writeOptionalString(since);
    out.writeOptionalString(until);
    out.writeStringCollection(sources);
    out.writeStringCollection(filters);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(Names.QUERY);
    builder.field("query", query);
    builder.field("match_all", matchAll);
    if (since != null) {
      builder.field("since", since);
    }
    if (until != null) {
      builder.field("until", until);
    }
    if (!sources.isEmpty()) {
      builder.field("sources", sources);
    }
    if (!filters.isEmpty()) {
      builder.field("filters", filters);
    }
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses the JSON form shown in the class comment. */
  public static NewsQueryBuilder fromXContent(XContentParser parser) throws IOException {
    String query = null;
    boolean matchAll = true;
    String since = null;
    String until = null;
    List<String> sources = new ArrayList<>();
    List<String> filters = new ArrayList<>();
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String field = null;
    for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_OBJECT;
        t = parser.nextToken()) {
      if (t == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if (t == XContentParser.Token.START_ARRAY) {
        List<String> into = switch (String.valueOf(field)) {
          case "sources" -> sources;
          case "filters" -> filters;
          default -> throw new ParsingException(parser.getTokenLocation(),
              "[" + Names.QUERY + "] takes no list [" + field + "]");
        };
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
          into.add(parser.text());
        }
      } else if (t.isValue()) {
        switch (String.valueOf(field)) {
          case "query" -> query = parser.text();
          case "match_all" -> matchAll = parser.booleanValue();
          case "since" -> since = parser.textOrNull();
          case "until" -> until = parser.textOrNull();
          case "boost" -> boost = parser.floatValue();
          case "_name" -> queryName = parser.text();
          default -> throw new ParsingException(parser.getTokenLocation(),
              "[" + Names.QUERY + "] has no field [" + field + "]");
        }
      } else if (t != XContentParser.Token.VALUE_NULL) {
        throw new ParsingException(parser.getTokenLocation(),
            "[" + Names.QUERY + "] cannot read [" + field + "]");
      }
    }
    if (query == null) {
      throw new ParsingException(parser.getTokenLocation(), "[" + Names.QUERY + "] needs [query]");
    }
    NewsQueryBuilder built = new NewsQueryBuilder(query, matchAll, since, until, sources, filters);
    built.boost(boost);
    if (queryName != null) {
      built.queryName(queryName);
    }
    return built;
  }

  /** The request core parses: the query, the operator and the filters. */
  private SearchRequest request() {
    SearchRequest.Builder b = SearchRequest.builder(query).matchAll(matchAll)
        .since(day(since)).until(day(until));
    sources.forEach(b::source);
    filters.forEach(b::filter);
    return b.build();
  }

  private static LocalDate day(String iso) {
    try {
      return iso == null ? null : LocalDate.parse(iso);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("[" + Names.QUERY + "] takes dates as 2023-11-16, not '"
          + iso + "'");
    }
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    try {
      // The mapped fields' own search analyzers: newsindex_query for title and body, the
      // lower-casing normalizer for source, exact terms for id, as NewsSchema's query analyzer.
      return new ArticleSearcher(null, context.getMapperService().searchAnalyzer())
          .filtered(request());
    } catch (QuerySyntaxException | IllegalArgumentException e) {
      // The message alone: it names the position; the parser's own chain adds nothing to it.
      throw new QueryShardException(context, "{}", e.getMessage());
    }
  }

  @Override
  protected boolean doEquals(NewsQueryBuilder other) {
    return query.equals(other.query) && matchAll == other.matchAll
        && Objects.equals(since, other.since) && Objects.equals(until, other.until)
        && sources.equals(other.sources) && filters.equals(other.filters);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(query, matchAll, since, until, sources, filters);
  }

  @Override
  public String getWriteableName() {
    return Names.QUERY;
  }
}
