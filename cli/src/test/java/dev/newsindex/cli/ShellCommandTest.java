package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsindex shell}: query after query on one open index. */
class ShellCommandTest {
  @TempDir Path tmp;
  Path index;

  @BeforeEach
  void index() throws IOException {
    index = tmp.resolve("index");
    CliRun run = CliRun.run("index", "--index", index.toString(), EndToEndTest.SAMPLES.toString(),
        EndToEndTest.SEEDS.toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  record Session(int exitCode, String out, String err) {}

  Session shell(java.io.Reader input, String... options) {
    return shell(input, new StringWriter(), options);
  }

  Session shell(java.io.Reader input, StringWriter out, String... options) {
    StringWriter err = new StringWriter();
    CommandLine cmd = NewsCli.commandLine(new PrintWriter(out), new PrintWriter(err));
    ((ShellCommand) cmd.getSubcommands().get("shell").getCommand()).input = input;
    String[] args = new String[options.length + 3];
    args[0] = "shell";
    args[1] = "--index";
    args[2] = index.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    int code = cmd.execute(args);
    return new Session(code, out.toString(), err.toString());
  }

  @Test
  void answersQueryAfterQueryWithMarkedMatchesAndSettingsThatStick() {
    Session s = shell(new StringReader(String.join("\n",
        "deterrence strategy",
        ":limit 1",
        "interest rates",
        "korea AND (missile",
        ":get 1107439109",
        ":bogus",
        "zebra xylophone",
        ":quit",
        "never read")));
    assertEquals(0, s.exitCode(), s.err());
    String[] answers = s.out().split("\n\n(?=\\d+ hits? for |No hits for )");
    assertTrue(answers[0].startsWith("1 hit for \u201Cdeterrence strategy\u201D"), s.out());
    assertTrue(answers[0].contains("**deterrence**") || answers[0].contains("**deterrence strategy**"),
        answers[0]);
    // :limit 1 applies to the next query: one numbered hit although more match.
    String rates = s.out().substring(s.out().indexOf("for \u201Cinterest rates\u201D"));
    assertTrue(rates.contains("showing 1-1"), rates);
    assertTrue(rates.contains(" 1. ") && !rates.contains(" 2. "), rates);
    // The malformed query is one line on stderr, and the shell goes on.
    assertTrue(s.err().contains("newsindex: bad query at position 19:"), s.err());
    assertTrue(s.out().contains("id 1107439109"), ":get shows the article");
    assertTrue(s.err().contains("unknown command :bogus"), s.err());
    assertTrue(s.out().contains("No hits for \u201Czebra xylophone\u201D"), s.out());
    assertFalse(s.out().contains("never read"));
    assertFalse(s.out().contains(ShellCommand.PROMPT), "no prompt when input is not a terminal");
  }

  @Test
  void seesArticlesIndexedWhileItIsOpen() throws Exception {
    PipedWriter keys = new PipedWriter();
    PipedReader input = new PipedReader(keys);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      StringWriter out = new StringWriter();
      Future<Session> session = pool.submit(() -> shell(input, out));
      keys.write("quokka\n");
      keys.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!out.toString().contains("No hits for \u201Cquokka\u201D")) {
        assertTrue(System.nanoTime() < deadline && !session.isDone(), "no answer: " + out);
        Thread.sleep(10);
      }
      // Now another writer adds an article about quokkas and commits.
      try (NewsIndex news = NewsIndex.open(index)) {
        news.upsert(new Article("q1", "Quokka census", LocalDate.of(2024, 5, 1), "Test Wire", "",
            "Rangers counted every quokka on the island."));
        news.commit();
      }
      keys.write("quokka\n");
      keys.close();
      Session s = session.get(60, TimeUnit.SECONDS);
      assertEquals(0, s.exitCode(), s.err());
      assertTrue(s.out().contains("No hits for \u201Cquokka\u201D"), s.out());
      assertTrue(s.out().contains("1 hit for \u201Cquokka\u201D"), s.out());
      assertTrue(s.out().contains("**Quokka** census"), s.out());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badSettingsOnTheCommandLineAreUsageErrors() {
    Session s = shell(new StringReader(""), "--passages", "11");
    assertEquals(2, s.exitCode());
    assertTrue(s.err().startsWith("newsindex: passages must be between 0 and 10"), s.err());
  }

  @Test
  void ctrlCDropsTheLineBeingTypedAndTheNextLineIsRead() throws Exception {
    java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
    java.io.PipedInputStream typed = new java.io.PipedInputStream(keys);
    java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
    org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder()
        .system(false).type("xterm").streams(typed, screen).build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (LineInput input = LineInput.of(terminal, null)) {
      Future<?> typist = pool.submit(() -> {
        keys.write(":quit".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        keys.flush();
        // Ctrl-C once the line editor shows what was typed (it handles the signal then).
        while (!screen.toString(java.nio.charset.StandardCharsets.UTF_8).contains(":quit")) {
          TimeUnit.MILLISECONDS.sleep(10);
        }
        keys.write(3);
        keys.flush();
        return null;
      });
      assertEquals("", input.read(ShellCommand.PROMPT), "Ctrl-C drops the line being typed");
      typist.get(60, TimeUnit.SECONDS);
      keys.write("korea\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      keys.flush();
      assertEquals("korea", input.read(ShellCommand.PROMPT), "and the next line is read");
      keys.close();
      assertEquals(null, input.read(ShellCommand.PROMPT), "the end of the input ends it");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nextShowsTheFollowingPageAndJsonSwitchesTheOutput() {
    Session s = shell(new StringReader(String.join("\n", ":limit 1", "korea", ":next", ":json",
        "korea", ":quit")));
    assertEquals(0, s.exitCode(), s.err());
    String[] parts = s.out().split("showing the top 1|printing hits as JSON");
    String pages = parts[1];
    java.util.List<String> ids = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("id (\\S+)").matcher(pages);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertEquals(2, ids.size(), "two pages of one hit: " + pages);
    assertFalse(ids.get(0).equals(ids.get(1)), "the second page is another hit: " + ids);
    assertTrue(parts[2].strip().startsWith("{") && parts[2].contains("\"hits\""), parts[2]);
  }

  @Test
  void nextWithoutAQuerySaysSo() {
    Session s = shell(new StringReader(":next\n:quit\n"));
    assertEquals(0, s.exitCode());
    assertTrue(s.err().contains("no next page; type a query first"), s.err());
  }

  @Test
  void theShellTakesTheSearchTimeout() {
    Session s = shell(new StringReader(":quit\n"), "--timeout", "0s");
    assertEquals(2, s.exitCode(), "a zero timeout is refused as search refuses it: " + s.err());
    assertFalse(s.err().toLowerCase(java.util.Locale.ROOT).contains("unknown option"), s.err());
  }
}
