package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README.md shows every command's {@code --help} output; this keeps it true. Run with {@code
 * -Dnewsindex.updateReadme=true} to rewrite the section from the code instead (after adding or
 * changing a command).
 */
class HelpReadmeTest {
  static final Path README = Path.of("..", "README.md");

  @Test
  void readmeShowsTheCurrentHelpOfEveryCommand() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String expected = CliDocs.withHelpSection(readme);
    if (Boolean.getBoolean("newsindex.updateReadme")) {
      Files.writeString(README, expected, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected, readme, "README.md's help section is out of date: rerun this test with"
        + " -Dnewsindex.updateReadme=true (see CliDocs) and commit README.md");
  }

  @Test
  void theHelpSectionIsWhatUsersSeeAndCoversEveryCommand() {
    String section = CliDocs.helpSection();
    for (String command : new String[] {"", "index ", "search ", "shell "}) {
      CliRun run = CliRun.run((command + "--help").split(" "));
      assertTrue(section.contains("```text\n" + run.out().stripTrailing() + "\n```"),
          "the README block differs from what newsindex " + command + "--help prints:\n"
              + run.out());
    }
    for (CliDocsTestCommand c : CliDocsTestCommand.all()) {
      CliRun run = CliRun.run(c.args());
      assertEquals(0, run.exitCode(), run.err());
      // What a user gets (at the default width) names the same options as the README.
      for (String option : c.options()) {
        assertTrue(run.out().contains(option), option + " missing from " + c + ":\n" + run.out());
        assertTrue(section.contains(option), option + " missing from README section");
      }
    }
    for (String command : new String[] {"index", "search", "shell", "generate-completion"}) {
      assertTrue(section.contains("`newsindex " + command + " --help`"), command);
    }
  }

  /** A help invocation and options its output must mention. */
  record CliDocsTestCommand(String[] args, String[] options) {
    static CliDocsTestCommand[] all() {
      return new CliDocsTestCommand[] {
          new CliDocsTestCommand(new String[] {"--help"}, new String[] {"--version", "--verbose"}),
          new CliDocsTestCommand(new String[] {"search", "--help"},
              new String[] {"--index", "--limit", "--passages", "--any"}),
          new CliDocsTestCommand(new String[] {"shell", "--help"},
              new String[] {"--index", "--limit", "--passages", "--any"}),
      };
    }
  }
}
