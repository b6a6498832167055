package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.NewsIndex;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.search.Facet;
import dev.newsindex.search.Hit;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster answers a {@link SearchRequest} as a local index of the same articles does: the
 * top-10 ids of TIME's 83 queries (the overlap is reported in target/search-parity.md, with every
 * query below 8 of 10 and why), the passages and their match offsets, the facets, paging by
 * cursor, collapsing, query errors, get and related.
 */
class SearchParityIT {
  private static final String TIME = "it-search-time";
  private static final String BUNDLED = "it-search-bundled";
  @TempDir
  static Path tmp;
  private static NewsIndex localTime;
  private static NewsIndex localBundled;
  private static OpenSearchArchive clusterTime;
  private static OpenSearchArchive clusterBundled;
  private static final List<String> QUERIES = new ArrayList<>();

  @BeforeAll
  static void build() throws IOException {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    Path time = Corpora.corpus("time");
    for (String line : Files.readAllLines(time.resolveSibling("queries.tsv"))) {
      if (line.contains("\t")) {
        // Lower-cased: TIME's capitals would make its AND, OR, NOT and TO operators.
        QUERIES.add(QueryParser.escape(line.substring(line.indexOf('\t') + 1).strip()
            .toLowerCase(Locale.ROOT)));
      }
    }
    localTime = local("time", time);
    localBundled = local("bundled", Corpora.bundled());
    // Several shards: the cluster must score with the whole index's statistics, as locally.
    clusterTime = pushed(cluster.options(TIME), time, 3);
    clusterBundled = pushed(cluster.options(BUNDLED), Corpora.bundled(), 2);
  }

  private static NewsIndex local(String name, Path input) throws IOException {
    NewsIndex index = NewsIndex.openOrCreate(tmp.resolve(name));
    index.ingest(List.of(input), IngestListener.NONE);
    return index;
  }

  private static OpenSearchArchive pushed(ClusterOptions o, Path input, int shards)
      throws IOException {
    try (Cluster c = new Cluster(o)) {
      c.send("DELETE", "/" + o.index(), null, (JsonNode) null);
    }
    OpenSearchArchive.push(o, IndexSettings.DEFAULT, shards, 0, List.of(input),
        IngestOptions.defaults(), ClusterPush.DEFAULT_BULK_BYTES, IngestListener.NONE);
    return OpenSearchArchive.open(o);
  }

  @AfterAll
  static void close() throws IOException {
    for (AutoCloseableIo c : new AutoCloseableIo[] {localTime::close, localBundled::close,
        clusterTime::close, clusterBundled::close}) {
      try {
        c.close();
      } catch (NullPointerException notOpened) {
        // the cluster was not available
      }
    }
  }

  interface AutoCloseableIo {
    void close() throws IOException;
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.article().id()).toList();
  }

  @Test
  void topTenOfTimeQueriesOverlapTheLocalIndex() throws IOException {
    StringBuilder report = new StringBuilder("# Top-10 overlap, local index vs cluster (TIME, "
        + QUERIES.size() + " queries, any term, 3 shards)\n\n| query | overlap | note |\n"
        + "|---|---|---|\n");
    int total = 0;
    int below = 0;
    int q = 0;
    List<String> unexplained = new ArrayList<>();
    for (String query : QUERIES) {
      q++;
      SearchRequest r = SearchRequest.builder(query).matchAll(false).passages(0).limit(10)
          .build();
      SearchResult local = localTime.search(r);
      SearchResult remote = clusterTime.search(r);
      List<String> a = ids(local);
      List<String> b = ids(remote);
      int overlap = (int) a.stream().filter(b::contains).count();
      total += overlap;
      String note = "";
      if (overlap < Math.min(8, a.size())) {
        below++;
        // Explained when the hits that differ tie in score with the 10th: the order among equal
        // scores is the index's order locally, the id's on the cluster.
        float tenth = local.hits().get(local.hits().size() - 1).score();
        boolean ties = local.hits().stream().filter(h -> !b.contains(h.article().id()))
            .allMatch(h -> Math.abs(h.score() - tenth) <= 1e-4f * Math.max(1, tenth));
        note = ties ? "the differing hits tie with the 10th (score " + tenth + ")"
            : "UNEXPLAINED: local " + a + " cluster " + b;
        if (!ties) {
          unexplained.add("query " + q + ": " + note);
        }
      }
      report.append("| ").append(q).append(" | ").append(overlap).append("/").append(a.size())
          .append(" | ").append(note).append(" |\n");
    }
    report.append(String.format(Locale.ROOT, "%nMean overlap %.2f/10; %d queries below 8/10.%n",
        total / (double) QUERIES.size(), below));
    Path out = Path.of("target/search-parity.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    assertTrue(QUERIES.size() >= 30);
    assertTrue(unexplained.isEmpty(), String.join("\n", unexplained));
  }

  @Test
  void passagesAndTheirMatchOffsetsAreTheLocalOnes() throws IOException {
    int compared = 0;
    for (String query : QUERIES.subList(0, 30)) {
      for (int chars : new int[] {0, 120}) {
        SearchRequest r = SearchRequest.builder(query).matchAll(false).passages(3)
            .snippetChars(chars).limit(10).build();
        Map<String, Hit> local = byId(localTime.search(r));
        for (Hit remote : clusterTime.search(r).hits()) {
          Hit mine = local.get(remote.article().id());
          if (mine != null) {
            assertEquals(mine.title(), remote.title(), query);
            assertEquals(mine.passages(), remote.passages(), query + " in "
                + remote.article().id());
            assertEquals(mine.article(), remote.article());
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 300, "hits compared: " + compared);
    // Phrases, acronyms, synonyms and compounds on the bundled articles: the same hits (in the
    // same order but among equal scores, which a local index breaks by index order and a cluster
    // by id), with the same passages.
    for (String query : List.of("\"north korea\"", "DPRK missiles", "U.S. sanctions",
        "high-level talks", "Fed rates", "defense budget", "satellite launch")) {
      SearchRequest r = SearchRequest.builder(query).passages(2).build();
      SearchResult local = localBundled.search(r);
      SearchResult remote = clusterBundled.search(r);
      assertEquals(byScore(local), byScore(remote), query);
      Map<String, Hit> mine = byId(local);
      for (Hit h : remote.hits()) {
        assertEquals(mine.get(h.article().id()).title(), h.title(), query);
        assertEquals(mine.get(h.article().id()).passages(), h.passages(), query);
      }
    }
  }

  /** The hits' ids, ordered by score (to 5 digits), then id: the ranking with ties broken alike. */
  private static List<String> byScore(SearchResult r) {
    return r.hits().stream().sorted(java.util.Comparator.<Hit>comparingDouble(
        h -> -Math.round(h.score() * 1e5) / 1e5).thenComparing(h -> h.article().id()))
        .map(h -> h.article().id()).toList();
  }

  private static Map<String, Hit> byId(SearchResult r) {
    Map<String, Hit> m = new LinkedHashMap<>();
    r.hits().forEach(h -> m.put(h.article().id(), h));
    return m;
  }

  @Test
  void facetsAndTotalsAreTheLocalOnes() throws IOException {
    for (String query : List.of("*", "korea", "rates OR budget", "-korea")) {
      for (int limit : new int[] {2, 10}) {
        SearchRequest r = SearchRequest.builder(query).passages(0).facetLimit(limit)
            .facets(Facet.SOURCE, Facet.YEAR, Facet.MONTH, Facet.DAY).build();
        SearchResult local = localBundled.search(r);
        SearchResult remote = clusterBundled.search(r);
        assertEquals(local.facets(), remote.facets(), query);
        assertEquals(local.totalHits(), remote.totalHits(), query);
        assertTrue(remote.totalExact());
      }
    }
    SearchRequest dated = SearchRequest.builder("KENNEDY OR KHRUSHCHEV").passages(0)
        .facets(Facet.MONTH, Facet.DAY, Facet.SOURCE).build();
    assertEquals(localTime.search(dated).facets(), clusterTime.search(dated).facets());
    SearchRequest filtered = SearchRequest.builder("*").passages(0)
        .since(java.time.LocalDate.of(1963, 3, 1)).until(java.time.LocalDate.of(1963, 6, 30))
        .facets(Facet.DAY).build();
    assertEquals(localTime.search(filtered).facets(), clusterTime.search(filtered).facets());
    assertEquals(localTime.search(filtered).totalHits(),
        clusterTime.search(filtered).totalHits());
  }

  @Test
  void aCursorPagesOnWhereTheLastPageEnded() throws IOException {
    for (dev.newsindex.search.SortOrder sort : dev.newsindex.search.SortOrder.values()) {
      SearchRequest all = SearchRequest.builder("GOVERNMENT").sort(sort).passages(0).limit(25)
          .build();
      List<String> whole = ids(clusterTime.search(all));
      List<String> paged = new ArrayList<>();
      SearchRequest page = all.toBuilder().limit(10).build();
      String cursor = null;
      int rank = 1;
      do {
        SearchResult r = clusterTime.search(page.withCursor(cursor));
        for (Hit h : r.hits()) {
          assertEquals(rank++, h.rank());
        }
        paged.addAll(ids(r));
        cursor = r.nextCursor();
      } while (cursor != null && paged.size() < 25);
      assertEquals(whole, paged.subList(0, Math.min(25, paged.size())), sort.toString());
      SearchRequest offset = all.toBuilder().offset(10).limit(10).build();
      assertEquals(whole.subList(10, 20), ids(clusterTime.search(offset)), sort + " offset");
    }
    String cursor = clusterTime.search(SearchRequest.builder("GOVERNMENT").passages(0).build())
        .nextCursor();
    assertNotNull(cursor);
    assertThrows(IllegalArgumentException.class, () -> clusterTime.search(
        SearchRequest.builder("ELECTION").cursor(cursor).build()));
  }

  @Test
  void collapsingFoldsTheCopiesAsLocally() throws IOException {
    for (String query : List.of("*", "korea", "missile OR missiles")) {
      SearchRequest r = SearchRequest.builder(query).collapse(true).passages(1).build();
      SearchResult local = localBundled.search(r);
      SearchResult remote = clusterBundled.search(r);
      Map<String, List<String>> a = new LinkedHashMap<>();
      Map<String, List<String>> b = new LinkedHashMap<>();
      local.hits().forEach(h -> a.put(h.article().id(), h.duplicateIds()));
      remote.hits().forEach(h -> b.put(h.article().id(), h.duplicateIds()));
      if (!query.equals("*")) { // "*" ranks all equal: which copy leads a group is a tie
        assertEquals(byScore(local), byScore(remote), query);
        assertEquals(a, b, query);
      }
      assertEquals(local.hits().stream().mapToInt(Hit::duplicates).sum() > 0,
          remote.hits().stream().mapToInt(Hit::duplicates).sum() > 0, query);
      for (int i = 0; i < remote.hits().size(); i++) {
        assertFalse(remote.hits().get(i).passages().isEmpty());
      }
    }
  }

  @Test
  void badQueriesFailWithTheLocalMessageAndPosition() {
    for (String bad : List.of("title:(oil", "\"unclosed", "nosuchfield:x", "*abc")) {
      QuerySyntaxException local = assertThrows(QuerySyntaxException.class,
          () -> localTime.search(SearchRequest.of(bad)));
      QuerySyntaxException remote = assertThrows(QuerySyntaxException.class,
          () -> clusterTime.search(SearchRequest.of(bad)));
      assertEquals(local.getMessage(), remote.getMessage());
    }
  }

  @Test
  void getAndRelatedAnswerLikeTheLocalIndex() throws IOException {
    assertEquals(localTime.get("17"), clusterTime.get("17"));
    assertTrue(clusterTime.get("no-such-id").isEmpty());
    RelatedRequest r = new RelatedRequest("17", 10, 1, false);
    List<String> remote = ids(clusterTime.related(r).orElseThrow());
    assertFalse(remote.contains("17"));
    assertEquals(10, remote.size());
    assertEquals(localTime.related(r).orElseThrow().hits().get(0).passages(),
        clusterTime.related(r).orElseThrow().hits().get(0).passages());
    assertTrue(clusterTime.related(new RelatedRequest("no-such-id", 5, 0, false)).isEmpty());
    SearchResult near = clusterTime.related(new RelatedRequest("17", 5, 0, true)).orElseThrow();
    assertEquals(5, near.hits().size());
  }

  /**
   * Did-you-mean on the cluster: misspelled words of TIME's queries (a letter swapped, dropped or
   * doubled), alone and beside a correct word, get the suggestion a local index makes.
   */
  @Test
  void didYouMeanSuggestsAsTheLocalIndex() throws IOException {
    List<String> words = QUERIES.stream()
        .flatMap(q -> java.util.Arrays.stream(q.split("\\P{L}+")))
        .filter(w -> w.length() >= 6).distinct().limit(40).toList();
    int suggested = 0;
    int compared = 0;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String typo = switch (i % 3) {
        case 0 -> w.charAt(0) + "" + w.charAt(2) + w.charAt(1) + w.substring(3);
        case 1 -> w.substring(0, 3) + w.substring(4);
        default -> w.substring(0, 4) + w.charAt(3) + w.substring(4);
      };
      for (String query : List.of(typo, "soviet " + typo)) {
        SearchRequest r = SearchRequest.builder(query).passages(0).build();
        SearchResult mine = localTime.search(r);
        SearchResult theirs = clusterTime.search(r);
        assertEquals(mine.didYouMean(), theirs.didYouMean(), query);
        compared++;
        if (theirs.didYouMean() != null) {
          suggested++;
        }
      }
    }
    System.out.println("did-you-mean: " + suggested + " of " + compared
        + " misspelled queries got a suggestion, each the local one");
    assertTrue(suggested >= compared / 2, suggested + " of " + compared + " suggested");
    // Not asked for, none made.
    assertEquals(null, clusterTime.search(SearchRequest.builder(words.get(0).substring(0, 3)
        + "q" + words.get(0).substring(3)).passages(0).suggest(false).build()).didYouMean());
  }

  /**
   * Related articles of 50 TIME articles: the cluster chooses the terms as a local index does, by
   * the whole index's statistics, so its top 10 is the local one but among equal scores. The
   * overlap is written to target/related-parity.md.
   */
  @Test
  void relatedArticlesAreTheLocalOnes() throws IOException {
    List<String> articles = ids(localTime.search(SearchRequest.builder("*").limit(50)
        .passages(0).build()));
    StringBuilder report = new StringBuilder("# Related articles, local index vs cluster (TIME, "
        + articles.size() + " articles, top 10, 3 shards)\n\n| article | overlap | overlap,"
        + " near date |\n|---|---|---|\n");
    int total = 0;
    int totalNear = 0;
    int worst = 10;
    for (String id : articles) {
      int[] overlap = new int[2];
      for (int near = 0; near < 2; near++) {
        RelatedRequest r = new RelatedRequest(id, 10, 0, near == 1);
        List<String> a = ids(localTime.related(r).orElseThrow());
        List<String> b = ids(clusterTime.related(r).orElseThrow());
        overlap[near] = (int) a.stream().filter(b::contains).count();
      }
      total += overlap[0];
      totalNear += overlap[1];
      worst = Math.min(worst, Math.min(overlap[0], overlap[1]));
      report.append("| ").append(id).append(" | ").append(overlap[0]).append("/10 | ")
          .append(overlap[1]).append("/10 |\n");
    }
    double mean = total / (double) articles.size();
    double meanNear = totalNear / (double) articles.size();
    report.append(String.format(Locale.ROOT, "%nMean overlap %.2f/10, near date %.2f/10; the"
        + " lowest %d/10.%n", mean, meanNear, worst));
    Path out = Path.of("target/related-parity.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    // Measured: 10.00 and 9.98 of 10, the lowest 9 (a tie at the 10th place).
    assertTrue(mean >= RELATED_FLOOR && meanNear >= RELATED_FLOOR && worst >= 8,
        report.toString());
  }

  /** The mean related-articles overlap with a local index, out of 10, that must be kept. */
  private static final double RELATED_FLOOR = 9.5;
}
