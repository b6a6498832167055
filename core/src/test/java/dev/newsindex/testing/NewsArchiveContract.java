package dev.newsindex.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.InvalidCursorException;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.NewsArchive;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.UnsupportedRequestException;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.Hit;
import dev.newsindex.search.Ranked;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.SortOrder;
import dev.newsindex.status.IndexStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link NewsArchive} does, as tests a backend inherits: extend this class, return an
 * empty archive of yours from {@link #create}, and the tests run against it. They check what the
 * interface's javadoc promises, on a handful of articles; where a backend refuses a method with
 * {@link UnsupportedRequestException}, the test of that method is skipped, and the refusal must be
 * one line. {@code NewsIndexArchiveTest} runs them on the local index; the core test jar carries
 * them for the modules built on core.
 */
public abstract class NewsArchiveContract {
  /** A directory of this test's own, for backends that keep files. */
  @TempDir protected Path dir;

  /** The archive under test, made by {@link #create} before each test and closed after it. */
  protected NewsArchive archive;

  /**
   * A new, empty archive.
   *
   * @param dir an empty directory the archive may use
   * @return the archive; the test closes it
   * @throws IOException when it cannot be made
   */
  protected abstract NewsArchive create(Path dir) throws IOException;

  /**
   * {@code article} as an archive gives it back: the fixtures declare no language, and the
   * archive detects it where the text is long enough.
   */
  protected static Article detected(Article article) {
    return dev.newsindex.schema.LanguageDetection.withLanguage(article);
  }

  /** The articles every test starts from: two near-copies of one wire story among others. */
  protected static List<Article> articles() {
    String storm = "A winter storm closed the harbour at Port Alder on Saturday. Ferries stayed in"
        + " port while the coast guard warned of waves of up to six metres along the whole coast"
        + " and the harbour master said the port would open again on Monday morning.";
    return List.of(
        new Article("gw-1", "Storm closes Port Alder harbour", LocalDate.of(2024, 3, 2),
            "Gulf Harbor Wire", "https://example.org/gw-1", storm),
        new Article("md-1", "Harbour shut by storm", LocalDate.of(2024, 3, 3), "Metro Daily", "",
            storm + " Local shops closed early."),
        new Article("gw-2", "Fish prices climb", LocalDate.of(2024, 3, 4), "Gulf Harbor Wire",
            "", "Fish prices rose as boats sat out the storm in the harbour for three days."),
        new Article("gw-3", "Council approves budget", LocalDate.of(2023, 12, 1),
            "Gulf Harbor Wire", "", "The town council approved next year's budget on Friday."),
        new Article("nd-1", "Undated note", null, "", "", "A note about the harbour without a"
            + " date or a source."));
  }

  @BeforeEach
  void fill() throws IOException {
    archive = create(dir);
    for (Article a : articles()) {
      archive.upsert(a);
    }
    archive.commit();
  }

  @AfterEach
  void close() throws IOException {
    archive.close();
  }

  /** Runs {@code call}, skipping the test when the backend refuses it in one line. */
  protected static <T> T supported(ThrowingSupplier<T> call) throws Throwable {
    try {
      return call.get();
    } catch (UnsupportedRequestException e) {
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      Assumptions.abort("refused: " + e.getMessage());
      throw e; // not reached
    }
  }

  @Test
  void searchFindsTheArticlesWithTheQuerysWordsBestFirst() throws IOException {
    SearchResult r = archive.search(SearchRequest.of("harbour storm"));
    assertEquals(List.of("gw-1", "md-1", "gw-2"), Fixtures.ids(r).subList(0, 3));
    assertEquals(3, r.totalHits());
    Hit first = r.hits().get(0);
    assertEquals(1, first.rank());
    assertEquals(detected(articles().get(0)), first.article());
    assertTrue(first.passages().get(0).marked("[", "]").contains("[harbour]"),
        first.passages().toString());
  }

  @Test
  void filtersSortsAndPagesMeanTheSameOnEveryBackend() throws IOException {
    SearchRequest newest = SearchRequest.builder("harbour").sort(SortOrder.NEWEST)
        .source("gulf harbor wire").limit(1).build();
    SearchResult page1 = archive.search(newest);
    assertEquals(List.of("gw-2"), Fixtures.ids(page1));
    assertNotNull(page1.nextCursor());
    SearchResult page2 = archive.search(newest.withCursor(page1.nextCursor()));
    assertEquals(List.of("gw-1"), Fixtures.ids(page2));
    assertEquals(2, page2.hits().get(0).rank(), "ranks continue on the next page");
    assertEquals(List.of("gw-3"), Fixtures.ids(archive.search(SearchRequest.builder("*")
        .until(LocalDate.of(2023, 12, 31)).build())));
  }

  @Test
  void badQueriesAndCursorsAreTypedOneLineErrors() {
    QuerySyntaxException q = assertThrows(QuerySyntaxException.class,
        () -> archive.search(SearchRequest.of("harbour AND (storm")));
    assertFalse(q.getMessage().contains("\n"), q.getMessage());
    InvalidCursorException c = assertThrows(InvalidCursorException.class,
        () -> archive.search(SearchRequest.builder("harbour").cursor("not-a-cursor").build()));
    assertFalse(c.getMessage().contains("\n"), c.getMessage());
  }

  @Test
  void rankGivesTheSearchsOrderWithoutLoadingArticles() throws IOException {
    SearchRequest r = SearchRequest.of("harbour storm").withLimit(5);
    List<Ranked> ranked = archive.rank(r);
    assertEquals(Fixtures.ids(archive.search(r)), ranked.stream().map(Ranked::id).toList());
    assertTrue(ranked.get(0).score() >= ranked.get(1).score());
  }

  @Test
  void getAndSizeSeeWhatWasCommitted() throws IOException {
    assertEquals(Optional.of(detected(articles().get(2))), archive.get("gw-2"));
    assertEquals(Optional.empty(), archive.get("no-such-id"));
    assertEquals(5, archive.size());
  }

  @Test
  void writesAreSeenAfterCommitAndUpsertsTellWhatTheyDid() throws IOException {
    Article fresh = Fixtures.article("new-1", "Lighthouse repaired", "The lighthouse shines.");
    assertEquals(IndexOutcome.INDEXED, archive.upsert(fresh));
    archive.commit();
    assertEquals(Optional.of(detected(fresh)), archive.get("new-1"));
    assertEquals(IndexOutcome.UNCHANGED, archive.upsert(fresh));
    assertTrue(archive.delete("new-1"));
    assertFalse(archive.delete("never-there"));
    assertEquals(1, archive.deleteMatching("budget"));
    assertEquals(1, archive.deleteBefore(LocalDate.of(2024, 3, 3)));
    archive.commit();
    assertEquals(Set.of("md-1", "gw-2", "nd-1"),
        Fixtures.idSet(archive.search(SearchRequest.of("*"))));
    assertEquals(3, archive.size());
  }

  @Test
  void relatedArticlesLeaveTheArticleItselfOut() throws Throwable {
    Optional<SearchResult> related = supported(() -> archive.related(RelatedRequest.of("gw-1")));
    assertTrue(related.isPresent());
    assertEquals("md-1", related.get().hits().get(0).article().id());
    assertFalse(Fixtures.ids(related.get()).contains("gw-1"));
    assertEquals(Optional.empty(), supported(() -> archive.related(RelatedRequest.of("none"))));
  }

  @Test
  void nearCopiesFormOneGroup() throws Throwable {
    DuplicateReport report = supported(() -> archive.duplicates(10,
        DuplicateReport.DEFAULT_THRESHOLD));
    assertEquals(1, report.groupCount());
    assertEquals(List.of("gw-1", "md-1"), report.groups().get(0).articles().stream()
        .map(Article::id).toList());
    assertThrows(InvalidRequestException.class, () -> archive.duplicates(10, 0));
  }

  @Test
  void statsCountWhatTheArchiveHolds() throws Throwable {
    IndexStats stats = supported(archive::stats);
    assertEquals(5, stats.articles());
    assertEquals(LocalDate.of(2023, 12, 1), stats.firstDate());
    assertEquals(LocalDate.of(2024, 3, 4), stats.lastDate());
    assertEquals(1, stats.undated());
    assertEquals(List.of("Gulf Harbor Wire", "", "Metro Daily"),
        List.copyOf(stats.bySource().keySet()));
    assertEquals(3L, stats.bySource().get("Gulf Harbor Wire"));
    assertNotNull(archive.settings());
  }

  @Test
  void aClosedArchiveRefusesToSearch() throws IOException {
    archive.close();
    assertThrows(IllegalStateException.class, () -> archive.search(SearchRequest.of("harbour")));
    archive.close(); // twice does nothing
  }
}
