package dev.newsindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.status.IndexStats;
import dev.newsindex.NewsIndex;
import dev.newsindex.QuerySyntaxException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labels feeds carry (category, topic, place, author, lang): kept, queried, filtered, counted. */
class LabelFieldsTest {
  @TempDir static Path tmp;
  static NewsIndex index;

  static Article article(String id, String category, List<String> topics, String author,
      String lang) {
    return Article.builder(id).title("Markets story " + id).body("Shares rose in trading " + id
        + ".").source("Wire").categories(category == null ? List.of() : List.of(category))
        .topics(topics).places(List.of("usa")).authors(author == null ? List.of()
            : List.of(author)).lang(lang).build();
  }

  @BeforeAll
  static void build() throws IOException {
    index = NewsIndex.openOrCreate(tmp.resolve("index"));
    index.upsert(article("a1", "Tech", List.of("chips", "earnings"), "Jane Doe", "en"));
    index.upsert(article("a2", "tech", List.of("chips"), "Sam Roe", "en"));
    index.upsert(article("a3", "tech", List.of("earnings"), null, "fr"));
    index.upsert(article("a4", "Business", List.of(), "Jane Doe", ""));
    index.commit();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static List<String> ids(String query) throws IOException {
    return index.search(SearchRequest.builder(query).sort(SortOrder.OLDEST).limit(10).build())
        .hits().stream().map(h -> h.article().id()).sorted().toList();
  }

  @Test
  void labelsAreStoredAndComeBackAsWritten() throws IOException {
    Article a = index.get("a1").orElseThrow();
    assertEquals(List.of("Tech"), a.categories());
    assertEquals(List.of("chips", "earnings"), a.topics());
    assertEquals(List.of("usa"), a.places());
    assertEquals(List.of("Jane Doe"), a.authors());
    assertEquals("en", a.lang());
    assertEquals("", index.get("a4").orElseThrow().lang());
  }

  @Test
  void queriesAndAliasesMatchLabelsExactlyWhateverTheCase() throws IOException {
    assertEquals(List.of("a1", "a2", "a3"), ids("category:tech"));
    assertEquals(List.of("a1", "a2", "a3"), ids("section:TECH"));
    assertEquals(List.of("a1", "a2"), ids("topic:chips"));
    assertEquals(List.of("a1", "a4"), ids("author:\"jane doe\""));
    assertEquals(List.of("a3"), ids("lang:fr"));
    assertEquals(List.of("a1", "a2"), ids("shares AND lang:en"));
    assertEquals(List.of(), ids("category:tec"), "exact values, not words");
    assertEquals(List.of("a1", "a2", "a3", "a4"), ids("place:USA"));
  }

  @Test
  void filtersNarrowWithoutScoring() throws IOException {
    SearchResult r = index.search(SearchRequest.builder("shares")
        .filter("category:tech").filter("-topic:earnings").build());
    assertEquals(List.of("a2"), r.hits().stream().map(h -> h.article().id()).toList());
  }

  @Test
  void facetsCountValuesWithSpellingsThatDifferInCaseAsOne() throws IOException {
    SearchResult r = index.search(SearchRequest.builder("*")
        .facets(Facet.CATEGORY, Facet.TOPIC, Facet.AUTHOR, Facet.LANG).facetLimit(1).build());
    assertEquals(4, r.totalHits(), "hits counted once, though topics count twice");
    FacetResult category = r.facets().get(0);
    assertEquals(List.of(new FacetCount("tech", 3)), category.counts(), "the common spelling");
    assertEquals(1, category.others());
    FacetResult topic = r.facets().get(1);
    assertEquals(2, topic.counts().get(0).count());
    assertEquals(1, topic.missing(), "a4 has no topic");
    assertEquals(List.of(new FacetCount("Jane Doe", 2)), r.facets().get(2).counts());
    assertEquals(List.of(new FacetCount("en", 2)), r.facets().get(3).counts());
    assertEquals(1, r.facets().get(3).missing());
  }

  @Test
  void statsCountArticlesPerLabelValue() throws IOException {
    IndexStats s = index.stats();
    assertEquals(Map.of("en", 2L, "fr", 1L), s.byLabel().get("lang"));
    assertEquals(Map.of("tech", 3L, "Business", 1L), s.byLabel().get("category"),
        "spellings differing in case are one value, as in facets");
    assertEquals("tech", s.byLabel().get("category").keySet().iterator().next(), "most first");
    assertEquals(List.of("category", "topic", "place", "author", "lang"),
        List.copyOf(s.byLabel().keySet()));
  }

  @Test
  void changingOnlyALabelIsAnUpdateAndAnUnknownFacetListsTheFacets() throws IOException {
    assertEquals(IndexOutcome.UNCHANGED,
        index.upsert(article("a2", "tech", List.of("chips"), "Sam Roe", "en")));
    assertEquals(IndexOutcome.UPDATED,
        index.upsert(article("a2", "tech", List.of("chips", "memory"), "Sam Roe", "en")));
    index.commit();
    assertEquals(List.of("a2"), ids("topic:memory"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Facet.parse("country"));
    assertTrue(e.getMessage().contains("category, topic, place, author, lang"), e.getMessage());
    QuerySyntaxException q = assertThrows(QuerySyntaxException.class, () -> ids("country:usa"));
    assertTrue(q.getMessage().contains("category"), q.getMessage());
  }
}
