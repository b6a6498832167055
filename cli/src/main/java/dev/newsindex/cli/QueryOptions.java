package dev.newsindex.cli;

import dev.newsindex.search.SearchRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every query of {@code search} and {@code shell} takes: how many hits, passages, any/all,
 * the languages.
 */
final class QueryOptions {
  @Mixin
  LimitOption limit;

  @Mixin
  PassagesOption passages;

  @Option(names = "--any", description = "Match articles with any of the terms, not all.")
  boolean any;

  @Mixin
  LangOption lang = new LangOption();

  /** A request for {@code query} with these options; the caller adds the rest. */
  SearchRequest.Builder request(String query) {
    return lang.addTo(SearchRequest.builder(query).limit(limit.limit).passages(passages.passages)
        .matchAll(!any));
  }
}
