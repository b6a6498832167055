package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds, pages and labels from the command line: index a mixed folder, filter, count, show. */
class FormatsCliTest {
  static final Path FIXTURES = Path.of("..", "core", "src", "test", "resources");

  @TempDir Path tmp;
  Path index;
  Path inputs;

  @BeforeEach
  void mixedFolder() throws IOException {
    inputs = Files.createDirectories(tmp.resolve("inputs"));
    Files.copy(FIXTURES.resolve("feeds/harbour-wire.rss"), inputs.resolve("harbour-wire.rss"));
    Files.copy(FIXTURES.resolve("feeds/river-desk.atom"), inputs.resolve("river.xml"));
    Files.copy(FIXTURES.resolve("html/pages/02-newspaper-jsonld.html"), inputs.resolve("a.html"));
    Files.writeString(inputs.resolve("wire.jsonl"), "{\"id\":\"j1\",\"title\":\"Ports reopen\","
        + "\"body\":\"Cranes moved again.\",\"category\":\"ports\",\"topics\":[\"cranes\"],"
        + "\"lang\":\"en\"}\n");
    index = tmp.resolve("index");
  }

  @Test
  void aFolderOfFeedsPagesAndJsonIsIndexedAndItsLabelsFilterAndCount() {
    CliRun indexed = CliRun.run("index", "--index=" + index, inputs.toString());
    assertEquals(0, indexed.exitCode(), indexed.err());
    assertTrue(indexed.err().contains("harbour-wire.rss:49: empty item hw-empty"), indexed.err());

    CliRun search = CliRun.run("search", "--index=" + index, "--json", "--facet", "category",
        "--facet", "lang", "--filter", "category:ports", "*");
    assertEquals(0, search.exitCode(), search.err());
    String out = search.out();
    assertTrue(out.contains("\"total_hits\":2"), out);
    assertTrue(out.contains("\"category\":{\"counts\":[{\"value\":\"Ports\",\"count\":2},"
        + "{\"value\":\"Labour\",\"count\":1}]"), out);
    assertTrue(out.contains("\"lang\":{\"counts\":[{\"value\":\"en\",\"count\":2}]"), out);
    assertTrue(out.contains("\"topic\":[\"cranes\"]"), out);

    CliRun fr = CliRun.run("search", "--index=" + index, "--json", "lang:fr");
    assertTrue(fr.out().contains("\"title\":\"Le port de Brest rouvre son quai nord\""), fr.out());
    CliRun atom = CliRun.run("get", "--index=" + index, "--json",
        "tag:river-desk.example,2024:entry-17");
    assertEquals(0, atom.exitCode(), atom.err());
    assertTrue(atom.out().contains("\"author\":[\"Ana Ruiz\",\"Luis Gil\"]"), atom.out());

    CliRun stats = CliRun.run("stats", "--index=" + index, "--json");
    assertTrue(stats.out().contains("\"lang\":{\"en\":"), stats.out());
    CliRun text = CliRun.run("stats", "--index=" + index);
    assertTrue(text.out().contains("category:"), text.out());
  }

  @Test
  void anUnknownFacetNamesTheFacets() {
    CliRun run = CliRun.run("search", "--index=" + index, "--facet", "country", "x");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("source, category, topic, place, author, lang, year, month, day"),
        run.err());
  }
}
