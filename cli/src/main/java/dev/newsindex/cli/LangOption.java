package dev.newsindex.cli;

import dev.newsindex.ingest.Languages;
import dev.newsindex.search.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --lang LANG}: the languages a query is analysed for (SearchRequest's langs); none given,
 * every language the index holds.
 */
final class LangOption {
  @Option(names = "--lang", paramLabel = "LANG", split = ",",
      description = "Analyse the query as LANG (en, fr, ar, de, es, or another ISO 639 code or"
          + " language name) and search the articles in it; repeatable or comma-separated."
          + " Default: every language in the index.")
  List<String> langs = new ArrayList<>();

  /** Adds the languages to {@code b}: a name given is its code; anything else is left to refuse. */
  SearchRequest.Builder addTo(SearchRequest.Builder b) {
    for (String l : langs) {
      String code = Languages.code(l);
      b.lang(code.isEmpty() ? l : code);
    }
    return b;
  }
}
