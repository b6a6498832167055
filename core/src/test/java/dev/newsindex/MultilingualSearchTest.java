package dev.newsindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled articles in Arabic, French, German and Spanish (index-data/articles, MENAFN text
 * format, which declares no language): detected, analysed in their language, found by the words
 * of their language with and without accents and inflections, highlighted where the words are, and
 * kept apart from the English articles by {@code lang}.
 */
class MultilingualSearchTest {
  static final Path ARTICLES = Path.of("..", "index-data", "articles");

  @TempDir static Path dir;
  static NewsIndex index;

  @BeforeAll
  static void build() throws IOException {
    index = NewsIndex.openOrCreate(dir);
    index.ingest(List.of(ARTICLES), IngestListener.NONE);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static String first(SearchRequest request) throws IOException {
    SearchResult r = index.search(request);
    assertFalse(r.hits().isEmpty(), "no hit for " + request.query());
    return r.hits().get(0).article().id();
  }

  @Test
  void statsCountTheArticlesOfEachDetectedLanguage() throws IOException {
    Map<String, Long> langs = index.stats().byLabel().get("lang");
    assertEquals(5L, langs.get("ar"), langs.toString());
    assertEquals(5L, langs.get("fr"), langs.toString());
    assertEquals(2L, langs.get("de"), langs.toString());
    assertEquals(2L, langs.get("es"), langs.toString());
    long english = index.stats().articles() - 14;
    assertEquals(english, langs.get("en"), langs.toString());
  }

  /** The small judged set of each language: the article judged relevant ranks first. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "دعم الخبز | 1107500033",
      "أسعار النفط | 1107500034",
      "المجاعة في السودان | 1107500035",
      "معرض الكتاب | 1107500036",
      "استهلاك الكهرباء | 1107500037",
      "remaniement Elysee | 1107500038",
      "grève des contrôleurs aériens | 1107500039",
      "gaz d'Alger | 1107500040",
      "agriculteur tracteurs | 1107500041",
      "baisse des taux BCE | 1107500042",
      "Streik Lokführer | 1107500043",
      "Hochwasser Feuerwehr | 1107500044",
      "subida de las pensiones | 1107500045",
      "sequia aceite | 1107500046"})
  void theJudgedRelevantArticleRanksFirst(String query, String id) throws IOException {
    assertEquals(id, first(SearchRequest.of(query)), query);
  }

  @Test
  void germanCompoundsAreFoundByTheirParts() throws IOException {
    // "Fernverkehr" and "Fernzüge" are in the article; "Verkehr" alone is not.
    assertEquals("1107500043", first(SearchRequest.of("Verkehr")));
    assertEquals("1107500044", first(SearchRequest.of("Regen")));
  }

  @Test
  void frenchElisionAndArabicArticleAreHighlightedAsWritten() throws IOException {
    Hit elysee = index.search(SearchRequest.of("Élysée")).hits().get(0);
    assertEquals("1107500038", elysee.article().id());
    assertTrue(NewsAnalysisSearchTest.marked(elysee).contains("L'Élysée"),
        NewsAnalysisSearchTest.marked(elysee).toString());
    // حكومة (government) without the article finds and marks الحكومة, right to left.
    Hit bread = index.search(SearchRequest.of("حكومة")).hits().get(0);
    assertEquals("1107500033", bread.article().id());
    assertTrue(NewsAnalysisSearchTest.marked(bread).contains("الحكومة"),
        NewsAnalysisSearchTest.marked(bread).toString());
  }

  @Test
  void langNarrowsTheQueryToTheLanguagesAsked() throws IOException {
    // "taux" is French; analysed as German only, it finds nothing.
    assertEquals(0, index.search(SearchRequest.builder("taux").lang("de").build()).totalHits());
    assertEquals("1107500042", first(SearchRequest.builder("taux").lang("fr").build()));
    // English articles only: the French article about the central bank does not compete.
    for (Hit h : index.search(SearchRequest.builder("banque centrale").lang("en").build())
        .hits()) {
      assertEquals("en", h.article().lang());
    }
  }

  @Test
  void anAliasInAnotherLanguageFindsTheEnglishArticles() throws IOException {
    // The Arabic name of the United Nations: its Arabic article and the English UN appeal.
    List<String> ids = index.search(SearchRequest.builder("الأمم المتحدة").limit(50).build())
        .hits().stream().map(h -> h.article().id()).toList();
    assertTrue(ids.contains("1107500035"), ids.toString());
    assertTrue(ids.contains("1107500012"), ids.toString());
  }
}
