package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad command line is one line in our words, never Java's: every date option takes the same
 * forms, and a mistyped command or option names the nearest one.
 */
class OptionErrorsTest {
  @TempDir Path tmp;

  static void assertOneLine(CliRun run, String contains) {
    assertEquals(ExitCode.USAGE.code, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("newsindex: "), run.err());
    assertFalse(run.err().contains("java."), "no Java class names: " + run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertTrue(run.err().contains(contains), run.err());
  }

  @Test
  void everyDateOptionTakesTheSameForms() {
    String index = tmp.resolve("index").toString();
    assertEquals(0, CliRun.run("index", "--index", index,
        Fixtures.resource(Fixtures.SEARCH_FIXTURE).toString()).exitCode());
    CliRun month = CliRun.run("delete", "--index", index, "--before", "2021-09");
    assertEquals(0, month.exitCode(), month.err());
    assertTrue(month.out().startsWith("deleted 1 article;"), "of August 2021: " + month.out());
    CliRun year = CliRun.run("delete", "--index", index, "--before", "2023");
    assertEquals(0, year.exitCode(), year.err());
    assertEquals(0, CliRun.run("delete", "--index", index, "--before", "1y").exitCode());
    for (String[] bad : new String[][] {{"delete", "--index", index, "--before", "1987-13"},
        {"search", "--index", index, "--since", "soon", "korea"},
        {"search", "--index", index, "--until", "1987-3-x", "korea"}}) {
      assertOneLine(CliRun.run(bad), "bad date '");
    }
    CliRun since = CliRun.run("search", "--index", index, "--since", "soon", "korea");
    CliRun before = CliRun.run("delete", "--index", index, "--before", "soon");
    assertEquals(since.err().replace("search", "delete").replace("--since", "--before"),
        before.err(), "one converter, one message");
  }

  @Test
  void anUnknownCommandNamesTheNearest() {
    CliRun run = CliRun.run("serch", "korea");
    assertOneLine(run, "unknown command 'serch'; did you mean 'search'?");
  }

  @Test
  void aMistypedOptionNamesTheNearest() {
    assertOneLine(CliRun.run("search", "--limt", "3", "korea"), "did you mean --limit?");
  }

  @Test
  void badOptionValuesAreOneLineInOurWords() {
    assertOneLine(CliRun.run("index", "--index", tmp.resolve("i").toString(), "--format", "xml",
        tmp.toString()), "unknown format 'xml'");
    assertOneLine(CliRun.run("search", "--limit", "99999999999", "korea"), "--limit");
    assertOneLine(CliRun.run("search", "--timeout", "5x", "korea"), "--timeout");
  }
}
