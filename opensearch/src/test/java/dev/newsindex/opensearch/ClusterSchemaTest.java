package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.Stemmer;
import dev.newsindex.opensearch.plugin.Names;
import dev.newsindex.schema.NewsSchema;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSchemaTest {
  private static final Article ARTICLE = new Article("Reu-7", "Oil Prices Rise",
      LocalDate.of(1987, 3, 2), "Reuters", "https://example.org/7",
      "Oil prices rose on Monday as OPEC met in Zorbavia. The U.S. said nothing.",
      Map.of("topics", "crude", "places", "usa"));

  @Test
  void everyFieldOfTheSchemaIsMappedByHowNewsSchemaIndexesIt() {
    JsonNode props = ClusterSchema.definition(IndexSettings.DEFAULT, 3, 1).path("mappings")
        .path("properties");
    assertEquals("keyword", props.path(NewsSchema.ID).path("type").asText());
    for (String text : NewsSchema.TEXT_FIELDS) {
      assertEquals("text", props.path(text).path("type").asText());
      assertEquals(ClusterSchema.TEXT_ANALYZER, props.path(text).path("analyzer").asText());
      assertEquals(ClusterSchema.QUERY_ANALYZER,
          props.path(text).path("search_analyzer").asText());
    }
    assertEquals("long", props.path(NewsSchema.DATE).path("type").asText());
    assertEquals(ClusterSchema.LOWERCASE_NORMALIZER,
        props.path(NewsSchema.SOURCE).path("normalizer").asText());
    assertEquals("keyword", props.path(NewsSchema.SOURCE).path("fields")
        .path(ClusterSchema.RAW).path("type").asText());
    assertEquals("binary", props.path(NewsSchema.MINHASH).path("type").asText());
    assertFalse(props.path(NewsSchema.CONTENT_HASH).path("index").asBoolean(true));
    assertEquals("docs", props.path(NewsSchema.WORDS).path("index_options").asText());
    assertFalse(props.path(NewsSchema.URL).path("index").asBoolean(true));
    for (ClusterSchema.Field f : ClusterSchema.fields()) {
      assertTrue(props.has(f.name()), f.name());
    }
  }

  @Test
  void theSchemaVersionAndSettingsAreRecordedInMeta() {
    IndexSettings settings = IndexSettings.DEFAULT.withStemmer(Stemmer.KSTEM)
        .withSynonyms("bloc, alliance\nopec => organisation of petroleum exporting countries");
    ObjectNode def = ClusterSchema.definition(settings, 1, 0);
    JsonNode meta = def.path("mappings").path("_meta").path(ClusterSchema.META_KEY);
    assertEquals(NewsSchema.VERSION, meta.path(NewsSchema.SCHEMA_KEY).asText());
    assertEquals("kstem", def.path("settings").path("index").path("analysis").path("analyzer")
        .path(ClusterSchema.QUERY_ANALYZER).path(Names.STEMMER).asText());
    assertEquals(2, def.path("settings").path("index").path("analysis").path("analyzer")
        .path(ClusterSchema.QUERY_ANALYZER).path(Names.SYNONYMS).size());
    Map<String, String> recorded = new java.util.HashMap<>();
    meta.path("settings").properties().forEach(e -> recorded.put(e.getKey(),
        e.getValue().asText()));
    assertEquals(settings, IndexSettings.fromCommitData(recorded));
  }

  @Test
  void aDocumentReadsBackAsTheArticle() {
    ObjectNode json = ClusterSchema.document(ARTICLE, NewsSchema.contentHash(ARTICLE));
    assertEquals("Reuters", json.path(NewsSchema.SOURCE).asText());
    assertEquals(LocalDate.of(1987, 3, 2).toEpochDay(), json.path(NewsSchema.DATE).asLong());
    assertEquals(NewsSchema.contentHash(ARTICLE), json.path(NewsSchema.CONTENT_HASH).asLong());
    assertTrue(json.path(NewsSchema.WORDS).asText().contains("zorbavia"),
        json.path(NewsSchema.WORDS).asText());
    assertEquals(ARTICLE, ClusterSchema.article(json));
  }

  @Test
  void aTitleDerivedFromTheBodyIsShownButNotIndexed() {
    String body = "A lead sentence that is the title. And more text follows it here.";
    Article derived = new Article("t-1", dev.newsindex.ingest.Titles.derive(body), null, "", "",
        body);
    assertTrue(NewsSchema.isDerivedTitle(derived));
    ObjectNode json = ClusterSchema.document(derived, NewsSchema.contentHash(derived));
    assertFalse(json.has(NewsSchema.TITLE));
    assertEquals(derived.title(), json.path(Names.STORED).path(NewsSchema.TITLE).asText());
    assertEquals(derived, ClusterSchema.article(json));
  }
}
