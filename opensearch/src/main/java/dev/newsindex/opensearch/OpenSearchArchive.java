package dev.newsindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.Article;
import dev.newsindex.Compression;
import dev.newsindex.IndexSettings;
import dev.newsindex.InvalidCursorException;
import dev.newsindex.NewsArchive;
import dev.newsindex.UnsupportedRequestException;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.status.IndexStats;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.opensearch.plugin.Names;
import dev.newsindex.schema.MinHash;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.Facet;
import dev.newsindex.search.FacetCount;
import dev.newsindex.search.FacetResult;
import dev.newsindex.search.Hit;
import dev.newsindex.search.Ranked;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.SortOrder;
import dev.newsindex.search.Span;
import dev.newsindex.search.internal.ArticleSearcher;
import dev.newsindex.search.internal.FacetCounter;
import dev.newsindex.search.internal.Suggester;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * A news index on an OpenSearch cluster, with the local index's API: the same {@link
 * SearchRequest} in and the same {@link SearchResult} out, so that an application moves from a
 * local index to a cluster by configuration. The cluster needs the newsindex plugin; the index is
 * created by {@link #push} from {@link NewsSchema} ({@link ClusterSchema}).
 *
 * <p>How a search maps: the query and filters go to the plugin's {@value Names#QUERY} query,
 * which runs core's parser on every shard; scoring uses the whole index's statistics ({@code
 * dfs_query_then_fetch}), as one local index does; passages come from the plugin's highlighter
 * (core's); a cursor is the last hit's sort values ({@code search_after}), ties broken by id;
 * facets are aggregations; collapsing folds the fetched hits by their signatures as locally.
 *
 * <p>What a cluster does not do is refused with an {@link UnsupportedRequestException} of one
 * line: grouping the whole index into near-duplicates ({@link #duplicates}). Did-you-mean
 * suggestions follow the local rule ({@link Suggester}) over the cluster's vocabulary.
 */
public final class OpenSearchArchive implements NewsArchive {
  /** Hits looked at when folding near-duplicates, beyond the page, as a local search does. */
  static final int COLLAPSE_WINDOW = 200;
  /** How many hits are counted exactly before the total becomes a lower bound, as locally. */
  static final int TOTAL_HITS_THRESHOLD = 1000;

  private final Cluster cluster;
  private final IndexSettings settings;
  private final String schema;
  private final Analyzer queryAnalyzer;
  /** The index-time chain: what a local index's related articles analyse an article with. */
  private final Analyzer indexAnalyzer;

  private OpenSearchArchive(Cluster cluster, IndexSettings settings, String schema) {
    this.cluster = cluster;
    this.settings = settings;
    this.schema = schema;
    this.queryAnalyzer = NewsSchema.queryAnalyzer(settings);
    this.indexAnalyzer = NewsSchema.analyzer(settings);
  }

  /**
   * Connects to the index {@code options} name, checking that newsindex of this schema made it.
   *
   * @param options the cluster and index
   * @return the open archive; the caller closes it
   * @throws ClusterException when the cluster cannot be reached, refuses the credentials, has no
   *     such index, or the index was made by another schema version or not by newsindex
   * @throws IOException when the connection fails otherwise
   */
  public static OpenSearchArchive open(ClusterOptions options) throws IOException {
    Cluster cluster = new Cluster(options);
    try {
      return connect(cluster);
    } catch (RuntimeException | IOException e) {
      cluster.close();
      throw e;
    }
  }

  /** The archive over {@code cluster}'s index, once its mapping shows it is ours. */
  private static OpenSearchArchive connect(Cluster cluster) throws IOException {
    ClusterOptions options = cluster.options();
    Cluster.Answer a = cluster.send("GET", "/" + Cluster.escape(options.index()) + "/_mapping",
        null, (JsonNode) null);
    if (a.status() == 404) {
      throw cluster.noIndex();
    }
    if (!a.ok()) {
      throw cluster.failure("reading the mapping of index '" + options.index() + "'", a);
    }
    // Keyed by the index's own name, which differs from the one asked for behind an alias.
    JsonNode meta = a.body().size() == 0 ? com.fasterxml.jackson.databind.node.MissingNode
        .getInstance() : a.body().elements().next().path("mappings").path("_meta")
            .path(ClusterSchema.META_KEY);
    String found = meta.isMissingNode() ? "none (not made by newsindex)"
        : meta.path(NewsSchema.SCHEMA_KEY).asText("none") + "/"
            + meta.path(NewsSchema.ANALYZER_KEY).asText("none");
    String expected = NewsSchema.describe(ClusterSchema.META);
    if (!found.equals(expected)) {
      throw new ClusterException(ClusterException.Reason.INCOMPATIBLE, "the index '"
          + options.index() + "' on " + options.where() + " has schema " + found
          + " but this newsindex needs " + expected + "; push the articles again into a new"
          + " index (newsindex opensearch push --index NEW ...)", null);
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    meta.path("settings").properties().forEach(e -> recorded.put(e.getKey(),
        e.getValue().asText()));
    try {
      return new OpenSearchArchive(cluster, IndexSettings.fromCommitData(recorded), found);
    } catch (IllegalArgumentException e) {
      throw new ClusterException(ClusterException.Reason.INCOMPATIBLE, "the index '"
          + options.index() + "' records settings this newsindex cannot read: "
          + e.getMessage(), e);
    }
  }

  /**
   * Creates the index {@code options} name (unless it exists) and upserts every article of {@code
   * inputs} into it, as {@code NewsIndex.ingest} does locally: the same readers and skip rules,
   * upserts by id, unchanged articles (same content hash) not sent again, progress and summary to
   * {@code listener}. Bulk requests are cut at {@code bulkBytes}; requests and refused articles
   * are retried with backoff while the cluster is overloaded or a node is lost. Running it again
   * after an interruption completes the job: each article is on the cluster once.
   *
   * @param options the cluster and index
   * @param settings the analysis and ranking of a new index (an existing one keeps its own)
   * @param shards the primary shards of a new index
   * @param replicas the replicas of a new index
   * @param inputs files, directories, glob patterns or {@code -}
   * @param ingest the format, standard input and, in {@link IngestOptions#commitEveryArticles()},
   *     how often the listener hears of what is durable
   * @param bulkBytes the most bytes of articles in one bulk request
   * @param listener told of each article, each skipped record, progress and durable points
   * @return what the run did, per outcome
   * @throws ClusterException when the cluster cannot be reached or refuses the index or articles
   * @throws IOException when reading fails
   */
  public static IngestSummary push(ClusterOptions options, IndexSettings settings, int shards,
      int replicas, List<Path> inputs, IngestOptions ingest, long bulkBytes,
      IngestListener listener) throws IOException {
    try (Cluster cluster = new Cluster(options)) {
      ClusterPush.createIndexIfMissing(cluster, settings, shards, replicas);
      connect(cluster); // an index of another schema is refused before anything is sent
      return new ClusterPush(cluster, bulkBytes, listener).run(inputs, ingest);
    }
  }

  /**
   * The index definition (settings and mappings) for {@code settings}, as {@code push} creates it
   * and {@code newsindex opensearch mapping} prints it.
   *
   * @param settings the analysis and ranking settings
   * @param shards primary shards
   * @param replicas replicas
   * @return the definition as JSON text, indented
   */
  public static String definition(IndexSettings settings, int shards, int replicas) {
    try {
      return Cluster.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
          ClusterSchema.definition(settings, shards, replicas));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The analysis and ranking settings the index records.
   *
   * @return the settings in the mapping's {@code _meta}
   */
  @Override
  public IndexSettings settings() {
    return settings;
  }

  /**
   * The cluster and index.
   *
   * @return the options this archive was opened with
   */
  public ClusterOptions options() {
    return cluster.options();
  }

  private String index() {
    return "/" + Cluster.escape(cluster.options().index());
  }

  /** The parts of a search body every search shares: the plugin's query. */
  private ObjectNode newsQuery(SearchRequest r, boolean withFilters) {
    ObjectNode q = Cluster.JSON.createObjectNode();
    ObjectNode n = q.putObject(Names.QUERY);
    n.put("query", r.query()).put("match_all", r.matchAll());
    if (withFilters) {
      if (r.since() != null) {
        n.put("since", r.since().toString());
      }
      if (r.until() != null) {
        n.put("until", r.until().toString());
      }
      if (!r.sources().isEmpty()) {
        ArrayNode s = n.putArray("sources");
        r.sources().forEach(s::add);
      }
      if (!r.filters().isEmpty()) {
        ArrayNode f = n.putArray("filters");
        r.filters().forEach(f::add);
      }
    }
    return q;
  }

  /**
   * Runs {@code request} on the cluster.
   *
   * @param request the query, filters, order and page to return
   * @return the requested page of hits with their passages, counts and facets
   * @throws dev.newsindex.QuerySyntaxException when the query or a filter cannot be parsed (found
   *     before anything is sent, by the parser the shards run)
   * @throws IllegalArgumentException when the cursor belongs to another search
   * @throws ClusterException when the cluster fails the search
   * @throws IOException when the connection fails
   */
  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    long started = System.nanoTime();
    new ArticleSearcher(null, queryAnalyzer).filtered(request); // syntax errors, with positions
    ClusterCursor after = request.cursor() == null ? null
        : ClusterCursor.decode(request.cursor(), request);
    int skip = request.offset();
    int wanted = skip + request.limit();
    boolean collapse = request.collapse();
    int collect = collapse ? Math.min(SearchRequest.MAX_WINDOW,
        Math.max(wanted * 4, wanted + COLLAPSE_WINDOW)) : request.limit() + 1;

    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", newsQuery(request, true));
    body.put("size", collect);
    if (!collapse && skip > 0) {
      body.put("from", skip);
    }
    body.set("sort", sort(request.sort()));
    if (after != null) {
      body.set("search_after", after.after());
    }
    body.put("timeout", request.timeout().toMillis() + "ms");
    if (request.facets().isEmpty()) {
      body.put("track_total_hits", TOTAL_HITS_THRESHOLD);
    } else {
      body.put("track_total_hits", true);
      body.set("aggs", facetAggregations(request));
    }
    if (request.explain()) {
      body.put("explain", true);
    }
    if (collapse) {
      // First the ids and signatures of the window only; the page shown is fetched after folding.
      body.putObject("_source").putArray("includes").add(NewsSchema.ID)
          .add(ClusterSchema.fieldOf(ClusterSchema.Kind.BINARY));
    } else {
      sourceAndHighlight(body, request);
    }
    JsonNode answer = searchCall(body);
    JsonNode hitsJson = answer.path("hits").path("hits");
    List<JsonNode> all = new ArrayList<>();
    hitsJson.forEach(all::add);

    List<int[]> groups;
    if (collapse) {
      int[][] sigs = new int[all.size()][];
      String sigField = ClusterSchema.fieldOf(ClusterSchema.Kind.BINARY);
      for (int i = 0; i < all.size(); i++) {
        JsonNode s = all.get(i).path("_source").path(sigField);
        if (s.isTextual()) {
          byte[] bytes = Base64.getDecoder().decode(s.asText());
          sigs[i] = MinHash.decode(bytes, 0, bytes.length);
        }
      }
      groups = MinHash.fold(sigs, MinHash.DEFAULT_THRESHOLD);
    } else {
      groups = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        groups.add(new int[] {i});
      }
    }
    int from = collapse ? skip : 0;
    int to = collapse ? wanted : request.limit();
    List<int[]> page = groups.subList(Math.min(from, groups.size()),
        Math.min(to, groups.size()));
    Map<String, JsonNode> shown = new HashMap<>();
    if (collapse && !page.isEmpty()) {
      for (JsonNode h : fetchShown(request, page.stream().map(g -> all.get(g[0]).path("_id")
          .asText()).toList())) {
        shown.put(h.path("_id").asText(), h);
      }
    }
    int firstRank = (after == null ? skip : after.rank()) + 1;
    List<Hit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      int[] g = page.get(i);
      JsonNode ranked = all.get(g[0]);
      JsonNode full = collapse ? shown.getOrDefault(ranked.path("_id").asText(), ranked) : ranked;
      List<String> dups = new ArrayList<>();
      for (int k = 1; k < g.length; k++) {
        dups.add(all.get(g[k]).path("_id").asText());
      }
      hits.add(hit(firstRank + i, request, ranked, full, dups));
    }
    String next = null;
    if (!collapse && all.size() > request.limit() && !hits.isEmpty()) {
      JsonNode last = all.get(request.limit() - 1);
      next = new ClusterCursor(ClusterCursor.fingerprint(request), (ArrayNode) last.get("sort"),
          firstRank + hits.size() - 1).encode();
    }
    JsonNode total = answer.path("hits").path("total");
    List<FacetResult> facets = request.facets().isEmpty() ? List.of()
        : facetResults(request, answer.path("aggregations"));
    long found = total.path("value").asLong();
    String suggestion = null;
    if (request.suggest() && found < Suggester.BELOW && after == null) {
      suggestion = new Suggester(queryAnalyzer, indexAnalyzer).suggest(request, found,
          vocabulary());
    }
    return new SearchResult(request, found,
        "eq".equals(total.path("relation").asText("eq")), hits,
        Duration.ofNanos(System.nanoTime() - started), facets, suggestion, next,
        answer.path("timed_out").asBoolean(false));
  }

  /**
   * The index's vocabulary for did-you-mean, as the {@link Suggester} asks for it: document
   * frequencies from term filters counted in one aggregation, similar words from the cluster's term
   * suggester on the vocabulary field (Lucene's {@code DirectSpellChecker} on each shard, with its
   * defaults, the counts summed over the shards), and the corrected query's count.
   */
  private Suggester.Vocabulary vocabulary() {
    return new Suggester.Vocabulary() {
      @Override
      public long[] docFreqs(List<org.apache.lucene.index.Term> terms) throws IOException {
        ObjectNode body = Cluster.JSON.createObjectNode();
        body.put("size", 0).put("track_total_hits", false);
        ObjectNode filters = body.putObject("aggs").putObject("df").putObject("filters")
            .putObject("filters");
        for (int i = 0; i < terms.size(); i++) {
          filters.putObject("" + i).putObject("term").put(terms.get(i).field(),
              terms.get(i).text());
        }
        JsonNode buckets = cluster.call("reading the vocabulary of index '"
            + cluster.options().index() + "'", "POST", index() + "/_search", null, body)
            .path("aggregations").path("df").path("buckets");
        long[] out = new long[terms.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = buckets.path("" + i).path("doc_count").asLong();
        }
        return out;
      }

      @Override
      public List<List<Suggester.Candidate>> similar(List<String> words) throws IOException {
        ObjectNode body = Cluster.JSON.createObjectNode();
        body.put("size", 0).put("track_total_hits", false);
        ObjectNode suggest = body.putObject("suggest");
        for (int i = 0; i < words.size(); i++) {
          ObjectNode s = suggest.putObject("w" + i);
          s.put("text", words.get(i));
          // The word as the vocabulary holds it already: not analysed again.
          s.putObject("term").put("field", NewsSchema.WORDS).put("size", Suggester.CANDIDATES)
              .put("suggest_mode", "missing").put("analyzer", "keyword")
              .put("max_edits", Suggester.MAX_EDITS)
              .put("min_word_length", Suggester.MIN_LENGTH);
        }
        JsonNode answer = cluster.call("reading the vocabulary of index '"
            + cluster.options().index() + "'", "POST", index() + "/_search", null, body)
            .path("suggest");
        List<List<Suggester.Candidate>> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
          List<Suggester.Candidate> c = new ArrayList<>();
          for (JsonNode o : answer.path("w" + i).path(0).path("options")) {
            c.add(new Suggester.Candidate(o.path("text").asText(), o.path("freq").asLong()));
          }
          out.add(c);
        }
        return out;
      }

      @Override
      public long count(SearchRequest again) throws IOException {
        new ArticleSearcher(null, queryAnalyzer).filtered(again); // syntax errors, as locally
        ObjectNode body = Cluster.JSON.createObjectNode();
        body.set("query", newsQuery(again, true));
        body.put("size", 0).put("track_total_hits", true);
        return searchCall(body).path("hits").path("total").path("value").asLong();
      }
    };
  }

  private JsonNode searchCall(ObjectNode body) throws IOException {
    // The whole index's term statistics, as one local index scores with, not each shard's own.
    return cluster.call("searching index '" + cluster.options().index() + "'", "POST",
        index() + "/_search", Cluster.params("search_type", "dfs_query_then_fetch"), body);
  }

  /** The articles and passages of the kept hits of a collapsed search, by id. */
  private List<JsonNode> fetchShown(SearchRequest request, List<String> ids) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").add(newsQuery(request, true));
    ArrayNode values = bool.putArray("filter").addObject().putObject("ids").putArray("values");
    ids.forEach(values::add);
    body.put("size", ids.size());
    sourceAndHighlight(body, request);
    List<JsonNode> out = new ArrayList<>();
    searchCall(body).path("hits").path("hits").forEach(out::add);
    return out;
  }

  private void sourceAndHighlight(ObjectNode body, SearchRequest request) {
    ArrayNode includes = body.putObject("_source").putArray("includes");
    ClusterSchema.sourceFields().forEach(includes::add);
    if (request.passages() > 0) {
      ObjectNode h = body.putObject("highlight");
      h.put("type", Names.HIGHLIGHTER);
      // The user's query without the filters, as a local search marks matches.
      h.set("highlight_query", newsQuery(request, false));
      h.putObject("options").put(Names.SNIPPET_CHARS, request.snippetChars());
      ObjectNode fields = h.putObject("fields");
      fields.putObject(NewsSchema.TITLE).put("number_of_fragments", 1);
      fields.putObject(NewsSchema.BODY).put("number_of_fragments", request.passages());
    }
  }

  private static ArrayNode sort(SortOrder order) {
    ArrayNode s = Cluster.JSON.createArrayNode();
    if (order == SortOrder.RELEVANCE) {
      s.addObject().put("_score", "desc");
    } else {
      s.addObject().putObject(NewsSchema.DATE)
          .put("order", order == SortOrder.NEWEST ? "desc" : "asc").put("missing", "_last");
    }
    // Ties in id order: every position is unique, so a cursor resumes exactly after its hit.
    s.addObject().put(NewsSchema.ID, "asc");
    return s;
  }

  private Hit hit(int rank, SearchRequest request, JsonNode ranked, JsonNode full,
      List<String> dups) {
    Article article = ClusterSchema.article(full.path("_source"));
    JsonNode highlight = full.path("highlight");
    List<Snippet> titles = snippets(highlight.path(NewsSchema.TITLE));
    Snippet title = titles.isEmpty() ? new Snippet(article.title(), 0, List.of()) : titles.get(0);
    List<Snippet> passages = request.passages() == 0 ? List.of()
        : snippets(highlight.path(NewsSchema.BODY));
    float score = request.sort() == SortOrder.RELEVANCE
        ? (float) ranked.path("_score").asDouble(Double.NaN) : Float.NaN;
    String explanation = request.explain() && ranked.has("_explanation")
        ? explanation(ranked.get("_explanation"), 0) : null;
    return new Hit(rank, score, article, title, passages, dups, explanation);
  }

  /** An explanation as Lucene prints one: {@code value = description}, details indented. */
  private static String explanation(JsonNode e, int depth) {
    StringBuilder sb = new StringBuilder("  ".repeat(depth))
        .append((float) e.path("value").asDouble()).append(" = ")
        .append(e.path("description").asText()).append('\n');
    e.path("details").forEach(d -> sb.append(explanation(d, depth + 1)));
    return sb.toString();
  }

  private static List<Snippet> snippets(JsonNode fragments) {
    List<Snippet> out = new ArrayList<>();
    for (JsonNode f : fragments) {
      JsonNode s;
      try {
        s = Cluster.JSON.readTree(f.asText());
      } catch (IOException e) {
        throw new ClusterException(ClusterException.Reason.REFUSED, "the cluster answered"
            + " highlights newsindex did not make; is the newsindex plugin installed on every"
            + " node?", e);
      }
      List<Span> spans = new ArrayList<>();
      JsonNode m = s.path("matches");
      for (int i = 0; i + 1 < m.size(); i += 2) {
        spans.add(new Span(m.get(i).asInt(), m.get(i + 1).asInt()));
      }
      out.add(new Snippet(s.path("text").asText(), s.path("offset").asInt(), spans));
    }
    return out;
  }

  private static String rawSource() {
    return raw(NewsSchema.SOURCE);
  }

  /** The most values of a field a facet or the statistics count. */
  static final int ALL_VALUES = 65_536;

  /**
   * The field holding an exact field's values as written (what facets count): its {@value
   * ClusterSchema#RAW} sub-field when the field itself is lower-cased.
   */
  private static String raw(String field) {
    ClusterSchema.Field f = ClusterSchema.field(field);
    return f != null && f.kind() == ClusterSchema.Kind.LOWERCASE_KEYWORD
        ? field + "." + ClusterSchema.RAW : field;
  }

  /** A terms aggregation counting {@code field}'s values as written, most first, then by value. */
  private static ObjectNode valueCounts(ObjectNode aggs, String name, String field, int size) {
    ObjectNode terms = aggs.putObject(name).putObject("terms");
    terms.put("field", raw(field)).put("size", size)
        .put("shard_size", Math.max(size * 10L, 1000L));
    ArrayNode order = terms.putArray("order");
    order.addObject().put("_count", "desc");
    order.addObject().put("_key", "asc");
    return terms;
  }

  private static ObjectNode facetAggregations(SearchRequest request) {
    ObjectNode aggs = Cluster.JSON.createObjectNode();
    for (Facet f : request.facets()) {
      if (f.byValue()) {
        // All values: the spellings of one value are folded together before the top ones are
        // taken, as locally (a value's spellings may be on different shards).
        valueCounts(aggs, f.label(), f.label(), ALL_VALUES);
        aggs.putObject("no_" + f.label()).putObject("missing").put("field", raw(f.label()));
      }
    }
    if (request.facets().stream().anyMatch(f -> !f.byValue())) {
      // Days with hits; months and years are summed from them, as a local search does.
      aggs.putObject("days").putObject("histogram").put("field", NewsSchema.DATE)
          .put("interval", 1).put("min_doc_count", 1);
      aggs.putObject("no_date").putObject("missing").put("field", NewsSchema.DATE);
    }
    return aggs;
  }

  private static List<FacetResult> facetResults(SearchRequest request, JsonNode aggs) {
    List<FacetResult> out = new ArrayList<>();
    for (Facet f : request.facets()) {
      if (f.byValue()) {
        // Every value as written, folded by case and cut as a local search does.
        out.add(FacetCounter.valueCounts(f, bucketCounts(aggs.path(f.label())),
            request.facetLimit(),
            aggs.path(f.label()).path("sum_other_doc_count").asLong(),
            aggs.path("no_" + f.label()).path("doc_count").asLong()));
      } else {
        TreeMap<String, Long> buckets = new TreeMap<>();
        for (JsonNode b : aggs.path("days").path("buckets")) {
          LocalDate d = LocalDate.ofEpochDay((long) b.path("key").asDouble());
          String label = switch (f) {
            case YEAR -> String.format(Locale.ROOT, "%04d", d.getYear());
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", d.getYear(),
                d.getMonthValue());
            default -> d.toString();
          };
          buckets.merge(label, b.path("doc_count").asLong(), Long::sum);
        }
        List<FacetCount> counts = new ArrayList<>();
        buckets.forEach((k, v) -> counts.add(new FacetCount(k, v)));
        out.add(new FacetResult(f, counts, 0, aggs.path("no_date").path("doc_count").asLong()));
      }
    }
    return out;
  }

  /**
   * The ids and scores of the top {@code request.limit()} articles, without articles or passages.
   *
   * @param request the query to rank, and in {@link SearchRequest#limit()} how many ids
   * @return the ids with their scores, best first
   * @throws IOException when the connection fails
   */
  @Override
  public List<Ranked> rank(SearchRequest request) throws IOException {
    new ArticleSearcher(null, queryAnalyzer).parse(request);
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", newsQuery(request.toBuilder().since(null).until(null).build(), false));
    body.put("size", request.limit());
    body.put("_source", false);
    body.set("sort", sort(SortOrder.RELEVANCE));
    body.put("track_total_hits", false);
    List<Ranked> out = new ArrayList<>();
    for (JsonNode h : searchCall(body).path("hits").path("hits")) {
      out.add(new Ranked(h.path("_id").asText(), (float) h.path("_score").asDouble()));
    }
    return out;
  }

  /**
   * Articles related to the one with {@code request.id()}: the local more-like-this query, its
   * terms chosen as a local index chooses them (see {@link #likeQuery}), the article itself
   * excluded; with {@link RelatedRequest#nearDate()} the local date bonus (half of the best score
   * at {@value RelatedRequest#NEAR_DAYS} days apart), computed by a script (the cluster's
   * painless).
   *
   * @param request the article's id, how many related articles and passages
   * @return the related articles, or empty when the index has no article with that id
   * @throws IOException when the connection fails
   */
  @Override
  public Optional<SearchResult> related(RelatedRequest request) throws IOException {
    long started = System.nanoTime();
    Optional<Article> self = get(request.id());
    if (self.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode mlt = likeQuery(self.get());
    JsonNode query = mlt;
    if (request.nearDate() && self.get().date() != null) {
      ObjectNode probe = Cluster.JSON.createObjectNode();
      probe.set("query", mlt);
      probe.put("size", 1).put("_source", false);
      JsonNode best = searchCall(probe).path("hits").path("hits").path(0).path("_score");
      double weight = best.isMissingNode() ? 1 : Math.max(best.asDouble(), 1e-3);
      ObjectNode fs = Cluster.JSON.createObjectNode();
      ObjectNode f = fs.putObject("function_score");
      f.set("query", mlt);
      f.put("boost_mode", "sum");
      ObjectNode script = f.putObject("script_score").putObject("script");
      script.put("source", "if (doc['" + NewsSchema.DATE + "'].size() == 0) { return 0; }"
          + " double d = Math.abs(doc['" + NewsSchema.DATE + "'].value - params.origin);"
          + " return params.weight * params.pivot / (params.pivot + d);");
      script.putObject("params").put("origin", NewsSchema.dateValue(self.get().date()))
          .put("weight", weight).put("pivot", RelatedRequest.NEAR_DAYS);
      query = fs;
    }
    SearchRequest shownAs = SearchRequest.builder("related:" + request.id())
        .limit(request.limit()).passages(request.passages()).build();
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", query);
    body.put("size", request.limit());
    body.put("track_total_hits", TOTAL_HITS_THRESHOLD);
    ArrayNode includes = body.putObject("_source").putArray("includes");
    ClusterSchema.sourceFields().forEach(includes::add);
    if (request.passages() > 0) {
      ObjectNode h = body.putObject("highlight");
      h.put("type", Names.HIGHLIGHTER);
      ObjectNode hf = h.putObject("fields");
      hf.putObject(NewsSchema.TITLE).put("number_of_fragments", 1);
      hf.putObject(NewsSchema.BODY).put("number_of_fragments", request.passages());
    }
    JsonNode answer = searchCall(body);
    List<Hit> hits = new ArrayList<>();
    int rank = 1;
    for (JsonNode h : answer.path("hits").path("hits")) {
      hits.add(hit(rank++, shownAs, h, h, List.of()));
    }
    JsonNode total = answer.path("hits").path("total");
    return Optional.of(new SearchResult(shownAs, total.path("value").asLong(),
        "eq".equals(total.path("relation").asText("eq")), hits,
        Duration.ofNanos(System.nanoTime() - started), List.of(), null, null, false));
  }

  /** The most terms a related-articles query is made of, as locally. */
  static final int RELATED_TERMS = 25;
  /** The fewest articles a term must be in to be chosen for a related-articles query. */
  static final int RELATED_MIN_DOC_FREQ = 2;

  /**
   * The query for articles like {@code article}, made as a local index makes it (Lucene's {@code
   * MoreLikeThis} with the local settings) but with the whole index's statistics: the cluster's
   * own more-like-this would weigh terms by each shard's. Title and body are analysed here with
   * the index-time chain, as locally; their terms' document frequencies and the fields' document
   * counts come from the cluster in one request; each term scores its frequency in the article
   * times its TF-IDF idf, and the {@value #RELATED_TERMS} best (in at least {@value
   * #RELATED_MIN_DOC_FREQ} articles) are kept, in the same priority queue, each boosted by its
   * score over the lowest. The article itself is excluded.
   */
  private ObjectNode likeQuery(Article article) throws IOException {
    // Hash maps filled in token order, as Lucene's are: equal scores fall out alike.
    Map<String, Map<String, int[]>> freqs = new HashMap<>();
    for (String field : NewsSchema.TEXT_FIELDS) {
      String text = field.equals(NewsSchema.TITLE) ? article.title() : article.body();
      Map<String, int[]> perWord = freqs.computeIfAbsent(field, k -> new HashMap<>());
      try (org.apache.lucene.analysis.TokenStream ts = indexAnalyzer.tokenStream(field, text)) {
        var term = ts.addAttribute(
            org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
        var tf = ts.addAttribute(
            org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute.class);
        ts.reset();
        int tokens = 0;
        while (ts.incrementToken()) {
          if (++tokens > org.apache.lucene.queries.mlt.MoreLikeThis.DEFAULT_MAX_NUM_TOKENS_PARSED) {
            break;
          }
          perWord.computeIfAbsent(term.toString(), k -> new int[1])[0] += tf.getTermFrequency();
        }
        ts.end();
      }
    }
    // Every (field, term) pair's document frequency, and each field's document count.
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0).put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    ObjectNode filters = aggs.putObject("df").putObject("filters").putObject("filters");
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<String, Map<String, int[]>> f : freqs.entrySet()) {
      aggs.putObject("docs_" + f.getKey()).putObject("filter").putObject("exists")
          .put("field", f.getKey());
      for (String word : f.getValue().keySet()) {
        filters.putObject("" + pairs.size()).putObject("term").put(f.getKey(), word);
        pairs.add(new String[] {f.getKey(), word});
      }
    }
    JsonNode a = cluster.call("reading term statistics of index '" + cluster.options().index()
        + "'", "POST", index() + "/_search", null, body).path("aggregations");
    org.apache.lucene.search.similarities.ClassicSimilarity idf =
        new org.apache.lucene.search.similarities.ClassicSimilarity();
    int limit = Math.min(RELATED_TERMS, pairs.size());
    org.apache.lucene.util.PriorityQueue<ScoreTerm> queue =
        new org.apache.lucene.util.PriorityQueue<>(Math.max(limit, 1)) {
          @Override
          protected boolean lessThan(ScoreTerm x, ScoreTerm y) {
            return x.score < y.score;
          }
        };
    int i = 0;
    for (Map.Entry<String, Map<String, int[]>> f : freqs.entrySet()) {
      long docs = a.path("docs_" + f.getKey()).path("doc_count").asLong();
      for (Map.Entry<String, int[]> w : f.getValue().entrySet()) {
        long df = a.path("df").path("buckets").path("" + i++).path("doc_count").asLong();
        if (df < RELATED_MIN_DOC_FREQ || limit == 0) {
          continue;
        }
        float score = w.getValue()[0] * idf.idf(df, docs);
        if (queue.size() < limit) {
          queue.add(new ScoreTerm(w.getKey(), f.getKey(), score));
        } else if (queue.top().score < score) {
          queue.top().set(w.getKey(), f.getKey(), score);
          queue.updateTop();
        }
      }
    }
    ObjectNode q = Cluster.JSON.createObjectNode();
    ObjectNode bool = q.putObject("bool");
    bool.putArray("must_not").addObject().putObject("ids").putArray("values").add(article.id());
    ArrayNode should = bool.putArray("should");
    float lowest = -1;
    for (ScoreTerm t; (t = queue.pop()) != null; ) {
      if (lowest == -1) {
        lowest = t.score; // Lucene's MoreLikeThis boosts by the first popped, the lowest
      }
      should.addObject().putObject("term").putObject(t.field).put("value", t.word)
          .put("boost", t.score / lowest);
    }
    if (should.isEmpty()) {
      should.addObject().putObject("match_none"); // no term to go by: nothing is like it
    }
    return q;
  }

  /** A term of a related-articles query and its score. */
  private static final class ScoreTerm {
    String word;
    String field;
    float score;

    ScoreTerm(String word, String field, float score) {
      set(word, field, score);
    }

    void set(String word, String field, float score) {
      this.word = word;
      this.field = field;
      this.score = score;
    }
  }

  /**
   * The article with {@code id}, if the index has it.
   *
   * @param id the article's id, exactly
   * @return the article, or empty
   * @throws IOException when the connection fails
   */
  @Override
  public Optional<Article> get(String id) throws IOException {
    Cluster.Answer a = cluster.send("GET", index() + "/_doc/" + Cluster.escape(id),
        Cluster.params("_source_includes", String.join(",", ClusterSchema.sourceFields())),
        (JsonNode) null);
    if (a.status() == 404 && a.body().path("found").isBoolean()) {
      return Optional.empty();
    }
    if (!a.ok()) {
      throw cluster.failure("reading article '" + id + "'", a);
    }
    return Optional.of(ClusterSchema.article(a.body().path("_source")));
  }

  /**
   * How many articles the index holds, as searches see them.
   *
   * @return the number of articles
   * @throws IOException when the connection fails
   */
  @Override
  public int size() throws IOException {
    return (int) Math.min(Integer.MAX_VALUE, cluster.call("counting index '"
        + cluster.options().index() + "'", "GET", index() + "/_count", null, null)
        .path("count").asLong());
  }

  /**
   * Adds {@code article}, or replaces the one with its id, unless the index holds it with the same
   * content; visible to searches after {@link #refresh}.
   *
   * @param article the article to write
   * @return whether it was added, replaced or already there
   * @throws IOException when the connection fails
   */
  @Override
  public IndexOutcome upsert(Article article) throws IOException {
    return new ClusterPush(cluster, ClusterPush.DEFAULT_BULK_BYTES,
        dev.newsindex.ingest.IngestListener.NONE).upsert(article);
  }

  /**
   * Makes the writes so far visible: a refresh (an acknowledged write is already durable on the
   * cluster).
   *
   * @throws IOException when the connection fails
   */
  @Override
  public void commit() throws IOException {
    refresh();
  }

  /**
   * What the index holds: counts, segments, size, date range, sources, schema. The generation is
   * the number of refreshes; the compression follows the index's codec.
   *
   * @return the statistics, after a refresh
   * @throws IOException when the connection fails
   */
  @Override
  public IndexStats stats() throws IOException {
    refresh();
    JsonNode stats = cluster.call("reading the statistics of index '"
        + cluster.options().index() + "'", "GET", index() + "/_stats/docs,store,segments,refresh",
        null, null).path("_all").path("primaries");
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0).put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("first").putObject("min").put("field", NewsSchema.DATE);
    aggs.putObject("last").putObject("max").put("field", NewsSchema.DATE);
    aggs.putObject("undated").putObject("missing").put("field", NewsSchema.DATE);
    aggs.putObject("sources").putObject("terms").put("field", rawSource())
        .put("size", ALL_VALUES);
    for (String label : NewsSchema.LABEL_FIELDS.keySet()) {
      valueCounts(aggs, "label_" + label, label, ALL_VALUES);
    }
    aggs.putObject("no_source").putObject("missing").put("field", rawSource());
    JsonNode answer = cluster.call("reading the statistics of index '"
        + cluster.options().index() + "'", "POST", index() + "/_search", null, body);
    JsonNode a = answer.path("aggregations");
    // Folded by case and ordered as a local index's statistics are (FacetCounter).
    FacetResult sources = FacetCounter.valueCounts(Facet.SOURCE, bucketCounts(a.path("sources")),
        Integer.MAX_VALUE, 0, a.path("no_source").path("doc_count").asLong());
    List<FacetCount> entries = new ArrayList<>(sources.counts());
    if (sources.missing() > 0) {
      entries.add(new FacetCount("", sources.missing())); // articles without a source
    }
    entries.sort(java.util.Comparator.comparingLong(FacetCount::count).reversed()
        .thenComparing(FacetCount::value));
    Map<String, Long> bySource = new LinkedHashMap<>();
    entries.forEach(c -> bySource.put(c.value(), c.count()));
    Map<String, Map<String, Long>> byLabel = new LinkedHashMap<>();
    for (String label : NewsSchema.LABEL_FIELDS.keySet()) {
      Map<String, Long> values = new LinkedHashMap<>();
      FacetCounter.valueCounts(Facet.parse(label), bucketCounts(a.path("label_" + label)),
          Integer.MAX_VALUE, 0, 0).counts().forEach(c -> values.put(c.value(), c.count()));
      byLabel.put(label, java.util.Collections.unmodifiableMap(values));
    }
    JsonNode settings = cluster.call("reading the settings of index '"
        + cluster.options().index() + "'", "GET", index() + "/_settings", null, null);
    String codec = settings.elements().hasNext() ? settings.elements().next().path("settings")
        .path("index").path("codec").asText("default") : "default";
    return new IndexStats(answer.path("hits").path("total").path("value").asLong(),
        stats.path("docs").path("deleted").asLong(), stats.path("segments").path("count").asInt(),
        stats.path("store").path("size_in_bytes").asLong(), day(a.path("first")),
        day(a.path("last")), a.path("undated").path("doc_count").asLong(), bySource,
        java.util.Collections.unmodifiableMap(byLabel), schema,
        stats.path("refresh").path("total").asLong(),
        codec.contains("compression") ? Compression.SMALL : Compression.FAST);
  }

  /** A terms aggregation's hits per value. */
  private static Map<String, Long> bucketCounts(JsonNode agg) {
    Map<String, Long> values = new HashMap<>();
    agg.path("buckets").forEach(b -> values.merge(b.path("key").asText(),
        b.path("doc_count").asLong(), Long::sum));
    return values;
  }

  private static LocalDate day(JsonNode agg) {
    JsonNode v = agg.path("value");
    return v.isNumber() ? LocalDate.ofEpochDay(v.asLong()) : null;
  }

  /**
   * Deletes the article with {@code id}; visible to searches after {@link #refresh}.
   *
   * @param id the article's id
   * @return whether the index had it
   * @throws IOException when the connection fails
   */
  @Override
  public boolean delete(String id) throws IOException {
    Cluster.Answer a = cluster.send("DELETE", index() + "/_doc/" + Cluster.escape(id), null,
        (JsonNode) null);
    if (a.status() == 404 && a.body().path("result").asText().equals("not_found")) {
      return false;
    }
    if (!a.ok()) {
      throw cluster.failure("deleting article '" + id + "'", a);
    }
    return a.body().path("result").asText().equals("deleted");
  }

  /**
   * Deletes the articles with {@code ids}, in bulk.
   *
   * @param ids the ids; repeated ones count once, unknown ones are ignored
   * @return how many of them the index had
   * @throws IOException when the connection fails
   */
  @Override
  public long delete(Collection<String> ids) throws IOException {
    long deleted = 0;
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    for (int from = 0; from < unique.size(); from += 1000) {
      StringBuilder ndjson = new StringBuilder();
      for (String id : unique.subList(from, Math.min(unique.size(), from + 1000))) {
        ObjectNode action = Cluster.JSON.createObjectNode();
        action.putObject("delete").put("_id", id);
        ndjson.append(Cluster.JSON.writeValueAsString(action)).append('\n');
      }
      JsonNode answer = ClusterPush.bulk(cluster, ndjson.toString()
          .getBytes(java.nio.charset.StandardCharsets.UTF_8), "deleting articles");
      for (JsonNode item : answer.path("items")) {
        if (item.path("delete").path("result").asText().equals("deleted")) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  /**
   * Deletes every article matching {@code query} (the search syntax, all terms required).
   *
   * @param query a query as {@link SearchRequest#query()} takes it; {@code *} matches every article
   * @return how many articles were deleted
   * @throws dev.newsindex.QuerySyntaxException when the query cannot be parsed
   * @throws IOException when the connection fails
   */
  @Override
  public long deleteMatching(String query) throws IOException {
    SearchRequest r = SearchRequest.of(query);
    new ArticleSearcher(null, queryAnalyzer).parse(r);
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", newsQuery(r, false));
    return deleteBy(body);
  }

  /**
   * Deletes every article dated before {@code day} (undated articles are kept).
   *
   * @param day the first day kept
   * @return how many articles were deleted
   * @throws IOException when the connection fails
   */
  @Override
  public long deleteBefore(LocalDate day) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.putObject("query").putObject("range").putObject(NewsSchema.DATE)
        .put("lt", NewsSchema.dateValue(day));
    return deleteBy(body);
  }

  private long deleteBy(ObjectNode body) throws IOException {
    return cluster.call("deleting from index '" + cluster.options().index() + "'", "POST",
        index() + "/_delete_by_query", Cluster.params("refresh", "true", "conflicts", "proceed"),
        body).path("deleted").asLong();
  }

  /**
   * Makes every write so far visible to searches (a refresh; writes are durable once acknowledged).
   *
   * @throws IOException when the connection fails
   */
  @Override
  public void refresh() throws IOException {
    cluster.call("refreshing index '" + cluster.options().index() + "'", "POST",
        index() + "/_refresh", null, null);
  }

  /**
   * Refused: grouping a whole cluster index into near-duplicates is not done on a cluster.
   *
   * @param limit ignored
   * @param threshold ignored
   * @return never
   * @throws UnsupportedRequestException always, with a one-line reason
   */
  @Override
  public dev.newsindex.search.DuplicateReport duplicates(int limit, double threshold) {
    throw new UnsupportedRequestException("the OpenSearch backend cannot group a whole index into"
        + " near-duplicates; search it with collapsing, or run duplicates on a local index");
  }

  @Override
  public void close() throws IOException {
    cluster.close();
  }
}
