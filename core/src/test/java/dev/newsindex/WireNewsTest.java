package dev.newsindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects of issue 11 on real wire news: Reuters-21578 ({@code ../shared}; skipped when
 * absent), indexed once with the defaults, searched as a user would.
 */
class WireNewsTest {
  static final Path REUTERS = Path.of("..", "..", "shared", "corpora", "reuters21578",
      "docs.jsonl");

  @TempDir static Path dir;
  static NewsIndex index;

  @BeforeAll
  static void build() throws IOException {
    assumeTrue(Files.isRegularFile(REUTERS), "Reuters-21578 is not at "
        + REUTERS.toAbsolutePath().normalize() + " (../shared beside the repository)");
    index = NewsIndex.openOrCreate(dir.resolve("reuters"));
    index.ingest(List.of(REUTERS), IngestListener.NONE);
  }

  @AfterAll
  static void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  static List<Hit> top(String query, int n) throws IOException {
    return index.search(SearchRequest.builder(query).limit(n).passages(0).build()).hits();
  }

  static String text(Hit h) {
    return h.article().title() + "\n" + h.article().body();
  }

  static boolean says(Hit h, String regex) {
    return Pattern.compile(regex).matcher(text(h)).find();
  }

  @Test
  void anArticleInTheWordsTypedRanksAboveOneThatNamesTheAliasInFull() throws IOException {
    // Reuters names the fund in full in many stories that never say IMF; each alias mention used
    // to count as the sum of its four words, so such stories took the top four places.
    List<Hit> hits = top("IMF", 10);
    assertEquals(10, hits.size());
    for (Hit h : hits) {
      assertTrue(says(h, "\\bIMF\\b"), h.rank() + ". " + h.article().title());
    }
    // The alias still finds the stories that only name it in full, below those.
    SearchResult all = index.search(SearchRequest.builder("IMF").limit(300).passages(0).build());
    assertTrue(all.hits().stream().anyMatch(h -> !says(h, "\\bIMF\\b")
        && says(h, "International\\s+Monetary\\s+Fund")));
  }

  @Test
  void ampersandAcronymsAreSearchedWholeAndInTheFormsWireCopyWrites() throws IOException {
    for (String q : List.of("AT&T", "S&P")) {
      List<Hit> hits = top(q, 10);
      assertEquals(10, hits.size(), q);
      for (Hit h : hits) {
        assertTrue(says(h, "AT&T|\\bATT\\b|American\\s+Telephone|S&P|S\\s+and\\s+P|S/P|Standard\\s+and\\s+Poor"),
            q + ": " + h.rank() + ". " + h.article().title());
      }
    }
    // "S and P" is how this wire wrote it: the query S&P finds those stories.
    assertTrue(index.search(SearchRequest.builder("S&P").limit(300).passages(0).build()).hits()
        .stream().anyMatch(h -> says(h, "\\bS\\s+and\\s+P\\b") && !says(h, "S&P|S/P|Standard")));
  }

  @Test
  void theVerbFedIsNotTheFederalReserve() throws IOException {
    SearchResult fed = index.search(SearchRequest.builder("fed").limit(1000).passages(0).build());
    assertFalse(fed.hits().isEmpty());
    for (Hit h : fed.hits()) {
      assertTrue(says(h, "(?i)\\bfeds?\\b"), h.article().title());
    }
    SearchResult reserve = index.search(SearchRequest.builder("Fed").limit(1000).passages(0)
        .build());
    assertTrue(reserve.totalHits() > fed.totalHits(), "Fed also means the Federal Reserve");
  }

  @Test
  void wireFiguresAreNumbersNotRegularExpressions() throws IOException {
    // query, the figure the best hit must hold, the fraction every hit must hold
    String[][] cases = {{"3-1/2 pct", "3-1/2", "1/2"}, {"7/8", "7/8", "7/8"},
        {"1/4 point", "1/4", "1/4"}, {"up 1/8", "1/8", "1/8"}};
    for (String[] c : cases) {
      List<Hit> hits = top(c[0], 5);
      assertFalse(hits.isEmpty(), c[0]);
      assertTrue(text(hits.get(0)).toLowerCase(Locale.ROOT).contains(c[1]), c[0] + ": "
          + hits.get(0).article().title());
      for (Hit h : hits) {
        assertTrue(text(h).contains(c[2]), c[0] + ": " + h.article().title());
      }
    }
    QuerySyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(
        QuerySyntaxException.class, () -> index.search(SearchRequest.of("cocoa /[a-z]+ing")));
    assertEquals(7, e.position(), e.getMessage());
    assertTrue(e.problem().contains("'/'"), e.getMessage());
  }

  @Test
  void britishAndAmericanSpellingsMeet() throws IOException {
    // Reuters writes both: "Rank Organisation", "International Coffee Organization".
    List<Hit> hits = index.search(SearchRequest.builder("organisation").limit(1000)
        .passages(0).build()).hits();
    assertTrue(hits.stream().anyMatch(h -> says(h, "(?i)organization")
        && !says(h, "(?i)organisation")));
    assertTrue(hits.stream().anyMatch(h -> says(h, "(?i)organisation")));
  }

  @Test
  void porterNoLongerMergesFranceWithTheFranc() throws IOException {
    for (Hit h : index.search(SearchRequest.builder("France").limit(1000).passages(0).build())
        .hits()) {
      assertTrue(says(h, "(?i)\\bfrance\\b"), h.article().title());
    }
  }

  @Test
  void shortNoticesOfDifferentCompaniesAreNotGroupedAsCopies() throws IOException {
    for (DuplicateGroup g : index.duplicates(Integer.MAX_VALUE, 0.5).groups()) {
      long dividends = g.articles().stream()
          .filter(a -> a.body().toLowerCase(Locale.ROOT).startsWith("qtly div")).count();
      if (dividends < 2) {
        continue;
      }
      // The notices of one group are about one company: their headlines share its name.
      String first = g.articles().get(0).title();
      for (Article a : g.articles()) {
        assertTrue(sharesAName(first, a.title()), first + " / " + a.title());
      }
    }
  }

  /** Whether two headlines share a word of four letters or more that is not a notice's. */
  static boolean sharesAName(String a, String b) {
    java.util.Set<String> words = new java.util.HashSet<>();
    for (String w : a.toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
      if (w.length() >= 4) {
        words.add(w);
      }
    }
    words.removeAll(List.of("SETS", "QUARTERLY", "QTLY", "PAYOUT", "DIVIDEND", "REGULAR",
        "RAISES", "DECLARES", "CORP", "INC"));
    for (String w : b.toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
      if (words.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
