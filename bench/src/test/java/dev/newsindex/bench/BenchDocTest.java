package dev.newsindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated benchmark pages: header, tables, corpora named by label, and the index. */
class BenchDocTest {
  @TempDir Path tmp;

  @AfterEach
  void noDocsProperty() {
    System.clearProperty("newsindex.bench.docs");
    System.clearProperty("newsindex.bench.javaOpts");
  }

  @Test
  void aPageHasTheRunsHeaderThenItsTablesAndNamesCorporaByLabel() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs").resolve("benchmarks"));
    Files.writeString(tmp.resolve("docs").resolve("benchmarks.md"), "# Benchmarks\n\nBy hand.\n\n"
        + BenchDoc.BEGIN + "\nstale\n" + BenchDoc.END + "\n\nAlso by hand.\n");
    System.setProperty("newsindex.bench.docs", docs.toString());
    System.setProperty("newsindex.bench.javaOpts", "-Xmx512m");
    BenchDoc doc = BenchDoc.create("IndexBench", "Indexing throughput.", "--corpora",
        "/somewhere/outside/corpora", "--query", "oil prices");
    doc.corpus("CORPORA", "/somewhere/outside/corpora", "the BBC News dataset");
    BenchDoc.Table speed = doc.table("Speed", "corpus", "articles/s").row("bbc", "1,200");
    doc.note("Read the ratios.");
    speed.row("a|b", 3);
    doc.write();

    String page = Files.readString(docs.resolve("IndexBench.md"));
    assertTrue(page.startsWith("# IndexBench\n\nIndexing throughput.\n\n| run | |\n"), page);
    for (String row : new String[] {"| machine | ", "| JDK | " + Runtime.version(), "| date | ",
        "| corpus | CORPORA: the BBC News dataset |",
        "| command | `BENCH_JAVA_OPTS=-Xmx512m bench/run IndexBench --corpora CORPORA --query"
            + " 'oil prices'` |"}) {
      assertTrue(page.contains(row), row + " missing:\n" + page);
    }
    assertFalse(page.contains("/somewhere"), "no path outside the repository:\n" + page);
    assertTrue(page.contains("## Speed\n\n| corpus | articles/s |\n|---|---|\n| bbc | 1,200 |\n"
        + "| a\\|b | 3 |\n\nRead the ratios.\n"), page);

    String index = Files.readString(tmp.resolve("docs").resolve("benchmarks.md"));
    assertTrue(index.startsWith("# Benchmarks\n\nBy hand.\n\n" + BenchDoc.BEGIN + "\n"), index);
    assertTrue(index.endsWith(BenchDoc.END + "\n\nAlso by hand.\n"), index);
    assertFalse(index.contains("stale"), index);
    assertTrue(index.contains("| [IndexBench](benchmarks/IndexBench.md) | Indexing throughput. | "
        + page.replaceAll("(?s).*\\| date \\| ([^|]+) \\|.*", "$1").strip() + " |"), index);
  }

  @Test
  void anEmptyDocsDirectoryWritesNothing() throws IOException {
    System.setProperty("newsindex.bench.docs", "");
    BenchDoc.create("X", "Nothing.").write();
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count());
    }
  }
}
