package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The OpenSearch commands and options, without a cluster (the opensearch module tests those). */
class OpenSearchCliTest {
  @Test
  void mappingPrintsTheDefinitionGeneratedFromTheSchema() throws IOException {
    CliRun run = CliRun.run("opensearch", "mapping", "--shards", "3", "--replicas", "1",
        "--stemmer", "kstem");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode def = new ObjectMapper().readTree(run.out());
    assertEquals(3, def.path("settings").path("index").path("number_of_shards").asInt());
    assertEquals("kstem", def.path("settings").path("index").path("analysis").path("analyzer")
        .path("news_text").path("stemmer").asText());
    assertEquals("news_text", def.path("mappings").path("properties").path("body")
        .path("analyzer").asText());
    assertEquals("keyword", def.path("mappings").path("properties").path("id").path("type")
        .asText());
    assertTrue(def.path("mappings").path("_meta").path("newsindex").has("newsindex.schema"));
  }

  @Test
  void anUnreachableClusterIsOneLineWithItsExitCode() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    for (String[] args : new String[][] {
        {"search", "--opensearch", "http://127.0.0.1:" + port, "korea"},
        {"stats", "--opensearch", "http://127.0.0.1:" + port},
        {"opensearch", "push", "--url", "http://127.0.0.1:" + port, "--quiet"}}) {
      CliRun run = CliRun.run(args);
      assertEquals(ExitCode.CLUSTER.code, run.exitCode(), run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().startsWith("newsindex: cannot reach the OpenSearch cluster at"),
          run.err());
    }
  }

  @Test
  void aLocalIndexAndAClusterTogetherAreAUsageError() {
    CliRun run = CliRun.run("get", "--index", "/tmp/none", "--opensearch", "http://a:9200", "x");
    assertEquals(ExitCode.USAGE.code, run.exitCode(), run.err());
    assertTrue(run.err().contains("not both"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }
}
