package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two feeds that both number their articles from 1 share an index by prefixing their ids. */
class IdPrefixTest {
  @TempDir Path tmp;

  @Test
  void twoFeedsWithTheSameIdsShareAnIndexUnderPrefixes() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.jsonl"),
        "{\"id\":\"1\",\"source\":\"Alpha\",\"body\":\"Harbour cranes\"}\n");
    Path b = Files.writeString(tmp.resolve("b.jsonl"),
        "{\"id\":\"1\",\"source\":\"Beta\",\"body\":\"Harbour ferries\"}\n");
    String index = tmp.resolve("index").toString();
    assertEquals(0, CliRun.run("index", "--index", index, "--id-prefix", "alpha:",
        a.toString()).exitCode());
    CliRun second = CliRun.run("index", "--index", index, "--id-prefix", "beta:", b.toString());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().startsWith("indexed 1, updated 0"), second.out());
    assertTrue(second.out().contains("holds 2 articles"), second.out());
    assertEquals(0, CliRun.run("get", "--index", index, "alpha:1").exitCode());
    assertEquals(0, CliRun.run("get", "--index", index, "beta:1").exitCode());
  }
}
