package dev.newsindex;

import dev.newsindex.Stemmer;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.newsindex.testing.Fixtures.article;
import static dev.newsindex.testing.Fixtures.idSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** The news analysis as a user meets it: queries, synonyms, highlights and stored settings. */
class NewsAnalysisSearchTest {
  static final Path SEED = Path.of("..", "seeds", "000_5f663ed9bf04bd27.txt");

  @TempDir Path dir;

  /** Every highlighted stretch of the hit's title and passages, as text. */
  static List<String> marked(Hit hit) {
    List<String> out = new ArrayList<>();
    List<Snippet> all = new ArrayList<>(hit.passages());
    all.add(hit.title());
    for (Snippet s : all) {
      s.matches().forEach(m -> out.add(s.text().substring(m.start(), m.end())));
    }
    return out;
  }

  @Test
  void dprkFindsAndHighlightsTheSeedsNorthKorea() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.ingest(List.of(SEED), IngestListener.NONE);
      index.upsert(article("other", "Trade", "Grain exports from Ukraine rose in spring."));
      index.commit();
      SearchResult result = index.search(SearchRequest.of("DPRK"));
      assertEquals(Set.of("1107439109"), idSet(result));
      List<String> marks = marked(result.hits().get(0));
      assertTrue(marks.contains("North Korea"), marks.toString());
      // Only the alias is marked: "Korean peninsula" and "South Korea" are not North Korea.
      assertTrue(marks.stream().allMatch(m -> m.equals("North Korea")
          || m.equals("North") || m.equals("Korea")), marks.toString());
      assertTrue(marks.stream().noneMatch(m -> m.startsWith("Korean")), marks.toString());
      // Inside a phrase too: "North Korea declared" is in the seed, "North Korea officials" not.
      assertEquals(Set.of("1107439109"), idSet(index.search(SearchRequest.of(
          "\"DPRK declared\""))));
      assertEquals(Set.of(), idSet(index.search(SearchRequest.of("\"DPRK officials\""))));
    }
  }

  @Test
  void onlyTheWordsAnArticleUsesAreMarkedNotTheirAliases() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("both", "Talks", "Korea said the DPRK would talk. South Korea agreed."));
      index.commit();
      // "DPRK" is an alias of North Korea, but the query asks for "korea": only "Korea" is marked.
      List<String> marks = marked(index.search(SearchRequest.of("korea")).hits().get(0));
      assertEquals(List.of("Korea", "Korea"), marks);
    }
  }

  @Test
  void countryAcronymsMatchEachOtherButNotThePronoun() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("dotted", "Talks", "U.S. officials met in Geneva."));
      index.upsert(article("bare", "Talks", "US officials met in Vienna."));
      index.upsert(article("name", "Talks", "United States officials met in Oslo."));
      index.upsert(article("pronoun", "Talks", "Let us meet in Paris, they told us."));
      index.upsert(article("un", "Vote", "The U.N. General Assembly voted."));
      index.upsert(article("uk", "Vote", "Britain voted against."));
      index.commit();
      Set<String> country = Set.of("dotted", "bare", "name");
      assertEquals(country, idSet(index.search(SearchRequest.of("US"))));
      assertEquals(country, idSet(index.search(SearchRequest.of("U.S."))));
      assertEquals(country, idSet(index.search(SearchRequest.of("United States"))));
      assertEquals(Set.of("pronoun"), idSet(index.search(SearchRequest.of("us"))));
      assertEquals(Set.of("un"), idSet(index.search(SearchRequest.of("UN"))));
      assertEquals(Set.of("un"), idSet(index.search(SearchRequest.of("United Nations"))));
      assertEquals(Set.of("uk"), idSet(index.search(SearchRequest.of("UK"))));
      assertEquals(Set.of("uk"), idSet(index.search(SearchRequest.of("U.K."))));
      // Highlighting marks the form the article uses.
      Hit name = index.search(SearchRequest.of("US Oslo")).hits().get(0);
      assertEquals(List.of("United States", "Oslo"), marked(name));
    }
  }

  @Test
  void aliasesOfNamesWithStopWordsAreFoundAndMarked() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("boe", "Rates", "The Bank of England raised rates again."));
      index.upsert(article("bank", "Banks", "A bank opened a branch in England."));
      index.commit();
      SearchResult boe = index.search(SearchRequest.of("BOE"));
      assertEquals(Set.of("boe"), idSet(boe));
      assertEquals(List.of("Bank of England"), marked(boe.hits().get(0)));
    }
  }

  @Test
  void titlesStartingWithACapitalisedStopWordAreFound() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("hague", "The Hague Rules on Sea Claims", "Judges ruled on Tuesday."));
      index.upsert(article("it", "IT Spending Rises", "Companies spend more on computers."));
      index.commit();
      assertEquals(Set.of("hague"), idSet(index.search(SearchRequest.of(
          "The Hague Rules on Sea Claims"))));
      assertEquals(Set.of("hague"), idSet(index.search(SearchRequest.of("THE HAGUE RULES"))));
      assertEquals(Set.of("it"), idSet(index.search(SearchRequest.of("IT Spending Rises"))));
      assertEquals(Set.of("it"), idSet(index.search(SearchRequest.of("it spending rises"))));
    }
  }

  @Test
  void anAliasRanksBelowTheWordsTheUserTypedWhichStayWords() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      // Added first, so that on a tie it would rank first.
      index.upsert(article("myanmar", "Vote", "Myanmar held a vote on Sunday."));
      index.upsert(article("burma", "Vote", "Burma held a vote on Sunday."));
      index.upsert(article("apart", "Trade", "Soviet ports served the union of Baltic traders."));
      index.upsert(article("typed", "Trade", "The Soviet Union signed the treaty."));
      index.upsert(article("alias", "Trade", "The USSR signed the treaty."));
      index.commit();
      List<Hit> hits = index.search(SearchRequest.of("Burma")).hits();
      assertEquals(List.of("burma", "myanmar"), hits.stream().map(h -> h.article().id()).toList());
      assertTrue(hits.get(1).score() < hits.get(0).score(), hits.toString());
      // The words of "Soviet Union" need not be a phrase (every word is required, as in any
      // query), and the alias still finds the USSR.
      assertEquals(Set.of("apart", "typed", "alias"),
          idSet(index.search(SearchRequest.of("Soviet Union"))));
      assertEquals(Set.of("typed", "alias"), idSet(index.search(SearchRequest.of("USSR"))));
    }
  }

  @Test
  void partsOfACompoundFoundApartCountForLessThanTheCompound() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.upsert(article("part", "Rift", "The Soviet dispute deepened in the spring."));
      index.upsert(article("whole", "Rift", "The Sino-Soviet dispute deepened in the spring."));
      index.upsert(article("none", "Trade", "Exports to Peru rose in the spring."));
      index.commit();
      List<String> ranked = index.search(SearchRequest.of("sino-soviet dispute")
          .withMatchAll(false)).hits().stream().map(h -> h.article().id()).toList();
      assertEquals(List.of("whole", "part"), ranked);
      // With every word required, the parts alone are not the compound.
      assertEquals(Set.of("whole"), idSet(index.search(SearchRequest.of("sino-soviet"))));
    }
  }

  @Test
  void compoundsPossessivesAccentsAndNumbers() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      index.ingest(List.of(SEED), IngestListener.NONE);
      index.upsert(article("sao", "S\u00e3o Paulo", "D\u00f6nitz\u2019s memoirs sold 12,000 copies,"
          + " up 3.5% on 2023."));
      index.commit();
      for (String q : new String[] {"high-level", "\"high level\"", "highlevel", "full-blown",
          "blown crisis", "fullblown"}) {
        assertEquals(Set.of("1107439109"), idSet(index.search(SearchRequest.of(q))), q);
      }
      for (String q : new String[] {"Sao Paulo", "donitz", "D\u00f6nitz's", "3.5%", "2023",
          "12,000"}) {
        assertEquals(Set.of("sao"), idSet(index.search(SearchRequest.of(q))), q);
      }
      Hit seed = index.search(SearchRequest.of("high-level")).hits().get(0);
      assertTrue(marked(seed).contains("high-level"), marked(seed).toString());
    }
  }

  @Test
  void settingsAreStoredAndUsedBySearch() throws IOException {
    Path path = dir.resolve("kstem");
    IndexSettings settings = IndexSettings.DEFAULT.withStemmer(Stemmer.KSTEM)
        .withSynonyms("Kyiv, Kiev\n").withBm25(0.9f, 0.4f);
    try (NewsIndex index = NewsIndex.openOrCreate(path, settings)) {
      index.upsert(article("k", "Kiev", "The policies of Kiev."));
      index.commit();
    }
    try (NewsIndex index = NewsIndex.open(path)) {
      assertEquals(settings, index.settings());
      assertEquals(Set.of("k"), idSet(index.search(SearchRequest.of("Kyiv policy"))));
    }
    // Query-time settings may change; the stemmer may not.
    try (NewsIndex index = NewsIndex.openOrCreate(path, settings.withSynonyms(""))) {
      assertEquals(Set.of(), idSet(index.search(SearchRequest.of("Kyiv"))));
    }
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> NewsIndex.openOrCreate(path, settings.withStemmer(Stemmer.PORTER)));
    assertTrue(e.getMessage().contains("built with stemmer kstem"), e.getMessage());
  }

  @Test
  void malformedUserSynonymsAreRefusedWithTheLine() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> IndexSettings.DEFAULT.withSynonyms("kyiv, kiev\nwar => \n"));
    assertTrue(e.getMessage().startsWith("synonyms line 2"), e.getMessage());
  }
}
