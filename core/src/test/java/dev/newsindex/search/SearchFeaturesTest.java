package dev.newsindex.search;

import dev.newsindex.Article;
import dev.newsindex.InvalidCursorException;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.NewsIndex;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.search.internal.ArticleSearcher;
import dev.newsindex.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.newsindex.testing.Fixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** The search features through the library API, on a small fixture with known dates and copies. */
class SearchFeaturesTest {
  static final Path FIXTURE = Fixtures.resource(Fixtures.SEARCH_FIXTURE);

  @TempDir static Path tmp;
  static NewsIndex index;

  @BeforeAll
  static void build() throws IOException {
    index = NewsIndex.openOrCreate(tmp.resolve("index"));
    index.ingest(List.of(FIXTURE), IngestListener.NONE);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static SearchResult search(SearchRequest.Builder b) throws IOException {
    return index.search(b.build());
  }

  @Test
  void friendlyFieldNamesMapToFieldsAndUnknownFieldsAreNamed() throws IOException {
    assertEquals(ids(index.search(SearchRequest.of("title:deterrence"))),
        ids(index.search(SearchRequest.of("headline:deterrence"))));
    assertEquals(List.of("kor-2"), ids(index.search(SearchRequest.of("headline:deterrence"))));
    assertEquals(List.of("kor-1"), ids(index.search(SearchRequest.of("publisher:menafn missile"))));
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(SearchRequest.of("korea colour:red")));
    assertTrue(e.getMessage().contains("unknown field 'colour'"), e.getMessage());
    assertTrue(e.getMessage().contains("position 7"), e.getMessage());
  }

  @Test
  void dateAndSourceFiltersNarrowWithoutChangingScores() throws IOException {
    SearchResult all = search(SearchRequest.builder("korea"));
    assertEquals(Set.of("kor-1", "kor-2", "kor-3"), new HashSet<>(ids(all)));
    SearchResult in2023 = search(SearchRequest.builder("korea")
        .since(LocalDate.of(2023, 1, 1)).until(LocalDate.of(2023, 3, 10)));
    assertEquals(List.of("kor-1"), ids(in2023));
    assertEquals(score(all, "kor-1"), in2023.hits().get(0).score(), 1e-6,
        "a filter does not change the score");

    SearchResult sources = search(SearchRequest.builder("korea").source("menafn")
        .source("METRO DAILY"));
    assertEquals(Set.of("kor-1", "kor-3"), new HashSet<>(ids(sources)));
    assertEquals(score(all, "kor-3"), score(sources, "kor-3"), 1e-6);

    SearchResult filtered = search(SearchRequest.builder("korea").filter("title:missile"));
    assertEquals(List.of("kor-1"), ids(filtered));
    assertEquals(score(all, "kor-1"), filtered.hits().get(0).score(), 1e-6);
  }

  @Test
  void aQueryOfOnlyExclusionsMeansEverythingElse() throws IOException {
    SearchResult r = search(SearchRequest.builder("NOT korea").limit(20));
    assertEquals(7, r.totalHits());
    assertFalse(ids(r).contains("kor-1"));
    assertEquals(Set.of("kor-1", "kor-2", "kor-3"), new HashSet<>(ids(search(
        SearchRequest.builder("korea").filter("-source:nobody")))));
  }

  @Test
  void relativeDatesCountBackFromToday() {
    LocalDate today = LocalDate.of(2024, 3, 31);
    assertEquals(LocalDate.of(2024, 3, 24), DateBounds.start("7d", today));
    assertEquals(LocalDate.of(2023, 12, 31), DateBounds.start("3m", today));
    assertEquals(LocalDate.of(2023, 3, 31), DateBounds.start("1y", today));
    assertEquals(LocalDate.of(2024, 3, 17), DateBounds.start("2w", today));
    assertEquals(LocalDate.of(2023, 2, 1), DateBounds.start("2023-02", today));
    assertEquals(LocalDate.of(2023, 2, 28), DateBounds.end("2023-02", today));
    assertEquals(LocalDate.of(2023, 12, 31), DateBounds.end("2023", today));
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> DateBounds.start("last week", today));
    assertTrue(e.getMessage().contains("7d"), e.getMessage());
  }

  @Test
  void sortsByDateBothWaysWithUndatedLast() throws IOException {
    List<String> newest = ids(search(SearchRequest.builder("*").sort(SortOrder.NEWEST)
        .limit(20)));
    assertEquals(List.of("eco-2", "eco-1", "kor-2", "kor-1", "oil-3", "oil-2", "oil-1", "kor-3",
        "fb-1", "wx-1"), newest);
    List<String> oldest = ids(search(SearchRequest.builder("*").sort(SortOrder.OLDEST)
        .limit(20)));
    assertEquals(List.of("fb-1", "kor-3", "oil-1", "oil-2", "oil-3", "kor-1", "kor-2", "eco-1",
        "eco-2", "wx-1"), oldest);
    SearchResult dated = search(SearchRequest.builder("korea").sort(SortOrder.NEWEST));
    assertTrue(Float.isNaN(dated.hits().get(0).score()), "no score when sorted by date");
  }

  @Test
  void offsetAndCursorPagesMatchOneLongPage() throws IOException {
    for (SortOrder order : SortOrder.values()) {
      List<String> whole = ids(search(SearchRequest.builder("*").sort(order).limit(10)));
      List<String> byOffset = new ArrayList<>();
      for (int off = 0; off < 10; off += 3) {
        byOffset.addAll(ids(search(SearchRequest.builder("*").sort(order).limit(3)
            .offset(off))));
      }
      assertEquals(whole, byOffset, order + " by offset");
      List<String> byCursor = new ArrayList<>();
      List<Integer> ranks = new ArrayList<>();
      String cursor = null;
      do {
        SearchResult page = search(SearchRequest.builder("*").sort(order).limit(4)
            .cursor(cursor));
        byCursor.addAll(ids(page));
        page.hits().forEach(h -> ranks.add(h.rank()));
        cursor = page.nextCursor();
      } while (cursor != null);
      assertEquals(whole, byCursor, order + " by cursor");
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ranks, "ranks continue across pages");
    }
  }

  @Test
  void aCursorIsRefusedForAnotherQueryOrAChangedIndex() throws IOException {
    Path dir = tmp.resolve("cursor-index");
    try (NewsIndex own = NewsIndex.openOrCreate(dir)) {
      own.ingest(List.of(FIXTURE), IngestListener.NONE);
      String cursor = own.search(SearchRequest.builder("*").limit(2).build()).nextCursor();
      assertNotNull(cursor);
      InvalidCursorException other = assertThrows(InvalidCursorException.class,
          () -> own.search(SearchRequest.builder("korea").limit(2).cursor(cursor).build()));
      assertTrue(other.getMessage().contains("another query"), other.getMessage());
      own.upsert(new Article("new-1", "Fresh", LocalDate.of(2024, 1, 1), "X", "", "Fresh news."));
      own.commit();
      InvalidCursorException changed = assertThrows(InvalidCursorException.class,
          () -> own.search(SearchRequest.builder("*").limit(2).cursor(cursor).build()));
      assertTrue(changed.getMessage().contains("earlier version"), changed.getMessage());
      InvalidCursorException garbage = assertThrows(InvalidCursorException.class,
          () -> own.search(SearchRequest.builder("*").cursor("garbage").build()));
      assertTrue(garbage.getMessage().contains("not a cursor"), garbage.getMessage());
    }
  }

  @Test
  void facetsCountEveryHitBySourceAndDate() throws IOException {
    SearchResult r = search(SearchRequest.builder("*").limit(1)
        .facets(Facet.SOURCE, Facet.MONTH, Facet.YEAR, Facet.DAY));
    SearchResult every = search(SearchRequest.builder("*").limit(100));
    Map<String, Long> bySource = new HashMap<>();
    Map<String, Long> byMonth = new HashMap<>();
    for (Hit h : every.hits()) {
      bySource.merge(h.article().source(), 1L, Long::sum);
      if (h.article().date() != null) {
        byMonth.merge(h.article().date().toString().substring(0, 7), 1L, Long::sum);
      }
    }
    assertEquals(10, r.totalHits());
    assertEquals(1, r.hits().size(), "facets count all hits, not just the page");
    FacetResult sources = r.facets().get(0);
    assertEquals(Facet.SOURCE, sources.facet());
    assertEquals(new FacetCount("Metro Daily", 4), sources.counts().get(0), "most first");
    for (FacetCount c : sources.counts()) {
      assertEquals(bySource.get(c.value()), c.count(), c.value());
    }
    FacetResult months = r.facets().get(1);
    assertEquals(byMonth.size(), months.counts().size());
    for (FacetCount c : months.counts()) {
      assertEquals(byMonth.get(c.value()), c.count(), c.value());
    }
    assertEquals("2021-08", months.counts().get(0).value(), "months in date order");
    assertEquals(1, months.missing(), "one article has no date");
    assertEquals(List.of("2021", "2022", "2023"),
        r.facets().get(2).counts().stream().map(FacetCount::value).toList());
    assertEquals(new FacetCount("2023-01-10", 1), r.facets().get(3).counts().get(2));

    SearchResult limited = search(SearchRequest.builder("*").facets(Facet.SOURCE)
        .facetLimit(2));
    assertEquals(2, limited.facets().get(0).counts().size());
    assertEquals(10 - 4 - limited.facets().get(0).counts().get(1).count(),
        limited.facets().get(0).others());
  }

  @Test
  void collapseFoldsNearDuplicatesIntoTheBestHit() throws IOException {
    SearchResult plain = search(SearchRequest.builder("oil prices"));
    assertEquals(Set.of("oil-1", "oil-2", "oil-3"), new HashSet<>(ids(plain)));
    SearchResult collapsed = search(SearchRequest.builder("oil prices").collapse(true));
    assertEquals(1, collapsed.hits().size(), ids(collapsed).toString());
    Hit hit = collapsed.hits().get(0);
    assertEquals(ids(plain).get(0), hit.article().id());
    assertEquals(2, hit.duplicates());
    assertEquals(new HashSet<>(ids(plain).subList(1, 3)), new HashSet<>(hit.duplicateIds()));
    // Unrelated articles stay apart.
    SearchResult korea = search(SearchRequest.builder("korea").collapse(true));
    assertEquals(3, korea.hits().size());
  }

  @Test
  void duplicateGroupsFindTheRepublishedStoryOnly() throws IOException {
    DuplicateReport report = index.duplicates(10, 0.5);
    assertEquals(1, report.groupCount());
    assertEquals(3, report.articleCount());
    assertEquals(List.of("oil-1", "oil-2", "oil-3"), report.groups().get(0).articles().stream()
        .map(Article::id).toList(), "earliest first");
  }

  @Test
  void anArticlesDuplicatesAreItsCopiesOnly() throws IOException {
    assertEquals(List.of("oil-1", "oil-2", "oil-3"), index.duplicatesOf("oil-2", 0.5)
        .orElseThrow().articles().stream().map(Article::id).toList(), "the same as its group");
    assertEquals(List.of("kor-1"), index.duplicatesOf("kor-1", 0.5).orElseThrow().articles()
        .stream().map(Article::id).toList(), "an article without copies stands alone");
    assertTrue(index.duplicatesOf("nope", 0.5).isEmpty());
  }

  @Test
  void relatedArticlesLeaveOutTheArticleAndPreferNearDatesWhenAsked() throws IOException {
    SearchResult related = index.related(new RelatedRequest("kor-1", 5, 1, false)).orElseThrow();
    List<String> ids = ids(related);
    assertFalse(ids.contains("kor-1"));
    assertTrue(ids.indexOf("kor-2") >= 0 && ids.indexOf("kor-2") < 2, ids.toString());
    SearchResult near = index.related(new RelatedRequest("oil-1", 5, 0, true)).orElseThrow();
    assertEquals(List.of("oil-2", "oil-3"), ids(near).subList(0, 2));
    assertTrue(index.related(RelatedRequest.of("nope")).isEmpty());
    // The near-date bonus falls with distance in days; an undated article gets none.
    SearchResult plain = index.related(new RelatedRequest("kor-1", 20, 0, false)).orElseThrow();
    SearchResult dated = index.related(new RelatedRequest("kor-1", 20, 0, true)).orElseThrow();
    float nearBonus = score(dated, "kor-2") - score(plain, "kor-2"); // 15 days apart
    float farBonus = score(dated, "kor-3") - score(plain, "kor-3"); // 277 days apart
    assertTrue(nearBonus > 3 * farBonus && farBonus > 0, nearBonus + " vs " + farBonus);
    assertEquals(score(plain, "wx-1"), score(dated, "wx-1"), 1e-6);
  }

  @Test
  void didYouMeanCorrectsFromTheIndexVocabulary() throws IOException {
    SearchResult r = index.search(SearchRequest.of("deterence stratgy"));
    assertTrue(r.hits().isEmpty());
    assertEquals("deterrence strategy", r.didYouMean());
    SearchResult fine = index.search(SearchRequest.of("korea"));
    assertNull(fine.didYouMean());
    SearchResult off = index.search(SearchRequest.builder("deterence").suggest(false).build());
    assertNull(off.didYouMean());
  }

  @Test
  void didYouMeanDrawsOnTheArchivesOwnWordsAndOnEnglishWordsTheArchiveHolds() throws IOException {
    // "policymakers" is in no English word list: only the index's vocabulary knows it.
    assertEquals("policymakers", index.search(SearchRequest.of("polcymakers")).didYouMean());
    // An English word, offered because the index holds it ("inflation", not "inflator").
    assertEquals("inflation", index.search(SearchRequest.of("inflaton")).didYouMean());
    // A correctly spelled English word the archive lacks is not "corrected" into another word
    // ("missile", one letter away, is in the archive).
    SearchResult absent = index.search(SearchRequest.of("missive"));
    assertTrue(absent.hits().isEmpty());
    assertNull(absent.didYouMean());
  }

  @Test
  void explainSaysWhyAHitScored() throws IOException {
    SearchResult r = search(SearchRequest.builder("missile").explain(true));
    String why = r.hits().get(0).explanation();
    assertNotNull(why);
    assertTrue(why.startsWith(String.valueOf(r.hits().get(0).score()).substring(0, 4)), why);
    assertTrue(why.contains("missile") || why.contains("missil"), why);
    assertNull(index.search(SearchRequest.of("missile")).hits().get(0).explanation());
  }

  @Test
  void phrasesAreHighlightedAsPhrasesAndSnippetsKeepToTheirLength() throws IOException {
    SearchResult r = search(SearchRequest.builder("\"interest rates\"").passages(3));
    for (Hit h : r.hits()) {
      for (Snippet p : h.passages()) {
        for (String m : p.matchedText()) {
          assertTrue(m.equalsIgnoreCase("interest rates") || m.equalsIgnoreCase("interest rate"),
              "only the phrase is marked, not '" + m + "' in " + p.text());
        }
      }
    }
    assertTrue(r.hits().get(0).title().marked("[", "]").contains("[interest rates]"),
        r.hits().get(0).title().toString());
    SearchResult shortOnes = search(SearchRequest.builder("missile").snippetChars(60));
    Snippet p = shortOnes.hits().get(0).passages().get(0);
    assertTrue(p.text().length() <= 80, p.text());
    assertFalse(p.matches().isEmpty());
    assertTrue(p.matchedText().get(0).toLowerCase().startsWith("missile"), p.toString());
    SearchResult whole = search(SearchRequest.builder("missile"));
    assertTrue(whole.hits().get(0).passages().get(0).text().length() > 80);
  }

  @Test
  void hostileQueriesFailWithOneClearMessageOrRunBounded() throws IOException {
    assertEquals(10, index.search(SearchRequest.of("*")).totalHits(), "* matches everything");
    index.search(SearchRequest.of("a*b*c*d*"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1_500; i++) { // more terms than clauses allowed, within the length limit
      many.append("w").append(i).append(' ');
    }
    QuerySyntaxException tooMany = assertThrows(QuerySyntaxException.class,
        () -> index.search(SearchRequest.builder(many.toString()).matchAll(false).build()));
    assertTrue(tooMany.getMessage().contains("too many"), tooMany.getMessage());
    for (String bad : List.of("\"korea missile", "korea (missile", "korea) missile", "(((korea",
        "*korea", "title:", "korea AND", "/[a-/")) {
      QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
          () -> index.search(SearchRequest.of(bad)), bad);
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
    String deep = "(".repeat(3000) + "korea" + ")".repeat(3000);
    QuerySyntaxException nested = assertThrows(QuerySyntaxException.class,
        () -> index.search(SearchRequest.of(deep)));
    assertTrue(nested.getMessage().contains("nested"), nested.getMessage());
  }

  @Test
  void wildcardsExpandingToTooManyWordsAreRefused() throws IOException {
    try (NewsIndex own = NewsIndex.openOrCreate(tmp.resolve("words-index"))) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i <= ArticleSearcher.MAX_EXPANSIONS * 6 / 5; i++) { // margin: stemming merges some
        body.append("zq").append(Integer.toString(i, 36)).append(' ');
      }
      own.upsert(new Article("many", "Many words", null, "", "", body.toString()));
      own.commit();
      QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
          () -> own.search(SearchRequest.of("zq*")));
      assertTrue(e.getMessage().contains("more than " + ArticleSearcher.MAX_EXPANSIONS), e
          .getMessage());
      assertEquals(1, own.search(SearchRequest.of("zq1*")).totalHits(), "a narrower pattern runs");
    }
  }

  @Test
  void aSearchPastItsTimeoutReturnsWhatItHasAndSaysSo() throws IOException {
    SearchResult r = search(SearchRequest.builder("korea").timeout(Duration.ofNanos(1)));
    assertTrue(r.timedOut());
    assertFalse(search(SearchRequest.builder("korea")).timedOut());
  }

  @Test
  void requestsRejectInconsistentParts() {
    assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder("x").offset(9_995).limit(10).build());
    assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder("x").offset(5).cursor("c1.x").build());
    assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder("x").since(LocalDate.of(2024, 1, 2))
            .until(LocalDate.of(2024, 1, 1)).build());
    assertThrows(InvalidRequestException.class,
        () -> SearchRequest.builder("x").snippetChars(5).build());
    assertNotEquals(SearchRequest.of("x"), SearchRequest.builder("x").source("a").build());
  }

  private static float score(SearchResult r, String id) {
    return r.hits().stream().filter(h -> h.article().id().equals(id)).findFirst().orElseThrow()
        .score();
  }
}
