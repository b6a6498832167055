package dev.newsindex.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SortOrder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A cursor's fingerprint is the same in every process and release: a cursor printed by one run
 * of the command line (or one server) is accepted by the next.
 */
class CursorTest {
  static SearchRequest request() {
    return SearchRequest.builder("oil prices").sort(SortOrder.NEWEST)
        .since(LocalDate.of(2023, 1, 1)).until(LocalDate.of(2023, 6, 30))
        .source("MENAFN").filter("headline:oil").build();
  }

  @Test
  void theFingerprintIsAFixedValueOfTheRequestsText() {
    // Pinned: the value may change only with the cursor format (its "c1." prefix), never between
    // two JVMs; hashCode of the sort enum (the old fingerprint) differs in every JVM.
    assertEquals(PINNED, Cursor.fingerprint(request()));
  }

  @Test
  void anythingThatChangesTheOrderChangesTheFingerprint() {
    int base = Cursor.fingerprint(request());
    assertEquals(base, Cursor.fingerprint(request().toBuilder().limit(3).passages(0).build()));
    assertNotEquals(base, Cursor.fingerprint(request().toBuilder().sort(SortOrder.OLDEST).build()));
    assertNotEquals(base, Cursor.fingerprint(request().toBuilder().query("oil price").build()));
    assertNotEquals(base, Cursor.fingerprint(request().toBuilder().matchAll(false).build()));
    assertNotEquals(base, Cursor.fingerprint(request().toBuilder().source("Reuters").build()));
    assertNotEquals(base, Cursor.fingerprint(request().toBuilder().until(null).build()));
    // A cursor of the French hits is not one of all languages', nor of the Arabic ones ...
    int french = Cursor.fingerprint(request().toBuilder().lang("fr").build());
    assertNotEquals(base, french);
    assertNotEquals(french, Cursor.fingerprint(request().toBuilder().lang("ar").build()));
    // ... but the same languages in another order select the same hits.
    assertEquals(Cursor.fingerprint(request().toBuilder().lang("fr").lang("de").build()),
        Cursor.fingerprint(request().toBuilder().lang("de").lang("fr").build()));
    // The query "a" with filter "b" is not the query "a;filter=1:b".
    assertNotEquals(Cursor.fingerprint(SearchRequest.builder("a").filter("b").build()),
        Cursor.fingerprint(SearchRequest.builder("a;filter=1:b").build()));
  }

  static final int PINNED = -179969952;
}
