package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.NewsIndex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM sent to a real {@code newsindex} process in the middle of {@code index} and
 * {@code rebuild}: it ends with 130 or 143 and one line saying what was kept, the index opens,
 * passes CheckIndex and holds exactly one commit, and the same command run again completes the job.
 */
class SignalTest {
  static final int ARTICLES = 100_000;
  static final Pattern INTERRUPTED = Pattern.compile(
      "newsindex: interrupted: ([\\d,]+) read, ([\\d,]+) committed; run the same command again"
          + " to finish");

  @TempDir Path tmp;

  private Path feed() throws IOException {
    Path input = tmp.resolve("feed.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ARTICLES; i++) {
        w.write("{\"id\":\"s" + i + "\",\"title\":\"Harbour report " + i
            + "\",\"date\":\"2024-01-01\",\"source\":\"Harbour Wire\",\"body\":\"Cranes moved "
            + (i * 7 % 1000) + " containers on quay " + (i % 97) + " in shift " + i + ".\"}\n");
      }
    }
    return input;
  }

  private Process start(String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java,
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        NewsCli.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile())
        .redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
  }

  private static void await(Process child, BooleanSupplier condition) throws Exception {
    while (!condition.getAsBoolean()) {
      assertTrue(child.isAlive(), "the run ended before it could be interrupted");
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private static void signal(Process child, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, "" + child.pid()).inheritIO().start();
    assertEquals(0, kill.waitFor());
  }

  private static int committedSize(Path index) {
    try {
      if (!NewsIndex.exists(index)) {
        return 0;
      }
      try (NewsIndex news = NewsIndex.open(index)) {
        return news.size();
      }
    } catch (IOException e) {
      return 0;
    }
  }

  private static long fileCount(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    } catch (IOException e) {
      return 0;
    }
  }

  private String lastErrLine() throws IOException {
    List<String> lines = Files.readAllLines(tmp.resolve("stderr.txt"));
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private void interruptIndex(String signal, int expectedCode) throws Exception {
    Path input = feed();
    Path index = tmp.resolve("index");
    String[] args = {"index", "--index", index.toString(), "--commit-every", "2000",
        "--threads", "2", input.toString()};
    Process child = start(args);
    await(child, () -> committedSize(index) > 0);
    signal(child, signal);
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the process did not end");

    assertEquals(expectedCode, child.exitValue(), () -> "stderr: " + tmp.resolve("stderr.txt"));
    String line = lastErrLine();
    Matcher m = INTERRUPTED.matcher(line);
    assertTrue(m.matches(), line);
    long read = Long.parseLong(m.group(1).replace(",", ""));
    long committed = Long.parseLong(m.group(2).replace(",", ""));
    assertTrue(committed > 0 && committed < ARTICLES, line);
    assertEquals(read, committed, "every article read was committed: " + line);
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(committed, news.size(), "the index holds exactly what the line says");
    }
    assertTrue(NewsIndex.check(index).clean());

    CliRun again = CliRun.run(args);
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("indexed " + (ARTICLES - committed) + ", updated 0, unchanged "
        + committed), again.out());
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(ARTICLES, news.size());
    }
  }

  @Test
  void ctrlCDuringIndexCommitsWhatWasReadAndExits130() throws Exception {
    interruptIndex("INT", 130);
  }

  @Test
  void sigtermDuringIndexCommitsWhatWasReadAndExits143() throws Exception {
    interruptIndex("TERM", 143);
  }

  @Test
  void ctrlCDuringRebuildKeepsTheOldIndex() throws Exception {
    Path index = tmp.resolve("index");
    Path small = tmp.resolve("small.jsonl");
    Files.writeString(small, "{\"id\":\"old1\",\"title\":\"Old\",\"body\":\"An old article.\"}\n"
        + "{\"id\":\"old2\",\"title\":\"Old\",\"body\":\"Another old article.\"}\n");
    assertEquals(0, CliRun.run("index", "--index", index.toString(), small.toString()).exitCode());
    long before = fileCount(index);
    Path input = feed();
    String[] args = {"rebuild", "--index", index.toString(), "--commit-every", "2000",
        "--threads", "2", input.toString()};
    Process child = start(args);
    // A rebuild commits only at its end; its checkpoints write segments beside the old index.
    await(child, () -> fileCount(index) > before + 2);
    signal(child, "INT");
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the process did not end");

    assertEquals(130, child.exitValue());
    String line = lastErrLine();
    assertTrue(line.matches("newsindex: interrupted: [\\d,]+ read, nothing committed; .* keeps the"
        + " index it had; run the same command again to finish"), line);
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(2, news.size(), "the old index is as it was");
    }
    assertTrue(NewsIndex.check(index).clean());
    assertEquals(before, fileCount(index), "the rolled-back segments are gone");

    CliRun again = CliRun.run(args);
    assertEquals(0, again.exitCode(), again.err());
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(ARTICLES, news.size());
    }
  }
}
