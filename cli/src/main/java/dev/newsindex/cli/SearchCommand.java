package dev.newsindex.cli;

import dev.newsindex.IngestSummary;
import dev.newsindex.NewsIndex;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex search}: ranked hits with highlighted title and passages. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {
        "Search an index with Lucene's query syntax over title and body (title matches count"
            + " double), ranked by BM25. Every term must match unless --any is given.",
        "Query syntax: words, \"exact phrases\", \"words near\"~3, AND OR NOT + -, (groups),"
            + " wildcards (deter*), fields: title: body: source: id: date:2023-11-16,"
            + " date:[2023-01-01 TO 2023-12-31].",
        "Matches are shown in bold colour on a terminal and as **marks** when piped",
        "(colour is off with NO_COLOR). With no index at the default location, builds it first"
            + " from the bundled articles."})
final class SearchCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Parameters(paramLabel = "QUERY", arity = "1..*",
      description = "The query; several words are joined with spaces.")
  List<String> words;

  @Option(names = {"-n", "--limit"}, paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_LIMIT,
      description = "How many top hits to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--passages", paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_PASSAGES,
      description = "Highlighted body passages per hit, 0-10 (default: ${DEFAULT-VALUE}).")
  int passages;

  @Option(names = "--any", description = "Match articles with any of the terms, not all.")
  boolean any;

  @Option(names = "--json", description = "Print one JSON object per hit (fields, score,"
      + " passages, match offsets) instead of text.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Defaults defaults = Defaults.fromEnvironment();
    Path dir = index.resolve(defaults);
    if (!index.given()) {
      buildDefaultIndexIfMissing(defaults, dir, spec.commandLine().getErr());
    }
    SearchRequest request = new SearchRequest(String.join(" ", words), limit, !any, passages);
    SearchResult result;
    try (NewsIndex news = NewsIndex.open(dir)) {
      result = news.search(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      new JsonHits(out).print(result);
    } else {
      new TextHits(out, Terminal.colourWanted()).print(result);
    }
    out.flush();
    return result.hits().isEmpty() ? ExitCode.NO_HITS.code : ExitCode.OK.code;
  }

  /** On a fresh clone the default index does not exist yet: build it from the bundled articles. */
  static void buildDefaultIndexIfMissing(Defaults defaults, Path dir, PrintWriter err)
      throws IOException {
    if (NewsIndex.exists(dir) || !Files.isDirectory(defaults.articles())) {
      return;
    }
    err.println("newsindex: no index yet at " + Defaults.display(dir) + "; building it from "
        + Defaults.display(defaults.articles()));
    err.flush();
    try (NewsIndex news = NewsIndex.openOrCreate(dir)) {
      IngestSummary ignored = news.ingest(List.of(defaults.articles()),
          new IndexCommand.SkipReporter(err));
      assert ignored.articles() >= 0;
    }
  }
}
