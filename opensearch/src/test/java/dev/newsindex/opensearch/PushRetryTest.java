package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push's answers to a cluster that turns articles away, against a stand-in cluster on
 * loopback that answers as OpenSearch does: an article refused with 429 or 503 is sent again until
 * it is taken; one refused for good (400) stops the push naming it.
 */
class PushRetryTest {
  @TempDir
  Path tmp;
  private HttpServer server;
  private final List<String> bulkIds = new ArrayList<>();
  private final AtomicInteger bulks = new AtomicInteger();
  /** The status the first bulk answers for its first article. */
  private volatile int firstStatus = 429;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    byte[] body = x.getRequestBody().readAllBytes();
    ObjectNode out = Cluster.JSON.createObjectNode();
    if (path.endsWith("/_mapping")) {
      out.putObject("news").set("mappings",
          ClusterSchema.definition(IndexSettings.DEFAULT, 1, 0).get("mappings"));
    } else if (path.endsWith("/_mget")) {
      ArrayNode docs = out.putArray("docs");
      for (JsonNode id : Cluster.JSON.readTree(body).path("ids")) {
        docs.addObject().put("_id", id.asText()).put("found", false);
      }
    } else if (path.endsWith("/_bulk")) {
      int n = bulks.incrementAndGet();
      ArrayNode items = out.putArray("items");
      String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i += 2) {
        String id = Cluster.JSON.readTree(lines[i]).path("index").path("_id").asText();
        synchronized (bulkIds) {
          bulkIds.add(id);
        }
        int status = n == 1 && i == 0 ? firstStatus : 201;
        ObjectNode item = items.addObject().putObject("index").put("_id", id)
            .put("status", status);
        if (status >= 300) {
          item.putObject("error").put("type", "es_rejected_execution_exception")
              .put("reason", "rejected execution (queue full)");
        }
      }
    }
    byte[] bytes = Cluster.JSON.writeValueAsBytes(out);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, x.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
    if (!x.getRequestMethod().equals("HEAD")) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }

  private IngestSummary push() throws IOException {
    Path input = tmp.resolve("three.jsonl");
    Files.writeString(input, """
        {"id": "a", "title": "Oil prices rise", "body": "Oil prices rose on Monday."}
        {"id": "b", "title": "Rates held", "body": "The central bank held rates."}
        {"id": "c", "title": "Talks resume", "body": "Trade talks resumed in Geneva."}
        """);
    return OpenSearchArchive.push(ClusterOptions.of("http://127.0.0.1:"
        + server.getAddress().getPort()), IndexSettings.DEFAULT, 1, 0, List.of(input),
        IngestOptions.defaults().withThreads(1), 1 << 20, IngestListener.NONE);
  }

  @Test
  void anArticleTurnedAwayForAWhileIsSentAgainUntilTaken() throws IOException {
    for (int status : new int[] {429, 503}) {
      bulkIds.clear();
      bulks.set(0);
      firstStatus = status;
      IngestSummary s = push();
      assertEquals(3, s.indexed(), "status " + status);
      assertEquals(2, bulks.get(), "status " + status);
      assertEquals(List.of("a", "b", "c", "a"), bulkIds, "status " + status);
    }
  }

  @Test
  void anArticleRefusedForGoodStopsThePushNamingIt() {
    firstStatus = 400;
    ClusterException e = assertThrows(ClusterException.class, this::push);
    assertEquals(ClusterException.Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("refused article 'a'"), e.getMessage());
  }
}
