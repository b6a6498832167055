package dev.newsindex.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.Compression;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.index.ArticleWriter;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchLimits;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.Span;
import dev.newsindex.testing.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every part of a request is bounded: the query's size and its regular expressions, the text
 * analysed for highlighting, the length of a passage, and the time of the whole request
 * (collection, highlighting, did-you-mean), read from a clock the test moves.
 */
class RequestBoundsTest {
  static final int LONG_BODY = SearchLimits.MAX_HIGHLIGHT_CHARS * 3;
  static ByteBuffersDirectory dir;
  static DirectoryReader reader;
  static Analyzer analyzer = NewsSchema.analyzer();

  @BeforeAll
  static void build() throws IOException {
    dir = new ByteBuffersDirectory();
    IndexWriterConfig config = ArticleWriter.config(analyzer, IndexWriterConfig.OpenMode.CREATE,
        Compression.FAST);
    StringBuilder runOn = new StringBuilder(); // 92 KB and not one full stop
    while (runOn.length() < 92_000) {
      runOn.append("and the talks went on ");
    }
    int middle = runOn.length() / 2;
    runOn.insert(runOn.indexOf(" ", middle) + 1, "zeppelin ");
    StringBuilder late = new StringBuilder("Opening words here. ");
    while (late.length() < LONG_BODY - 100) {
      late.append("filler words without meaning ");
    }
    late.append("a walrus at last.");
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (Article a : List.of(
          Fixtures.article("m1", "Missile test", "The missile flew far. Officials said so."),
          Fixtures.article("m2", "Missile talks", "Talks about the missile went on. Nobody came."),
          Fixtures.article("m3", "Missile launch", "Another missile launch. It was noted."),
          Fixtures.article("run-on", "Talks", runOn.toString()),
          Fixtures.article("late", "Long", late.toString()))) {
        w.addDocument(NewsSchema.toDocument(a));
      }
      w.forceMerge(1); // one segment: the deadline is read once during collection
      w.commit();
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  static ArticleSearcher searcher(LongSupplier clock) {
    return new ArticleSearcher(new IndexSearcher(reader), analyzer, analyzer, TextScoring.DEFAULT,
        clock);
  }

  static SearchResult search(SearchRequest request) throws IOException {
    return searcher(System::nanoTime).search(request);
  }

  /** A clock that moves one second on every reading. */
  static LongSupplier secondPerReading() {
    AtomicLong now = new AtomicLong();
    return () -> now.addAndGet(1_000_000_000L);
  }

  static QuerySyntaxException refused(String query) {
    return assertThrows(QuerySyntaxException.class, () -> search(SearchRequest.of(query)), query);
  }

  @Test
  void regexRepetitionsAreBoundedAndTheErrorNamesWhere() throws IOException {
    QuerySyntaxException e = refused("/(a|b)*c{1,99999}/");
    assertEquals("/(a|b)*c".length() + 1, e.position(), e.getMessage());
    assertTrue(e.getMessage().contains("at most " + SearchLimits.MAX_REGEX_REPEAT), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    assertEquals(3, refused("/x{0,65535}y/").position());
    assertEquals("korea /(x{20})".length() + 1, refused("korea /(x{20}){20}/").position(),
        "nested counts multiply");
    search(SearchRequest.of("/mis{1,2}ile/")); // small counts are fine
    search(SearchRequest.of("/x[{]99999/")); // a brace in a class is no count
  }

  @Test
  void aQueryLongerThanTheLimitIsRefusedInOneShortLine() {
    String huge = "korea ".repeat(500_000 / 6);
    QuerySyntaxException e = refused(huge);
    assertEquals(SearchLimits.MAX_QUERY_CHARS + 1, e.position());
    assertTrue(e.getMessage().contains("more than the " + SearchLimits.MAX_QUERY_CHARS),
        e.getMessage());
    assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " chars");
    assertEquals(huge, e.query(), "the exception keeps the whole query");
  }

  @Test
  void anErrorMessageQuotesOnlyAWindowAroundThePosition() {
    String query = "missile ".repeat(1_000) + "colour:red";
    QuerySyntaxException e = refused(query);
    assertEquals(query.indexOf("colour") + 1, e.position());
    assertTrue(e.getMessage().contains("missile colour:red]"), e.getMessage());
    assertTrue(e.getMessage().contains("[..."), e.getMessage());
    assertTrue(e.getMessage().length() < e.problem().length() + 100, e.getMessage());
    assertEquals("[short query]", QuerySyntaxException.window("[short query]", 3));
    String emoji = "\uD83D\uDE00".repeat(100);
    String w = QuerySyntaxException.window(emoji, 51);
    assertFalse(Character.isLowSurrogate(w.charAt(3)), "no half surrogate pair after ...");
  }

  @Test
  void aPassageIsCutAtTheMaximumLengthAroundItsMatch() throws IOException {
    SearchResult r = search(SearchRequest.builder("zeppelin").passages(1).build());
    assertEquals(1, r.hits().size());
    Snippet p = r.hits().get(0).passages().get(0);
    assertTrue(p.text().length() <= SearchLimits.MAX_PASSAGE_CHARS, p.text().length() + " chars");
    assertEquals(List.of("zeppelin"), p.matchedText());
    String body = r.hits().get(0).article().body();
    Span m = p.matches().get(0);
    assertEquals("zeppelin", body.substring(p.fieldOffset() + m.start(), p.fieldOffset() + m.end()));
  }

  @Test
  void onlyTheFirstCharactersOfAHitAreAnalysedForHighlighting() throws IOException {
    SearchResult r = search(SearchRequest.builder("walrus").passages(1).build());
    assertEquals(1, r.hits().size(), "the hit is found and ranked");
    Hit h = r.hits().get(0);
    assertTrue(h.article().body().length() > LONG_BODY - 200, "stored whole");
    Snippet p = h.passages().get(0);
    assertTrue(p.matches().isEmpty(), "a match beyond the limit is not highlighted: " + p);
    assertTrue(p.text().startsWith("Opening words here."), p.text());
  }

  @Test
  void theTimeoutBoundsHighlighting() throws IOException {
    SearchRequest request = SearchRequest.builder("missile").passages(1)
        .timeout(Duration.ofMillis(1500)).build();
    SearchResult onTime = search(request);
    assertEquals(3, onTime.hits().size());
    assertFalse(onTime.timedOut());
    assertFalse(onTime.hits().get(0).passages().get(0).matches().isEmpty());
    // Deadline at 1.5 s; collection reads 1 s, highlighting the first hit reads 2 s: past it.
    SearchResult late = searcher(secondPerReading()).search(request);
    assertTrue(late.timedOut(), "the result says it is partial");
    assertEquals(3, late.hits().size(), "the hits collected in time are all shown");
    for (Hit h : late.hits()) {
      assertTrue(h.title().matches().isEmpty(), h.title().toString());
      assertEquals(1, h.passages().size());
      assertTrue(h.passages().get(0).matches().isEmpty(), h.passages().toString());
      assertEquals(h.article().body(), h.passages().get(0).text(), "the opening, unmarked");
    }
  }

  @Test
  void theTimeoutBoundsDidYouMean() throws IOException {
    SearchRequest request = SearchRequest.builder("misile").timeout(Duration.ofMillis(1500))
        .build();
    SearchResult onTime = search(request);
    assertNotNull(onTime.didYouMean(), "a correction when there is time");
    SearchResult late = searcher(secondPerReading()).search(request);
    assertNull(late.didYouMean());
    assertTrue(late.timedOut());
  }

  @Test
  void longWordsAreNotLookedUpForCorrections() throws IOException {
    String word = "missile" + "x".repeat(SearchLimits.MAX_SUGGEST_WORD_CHARS);
    AtomicLong readings = new AtomicLong();
    SearchResult r = searcher(() -> {
      readings.incrementAndGet();
      return System.nanoTime();
    }).search(SearchRequest.of(word));
    assertNull(r.didYouMean());
    assertEquals(2, readings.get(), "no lookup: the clock is read only for collection");
  }

  @Test
  void theClauseLimitIsLucenes() {
    assertEquals(IndexSearcher.getMaxClauseCount(), SearchLimits.MAX_CLAUSES);
  }
}
