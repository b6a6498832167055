package dev.newsindex.server;

import dev.newsindex.InvalidRequestException;
import dev.newsindex.search.DateBounds;
import dev.newsindex.search.Facet;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SortOrder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /api/search}, read into the same {@link SearchRequest} the
 * library takes. The names are the command line's options in snake_case; a misspelt one is refused.
 */
final class SearchParams {
  /** The most hits one request may ask for: a page, not an export. */
  static final int MAX_LIMIT = 100;
  /** The longest query or filter accepted, in characters. */
  static final int MAX_QUERY = 4096;
  static final Set<String> NAMES = Set.of("q", "since", "until", "source", "filter", "sort",
      "limit", "offset", "cursor", "facet", "facet_limit", "passages", "snippet_chars", "collapse",
      "any", "explain", "suggest", "timeout", "lang");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*(ms|s)?");

  private SearchParams() {}

  /** The request {@code call} asks for; searches stop at {@code maxTimeout} at the latest. */
  static SearchRequest parse(Call call, Duration maxTimeout) throws Problem {
    call.only(NAMES);
    String q = call.param("q");
    if (q == null || q.isBlank()) {
      throw new Problem(400, "q is required: a query such as q=oil+prices, or q=* for every"
          + " article");
    }
    checkLength("q", q);
    LocalDate today = LocalDate.now();
    try {
      SearchRequest.Builder b = SearchRequest.builder(q)
          .limit(call.intParam("limit", SearchRequest.DEFAULT_LIMIT, 1, MAX_LIMIT))
          .offset(call.intParam("offset", 0, 0, SearchRequest.MAX_WINDOW))
          .cursor(blankToNull(call.param("cursor")))
          .passages(call.intParam("passages", SearchRequest.DEFAULT_PASSAGES, 0, 10))
          .snippetChars(call.intParam("snippet_chars", 0, 0, 2000))
          .matchAll(!call.flag("any"))
          .sort(sort(call.param("sort")))
          .facetLimit(call.intParam("facet_limit", SearchRequest.DEFAULT_FACET_LIMIT, 1, 1000))
          .collapse(call.flag("collapse"))
          .explain(call.flag("explain"))
          .suggest(call.param("suggest") == null || call.flag("suggest"))
          .timeout(timeout(call.param("timeout"), maxTimeout));
      String since = blankToNull(call.param("since"));
      String until = blankToNull(call.param("until"));
      b.since(since == null ? null : DateBounds.start(since, today));
      b.until(until == null ? null : DateBounds.end(until, today));
      for (String source : call.params("source", false)) {
        b.source(source);
      }
      for (String filter : call.params("filter", false)) {
        checkLength("filter", filter);
        b.filter(filter);
      }
      for (String lang : call.params("lang", true)) {
        String code = dev.newsindex.ingest.Languages.code(lang);
        b.lang(code.isEmpty() ? lang : code);
      }
      for (String facet : call.params("facet", true)) {
        b.facets(Facet.parse(facet));
      }
      return b.build();
    } catch (InvalidRequestException e) {
      throw new Problem(400, e.getMessage());
    }
  }

  private static void checkLength(String name, String value) throws Problem {
    if (value.length() > MAX_QUERY) {
      throw new Problem(400, name + " is " + value.length() + " characters long; the limit is "
          + MAX_QUERY);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static SortOrder sort(String value) throws Problem {
    if (value == null || value.isBlank()) {
      return SortOrder.RELEVANCE;
    }
    for (SortOrder o : SortOrder.values()) {
      if (o.name().equalsIgnoreCase(value.strip())) {
        return o;
      }
    }
    throw new Problem(400, "sort must be relevance, newest or oldest, not '" + value + "'");
  }

  /** {@code 500ms}, {@code 2s} or a bare number of milliseconds, at most {@code max}. */
  static Duration timeout(String value, Duration max) throws Problem {
    if (value == null || value.isBlank()) {
      return max.compareTo(SearchRequest.DEFAULT_TIMEOUT) < 0 ? max
          : SearchRequest.DEFAULT_TIMEOUT;
    }
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new Problem(400, "timeout must look like 500ms or 2s, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = "s".equals(m.group(2)) ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    if (d.isZero()) {
      throw new Problem(400, "timeout must be positive");
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
