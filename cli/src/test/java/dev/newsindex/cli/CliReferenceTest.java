package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md is every command's {@code --help} output; this keeps it true. Run with {@code
 * -Dnewsindex.updateDocs=true} to rewrite it from the code instead (after adding or changing a
 * command or option).
 */
class CliReferenceTest {
  static final Path REFERENCE = Path.of("..", "docs", "cli.md");

  @Test
  void docsCliMdIsTheCurrentHelpOfEveryCommand() throws IOException {
    String expected = CliDocs.reference();
    if (Boolean.getBoolean("newsindex.updateDocs")) {
      Files.writeString(REFERENCE, expected, StandardCharsets.UTF_8);
      return;
    }
    String actual = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8)
        : "";
    assertEquals(expected, actual, "docs/cli.md is out of date: rerun this test with"
        + " -Dnewsindex.updateDocs=true (see CliDocs) and commit docs/cli.md");
  }

  @Test
  void theReferenceIsWhatUsersSeeAndCoversEveryCommandExitCodeAndVariable() {
    String reference = CliDocs.reference();
    for (String command : new String[] {"", "index ", "rebuild ", "search ", "shell "}) {
      CliRun run = CliRun.run((command + "--help").split(" "));
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(reference.contains("```text\n" + run.out().stripTrailing() + "\n```"),
          "the reference differs from what newsindex " + command + "--help prints:\n" + run.out());
    }
    for (CommandLineName c : CommandLineName.values()) {
      assertTrue(reference.contains("\n## newsindex " + c.label + "\n"), c.label);
    }
    for (ExitCode c : ExitCode.values()) {
      assertTrue(reference.contains("| " + c.code + " | " + c.meaning + " |"), c.toString());
    }
    for (String variable : CliDocs.ENVIRONMENT.keySet()) {
      assertTrue(reference.contains("| `" + variable + "` |"), variable);
    }
  }

  /** The commands a user must find in the reference. */
  enum CommandLineName {
    INDEX("index"), SEARCH("search"), RELATED("related"), DUPLICATES("duplicates"), EVAL("eval"),
    REBUILD("rebuild"), DELETE("delete"), STATS("stats"), GET("get"), CHECK("check"),
    OPTIMIZE("optimize"), SHELL("shell"), COMPLETION("generate-completion");

    final String label;

    CommandLineName(String label) {
      this.label = label;
    }
  }
}
