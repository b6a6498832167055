package dev.newsindex.cli;

import dev.newsindex.FileAccess;
import dev.newsindex.IncompatibleIndexException;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.NewsArchive;
import dev.newsindex.NewsIndex;
import dev.newsindex.search.DateBounds;
import dev.newsindex.search.Facet;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SortOrder;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex search}: ranked hits with highlighted title and passages, filters, facets. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {
        "Search an index with Lucene's query syntax over title and body (title matches count"
            + " double), ranked by BM25. Every term must match unless --any is given.",
        "Query syntax: words, \"exact phrases\", \"words near\"~3, AND OR NOT + -, (groups),"
            + " wildcards (deter*), fuzzy (korea~), fields: title: (or headline:) body: (or text:)"
            + " source: id: date:2023-11-16, date:[2023-01-01 TO 2023-12-31], and the labels"
            + " category: topic: place: author: lang:; * alone matches"
            + " everything (useful with filters and --sort newest).",
        "Filters (--since, --until, --source, --filter) narrow the hits without changing scores.",
        "Matches are shown in bold colour on a terminal and as **marks** when piped",
        "(colour is off with NO_COLOR). With no index at the default location, builds it first"
            + " from the bundled articles."})
final class SearchCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Mixin
  OutputOption output;

  @Mixin
  QueryOptions query;

  @Parameters(paramLabel = "QUERY", arity = "1..*",
      description = "The query; several words are joined with spaces.")
  List<String> words;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
      description = "Skip the first N hits (offset + limit at most 10000; use --cursor beyond).")
  int offset;

  @Option(names = "--cursor", paramLabel = "CURSOR",
      description = "Continue after the page that printed this cursor (next_cursor in JSON)."
          + " Valid for the same query, filters and sort until the index changes.")
  String cursor;

  @Option(names = "--snippet-chars", paramLabel = "N", defaultValue = "0",
      description = "Aim passages at about N characters (20-2000); default: whole sentences.")
  int snippetChars;

  @Option(names = "--since", paramLabel = "DATE", converter = DateConverter.class,
      description = "Only articles dated on or after DATE: 2023-11-16, 2023-11, 2023, today,"
          + " yesterday, or an age: 7d, 2w, 3m, 1y.")
  String since;

  @Option(names = "--until", paramLabel = "DATE", converter = DateConverter.class,
      description = "Only articles dated on or before DATE (same forms as --since; a month or"
          + " year means its last day).")
  String until;

  @Option(names = "--source", paramLabel = "NAME",
      description = "Only articles from this source (case-insensitive); repeat for several.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "QUERY",
      description = "Only articles that also match QUERY, without changing scores, e.g."
          + " 'title:oil', 'id:abc' or a label field: 'category:business', 'topic:crude',"
          + " 'place:japan', 'author:\"Ann Lee\"', 'lang:fr'; repeatable.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
      converter = SortConverter.class,
      description = "relevance (default), newest or oldest.")
  SortOrder sort;

  @Option(names = "--facet", paramLabel = "FACET", converter = FacetConverter.class,
      description = "Count all hits by source, category, topic, place, author, lang, year, month"
          + " or day; repeatable.")
  List<Facet> facets = new ArrayList<>();

  @Option(names = "--facet-limit", paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_FACET_LIMIT,
      description = "At most N values in each value facet (source and the labels), the rest"
          + " counted as others (default: ${DEFAULT-VALUE}).")
  int facetLimit;

  @Option(names = "--collapse",
      description = "Show one hit per group of near-duplicate articles, with the count of the"
          + " others.")
  boolean collapse;

  @Option(names = "--explain", description = "Show how each hit's score was computed.")
  boolean explain;

  @Mixin
  TimeoutOption timeout;

  @Mixin
  ClusterOption cluster = new ClusterOption();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    return run(request(), index, cluster, output, spec.commandLine().getOut(),
        spec.commandLine().getErr(), colour(spec));
  }

  /** The request the options and words ask for. */
  SearchRequest request() {
    // Only when asked for: the first clock reading in a JVM loads the time-zone rules.
    LocalDate today = since == null && until == null ? null : LocalDate.now();
    SearchRequest.Builder b = query.request(String.join(" ", words))
        .offset(offset).cursor(cursor).snippetChars(snippetChars)
        .sort(sort).facetLimit(facetLimit).collapse(collapse).explain(explain)
        .timeout(timeout.timeout)
        .since(since == null ? null : DateBounds.start(since, today))
        .until(until == null ? null : DateBounds.end(until, today))
        .facets(facets.toArray(Facet[]::new));
    sources.forEach(b::source);
    filters.forEach(b::filter);
    return b.build();
  }

  /**
   * The main job's plain form, {@code newsindex search WORDS...} with no option at all, run
   * without building picocli's model: its reflection over this command's annotations costs a
   * cold search about a quarter of its CPU time (docs/benchmarks/Startup.md). Reading words needs
   * no parsing, and the request is the one picocli would make, since every default of the options
   * above is the library's ({@link SearchRequest}); OptionsTest checks both agree. Returns null
   * when {@code args} are anything else (an option, an {@code @file}, another command).
   */
  static Integer plain(PrintWriter out, PrintWriter err, String... args) {
    if (args.length < 2 || !args[0].equals("search")) {
      return null;
    }
    List<String> words = List.of(args).subList(1, args.length);
    for (String word : words) {
      if (word.startsWith("-") || word.startsWith("@")) {
        return null;
      }
    }
    try {
      return run(plainRequest(words), new IndexOption(), new ClusterOption(), new OutputOption(),
          out, err, CommandLine.Help.Ansi.AUTO.enabled());
    } catch (Exception e) {
      return NewsCli.report(e, err, false);
    }
  }

  /** The request of {@code newsindex search WORDS...}: the library's defaults. */
  static SearchRequest plainRequest(List<String> words) {
    return SearchRequest.builder(String.join(" ", words)).build();
  }

  /**
   * Searches the index (on the cluster {@code cluster} names, if it names one) as {@code request}
   * asks and prints the result as {@code output} says.
   */
  static int run(SearchRequest request, IndexOption index, ClusterOption cluster,
      OutputOption output, PrintWriter out, PrintWriter err, boolean colour) throws IOException {
    SearchResult result;
    try (NewsArchive news = cluster.wanted(index) ? cluster.open()
        : openForSearch(index, Defaults.fromEnvironment(), err, FileAccess.READ)) {
      result = news.search(request);
    }
    return render(result, output, out, err, colour);
  }

  /** Prints {@code result} as asked and returns the exit code: hits or no hits. */
  static int render(SearchResult result, OutputOption output, CommandSpec spec)
      throws IOException {
    return render(result, output, spec.commandLine().getOut(), spec.commandLine().getErr(),
        colour(spec));
  }

  /** Says on {@code err} that {@code result} is partial when its search ran out of time. */
  static void warnIfTimedOut(SearchResult result, PrintWriter err) {
    if (result.timedOut()) {
      err.println("newsindex: the search stopped at its time limit (--timeout "
          + DurationConverter.format(result.request().timeout())
          + "); the hits and counts are partial");
      err.flush();
    }
  }

  private static int render(SearchResult result, OutputOption output, PrintWriter out,
      PrintWriter err, boolean colour) throws IOException {
    warnIfTimedOut(result, err);
    if (output.json()) {
      new JsonHits(out).document(result);
    } else if (output.ndjson()) {
      new JsonHits(out).lines(result);
    } else {
      new TextHits(out, colour).print(result);
    }
    out.flush();
    return result.hits().isEmpty() ? ExitCode.NO_HITS.code : ExitCode.OK.code;
  }

  /**
   * Whether to print matches in colour: picocli's terminal detection (standard output on a
   * terminal, {@code NO_COLOR} unset), as its help uses.
   */
  static boolean colour(CommandSpec spec) {
    return spec.commandLine().getColorScheme().ansi().enabled();
  }

  /** {@code relevance}, {@code newest} or {@code oldest}, any case. */
  static final class SortConverter implements ITypeConverter<SortOrder> {
    @Override
    public SortOrder convert(String value) {
      for (SortOrder o : SortOrder.values()) {
        if (o.name().equalsIgnoreCase(value.strip())) {
          return o;
        }
      }
      throw new TypeConversionException("use relevance, newest or oldest, not '" + value + "'");
    }
  }

  /** A facet name. */
  static final class FacetConverter implements ITypeConverter<Facet> {
    @Override
    public Facet convert(String value) {
      try {
        return Facet.parse(value);
      } catch (InvalidRequestException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * Opens the index to search. The default index ({@code --index} not given) is derived from the
   * bundled articles, so it is built when missing (fresh clone) and remade when an earlier
   * newsindex built it, rather than refused; an index the user named is only ever opened. Its
   * files are read as {@code access} says: {@code READ} for one search (no memory-mapping to set
   * up: docs/benchmarks/Startup.md), {@code MAPPED} for many.
   */
  static NewsIndex openForSearch(IndexOption index, Defaults defaults, PrintWriter err,
      FileAccess access) throws IOException {
    Path dir = index.resolve(defaults);
    if (index.given() || !Files.isDirectory(defaults.articles())) {
      return NewsIndex.open(dir, access);
    }
    if (!NewsIndex.exists(dir)) {
      err.println("newsindex: no index yet at " + Defaults.display(dir) + "; building it from "
          + Defaults.display(defaults.articles()));
      err.flush();
      try (NewsIndex news = NewsIndex.openOrCreate(dir)) {
        news.ingest(List.of(defaults.articles()), new IngestReporter(err, false)); // no bar
      }
      return NewsIndex.open(dir, access);
    }
    try {
      return NewsIndex.open(dir, access);
    } catch (IncompatibleIndexException e) {
      err.println("newsindex: the index at " + Defaults.display(dir) + " was built by an earlier"
          + " newsindex; rebuilding it from " + Defaults.display(defaults.articles()));
      err.flush();
      NewsIndex.rebuild(dir, List.of(defaults.articles()), IngestOptions.defaults(),
          new IngestReporter(err, false)); // skipped files only, no bar
      return NewsIndex.open(dir, access);
    }
  }
}
