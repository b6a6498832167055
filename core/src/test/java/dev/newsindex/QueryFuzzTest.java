package dev.newsindex;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SortOrder;
import dev.newsindex.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Fuzz target for the query parser and a whole search (parsing, rewriting, filters, highlighting,
 * did-you-mean) over a small index: a query may be refused only with the typed rejections ({@link
 * QuerySyntaxException}, {@link InvalidRequestException}, {@link UnsupportedRequestException}).
 * Replays {@code QueryFuzzTestInputs/search/} in a normal run; see docs/limits.md, "Fuzzing".
 */
class QueryFuzzTest {
  private static final NewsIndex INDEX = index();

  private static NewsIndex index() {
    try {
      NewsIndex index = NewsIndex.openOrCreateIn(Path.of("fuzz-index"), new ByteBuffersDirectory());
      index.ingest(List.of(Fixtures.resource(Fixtures.SEARCH_FIXTURE)), IngestListener.NONE);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void search(FuzzedDataProvider data) throws IOException {
    SortOrder[] sorts = SortOrder.values();
    SortOrder sort = sorts[data.consumeInt(0, sorts.length - 1)];
    boolean suggest = data.consumeBoolean();
    String filter = data.consumeBoolean() ? data.consumeString(40) : null;
    String query = data.consumeRemainingAsString();
    try {
      SearchRequest.Builder request = SearchRequest.builder(query).sort(sort)
          .suggest(suggest).passages(2).timeout(Duration.ofSeconds(5));
      if (filter != null) {
        request.filter(filter);
      }
      INDEX.search(request.build());
    } catch (QuerySyntaxException | InvalidRequestException | UnsupportedRequestException refused) {
      String message = refused.getMessage();
      if (message == null || message.isEmpty() || message.length() > 2_000) {
        throw new AssertionError("a refusal must say why in a short line: " + message, refused);
      }
    }
  }
}
