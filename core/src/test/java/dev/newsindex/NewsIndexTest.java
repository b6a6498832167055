package dev.newsindex;

import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.newsindex.testing.Fixtures.article;
import static dev.newsindex.testing.Fixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


class NewsIndexTest {
  static final Path SEED = Path.of("..", "seeds", "000_5f663ed9bf04bd27.txt");

  @TempDir Path dir;

  @Test
  void upsertTellsNewChangedAndUnchangedApart() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      assertEquals(IndexOutcome.INDEXED, index.upsert(article("a", "Oil", "Oil prices rose.")));
      assertEquals(IndexOutcome.UNCHANGED, index.upsert(article("a", "Oil", "Oil prices rose.")));
      index.commit();
      assertEquals(IndexOutcome.UNCHANGED, index.upsert(article("a", "Oil", "Oil prices rose.")));
      assertEquals(IndexOutcome.UPDATED, index.upsert(article("a", "Oil", "Oil prices fell.")));
      index.commit();
      assertEquals(1, index.size());
      assertEquals("Oil prices fell.", index.get("a").orElseThrow().body());
      assertTrue(index.delete("a"));
      index.commit();
      assertEquals(0, index.size());
      assertFalse(index.delete("a"));
    }
  }

  @Test
  void ingestingTheSameFilesTwiceAddsNothing() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      IngestSummary first = index.ingest(List.of(SEED), IngestListener.NONE);
      assertEquals(1, first.indexed());
      IngestSummary second = index.ingest(List.of(SEED), IngestListener.NONE);
      assertEquals(0, second.indexed());
      assertEquals(1, second.unchanged());
      assertEquals(1, index.size());
    }
    try (NewsIndex reopened = NewsIndex.open(dir)) {
      assertEquals(1, reopened.size());
      assertEquals(LocalDate.of(2023, 11, 16), reopened.get("1107439109").orElseThrow().date());
    }
  }

  @Test
  void searchRanksTheSeedFirstAndGivesExactMatchOffsets() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.ingest(List.of(SEED), IngestListener.NONE);
      index.upsert(article("other", "Strategy games", "A strategy game about trade and farming."));
      index.commit();
      SearchResult result = index.search(SearchRequest.of("tailored deterrence strategy")
          .withMatchAll(false));
      assertEquals(2, result.totalHits());
      Hit top = result.hits().get(0);
      assertEquals("1107439109", top.article().id());
      assertTrue(top.passages().size() >= 1 && top.passages().size() <= 3);
      String body = top.article().body();
      for (Snippet p : top.passages()) {
        assertEquals(p.text(), body.substring(p.fieldOffset(), p.fieldOffset() + p.text().length()));
        for (Span m : p.matches()) {
          String word = p.text().substring(m.start(), m.end()).toLowerCase(Locale.ROOT);
          assertTrue(List.of("tailored", "deterrence", "strategy").contains(word), word);
        }
      }
      List<String> marked = top.passages().stream().flatMap(p -> p.matchedText().stream())
          .map(s -> s.toLowerCase(Locale.ROOT)).toList();
      assertTrue(marked.containsAll(List.of("tailored", "deterrence", "strategy")), marked.toString());
    }
  }

  @Test
  void aTitleDerivedFromTheBodyIsShownButNotScoredAsAHeadline() throws IOException {
    String body = "Oil prices rose sharply. Traders blamed the cold winter.";
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("derived", dev.newsindex.ingest.Titles.derive(body), body));
      index.upsert(article("untitled", "", body));
      index.upsert(article("headline", "Oil prices rose sharply", "Traders blamed the cold winter."));
      index.commit();
      assertEquals("Oil prices rose sharply", index.get("derived").orElseThrow().title());
      assertEquals(List.of("headline"), ids(index.search(SearchRequest.of("title:oil"))));
      SearchResult result = index.search(SearchRequest.of("oil prices"));
      Map<String, Float> scores = new java.util.HashMap<>();
      for (Hit h : result.hits()) {
        scores.put(h.article().id(), h.score());
      }
      assertEquals(scores.get("untitled"), scores.get("derived"),
          "the lead sentence counts once, as in an untitled article");
      assertTrue(scores.get("headline") > scores.get("derived"), scores.toString());
      Hit derived = result.hits().stream().filter(h -> h.article().id().equals("derived"))
          .findFirst().orElseThrow();
      assertEquals("Oil prices rose sharply", derived.title().text());
    }
  }

  @Test
  void aCompoundMatchedAsPhraseAndAsJoinedWordCountsOnce() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("a", "", "High-level talks began in Seoul."));
      index.upsert(article("b", "", "The level of the river was high."));
      index.upsert(article("c", "", "Talks on trade began."));
      index.commit();
      float compound = topScore(index, "high-level");
      float phrase = topScore(index, "\"high level\"");
      float joined = topScore(index, "highlevel");
      assertEquals(Math.max(phrase, joined), compound, 1e-6f,
          "the best of the two readings, not their sum");
    }
  }

  private static float topScore(NewsIndex index, String query) throws IOException {
    SearchResult r = index.search(SearchRequest.of(query).withMatchAll(false));
    assertEquals("a", r.hits().get(0).article().id(), query);
    return r.hits().get(0).score();
  }

  @Test
  void allTermsAreRequiredByDefault() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("1", "Oil and gas", "Oil prices."));
      index.upsert(article("2", "Gas", "Gas prices."));
      index.commit();
      assertEquals(1, index.search(SearchRequest.of("oil gas")).totalHits());
      assertEquals(2, index.search(SearchRequest.of("oil gas").withMatchAll(false)).totalHits());
      assertEquals(1, index.search(SearchRequest.of("gas -oil")).totalHits());
    }
  }

  @Test
  void filtersBySourceAndDateInTheQuery() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(new Article("1", "Rates", LocalDate.of(2023, 5, 1), "Metro Daily", "", "Rates."));
      index.upsert(new Article("2", "Rates", LocalDate.of(2024, 5, 1), "Wire", "", "Rates."));
      index.commit();
      assertEquals(List.of("1"), ids(index.search(SearchRequest.of("rates source:\"metro daily\""))));
      assertEquals(List.of("2"), ids(index.search(SearchRequest.of(
          "rates date:[2024-01-01 TO *]"))));
      assertEquals(List.of("1"), ids(index.search(SearchRequest.of("date:2023-05-01"))));
    }
  }

  @Test
  void aMalformedQueryNamesThePosition() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
          () -> index.search(SearchRequest.of("korea AND (missile")));
      assertEquals(19, e.position());
      e = assertThrows(QuerySyntaxException.class,
          () -> index.search(SearchRequest.of("korea ) missile")));
      assertEquals(7, e.position());
      assertTrue(e.getMessage().contains("unexpected ')'"), e.getMessage());
      e = assertThrows(QuerySyntaxException.class,
          () -> index.search(SearchRequest.of("date:[2024-13-01 TO *]")));
      assertTrue(e.getMessage().contains("bad date '2024-13-01'"), e.getMessage());
    }
  }

  @Test
  void openingWhereNoIndexIsSaysHowToBuildOne() {
    IndexNotFoundException e = assertThrows(IndexNotFoundException.class,
        () -> NewsIndex.open(dir.resolve("nothing")));
    assertTrue(e.getMessage().contains("newsindex index"), e.getMessage());
  }

  @Test
  void anIndexWithAnotherSchemaIsRefusedWithAdvice() throws IOException {
    try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of("newsindex.schema", "0").entrySet());
      w.commit();
    }
    IncompatibleIndexException e = assertThrows(IncompatibleIndexException.class,
        () -> NewsIndex.open(dir));
    assertTrue(e.getMessage().contains("rebuild"), e.getMessage());
  }

  @Test
  void aSecondWriterIsToldTheIndexIsLocked() throws IOException {
    try (NewsIndex first = NewsIndex.openOrCreate(dir);
        NewsIndex second = NewsIndex.open(dir)) {
      first.upsert(article("a", "A", "a"));
      assertThrows(IndexLockedException.class, () -> second.upsert(article("b", "B", "b")));
      assertEquals(0, second.search(SearchRequest.of("a")).totalHits(), "searches still work");
    }
  }

}
