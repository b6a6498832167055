package dev.newsindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An oversized exact value skips its article, never the run. */
class OversizedValuesTest {
  @TempDir Path tmp;

  private static String json(String id, String source, String category, String body) {
    return "{\"id\":\"" + id + "\",\"title\":\"Markets\",\"source\":\"" + source
        + "\",\"category\":\"" + category + "\",\"body\":\"" + body + "\"}";
  }

  @Test
  void anOversizedIdSourceOrLabelSkipsOnlyItsArticle() throws IOException {
    String big = "x".repeat(NewsSchema.MAX_EXACT_BYTES + 1);
    // 171 three-byte characters: 513 bytes in UTF-8, though only 171 chars.
    String wide = "\u20AC".repeat(171);
    String token = "y".repeat(40_000);
    String dotted = "a.".repeat(20_000);
    String hyphened = "b-".repeat(20_000);
    Path feed = Files.write(tmp.resolve("feed.jsonl"), List.of(
        json("ok1", "Reuters", "economy", "Shares rose"),
        json(big, "Reuters", "economy", "Shares fell"),
        json("ok2", big, "economy", "Bonds fell"),
        json("ok3", "Reuters", "\u20AC".repeat(200), "Gold rose"),
        json(wide, "Reuters", "economy", "Oil fell"),
        json("tok", "Reuters", "economy", "one huge token " + token + " " + dotted + " "
            + hyphened + " tail")));
    List<String> skipped = new ArrayList<>();
    try (NewsIndex index = NewsIndex.openOrCreate(tmp.resolve("index"))) {
      IngestSummary run = index.ingest(List.of(feed), new IngestListener() {
        @Override
        public void skipped(Origin origin, String reason) {
          skipped.add(origin.line() + ": " + reason);
        }
      });
      assertEquals(List.of(
          "2: id longer than 512 bytes (513 bytes)",
          "3: source longer than 512 bytes (513 bytes)",
          "4: category longer than 512 bytes (600 bytes)",
          "5: id longer than 512 bytes (513 bytes)"), skipped);
      assertEquals(2, run.indexed());
      assertEquals(4, run.skipped());
      assertEquals(2, index.size(), "the other articles are committed");
      assertTrue(index.get("tok").isPresent(), "a body of one 40 KB token is indexed");
      assertEquals(1, index.search(SearchRequest.of("tail")).totalHits());
    }
  }

  @Test
  void upsertRefusesAnOversizedIdWithATypedException() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(tmp.resolve("index"))) {
      Article a = new Article("i".repeat(40_000), "T", null, "s", "", "body");
      org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
          () -> index.upsert(a));
    }
  }
}
