package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** Man pages and shell completion generated from the command model. */
class CliDocsTest {
  @TempDir Path tmp;

  @Test
  void writesAManPagePerCommandNamingEveryOptionAndExitCode() throws IOException {
    CliDocs.main(new String[] {"--out", tmp.toString()});
    Path man = tmp.resolve("man").resolve("man1");
    List<String> pages;
    try (Stream<Path> files = Files.list(man)) {
      pages = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertTrue(pages.containsAll(List.of("newsindex.1", "newsindex-index.1",
        "newsindex-search.1", "newsindex-shell.1")), pages.toString());
    String search = Files.readString(man.resolve("newsindex-search.1"));
    assertTrue(search.startsWith(".TH NEWSINDEX-SEARCH 1 "), search);
    for (OptionSpec o : CliDocs.plainCommandLine().getSubcommands().get("search")
        .getCommandSpec().options()) {
      assertTrue(search.contains(CliDocs.escape(o.longestName())), o.longestName());
    }
    assertTrue(search.contains("(default: 10)"), "default values are filled in");
    assertFalse(search.contains("${"), "no unresolved variables");
    for (ExitCode c : ExitCode.values()) {
      assertTrue(search.contains(".TP\n\\fB" + c.code + "\\fR\n"), c.toString());
    }
    assertTrue(Files.readString(man.resolve("newsindex.1")).contains("\\fBnewsindex\\-shell\\fR(1)"));
  }

  @Test
  void theCompletionScriptCompletesCommandsAndOptions() throws IOException {
    CliDocs.main(new String[] {"--out", tmp.toString()});
    String script = Files.readString(tmp.resolve("completion").resolve("newsindex.bash"));
    assertTrue(script.contains("complete -F _complete_newsindex"), "registers with bash");
    for (String word : List.of("index", "search", "shell", "--limit", "--passages", "--index")) {
      assertTrue(script.contains(word), word);
    }
    CliRun run = CliRun.run("generate-completion");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("complete -F _complete_newsindex"), run.out());
    assertTrue(run.out().contains("search") && run.out().contains("shell")
        && run.out().contains("--passages"), "completes every command: " + run.out());
  }

  @Test
  void theCompletionScriptIsValidBash() throws IOException, InterruptedException {
    Path script = tmp.resolve("newsindex.bash");
    Files.writeString(script, CliDocs.completionScript());
    Process p = new ProcessBuilder("bash", "-c",
        "source \"$1\" && COMP_WORDS=(newsindex sea) COMP_CWORD=1 && _complete_newsindex"
            + " && printf '%s\\n' \"${COMPREPLY[@]}\"", "test", script.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    assertEquals("search", out.strip());
  }
}
