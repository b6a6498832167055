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

  @Test
  void anUpdateFromAnotherSourceIsReportedAsSuchWithTheFirstIdsNamed() throws IOException {
    StringBuilder alpha = new StringBuilder();
    StringBuilder beta = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      alpha.append("{\"id\":\"").append(i).append("\",\"source\":\"Alpha\",\"body\":\"cranes ")
          .append(i).append("\"}\n");
      beta.append("{\"id\":\"").append(i).append("\",\"source\":\"Beta\",\"body\":\"ferries ")
          .append(i).append("\"}\n");
    }
    Path a = Files.writeString(tmp.resolve("a.jsonl"), alpha);
    Path b = Files.writeString(tmp.resolve("b.jsonl"), beta);
    String index = tmp.resolve("index").toString();
    assertEquals(0, CliRun.run("index", "--index", index, a.toString()).exitCode());
    CliRun second = CliRun.run("index", "--index", index, b.toString());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().startsWith(
        "indexed 0, updated 7, of which 7 replaced an article of another source,"), second.out());
    String err = second.err();
    // The first five named (in the order the indexing threads wrote them), then one count line.
    java.util.List<String> named = err.lines()
        .filter(l -> l.startsWith("newsindex: replaced ")).toList();
    assertEquals(5, named.size(), err);
    for (String l : named) {
      assertTrue(l.matches("newsindex: replaced .*b\\.jsonl:\\d: id \\d was from \"Alpha\", now"
          + " from \"Beta\""), l);
    }
    assertTrue(err.contains("7 articles replaced an article of another source"), err);
    assertTrue(err.contains("--id-prefix"), err);

    CliRun json = CliRun.run("index", "--index", index, "--json", a.toString());
    assertTrue(json.out().contains("\"replaced_from_other_source\":7"), json.out());
    // Same source again: an update, not a replacement from another source.
    Path a2 = Files.writeString(tmp.resolve("a2.jsonl"),
        "{\"id\":\"1\",\"source\":\"Alpha\",\"body\":\"cranes again\"}\n");
    CliRun third = CliRun.run("index", "--index", index, a2.toString());
    assertTrue(third.out().startsWith("indexed 0, updated 1, unchanged 0"), third.out());
    assertTrue(!third.err().contains("another source"), third.err());
  }
}
