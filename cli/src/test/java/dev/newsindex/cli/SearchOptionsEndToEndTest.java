package dev.newsindex.cli;

import dev.newsindex.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * Every search option, {@code related} and {@code duplicates} through the command line, on the
 * core module's search fixture: ten articles with known dates and sources, one story republished
 * twice.
 */
class SearchOptionsEndToEndTest {
  static final Path FIXTURE = Fixtures.resource(Fixtures.SEARCH_FIXTURE);

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void build() {
    index = tmp.resolve("index").toString();
    CliRun run = CliRun.run("index", "--index", index, FIXTURE.toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  static CliRun search(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--index", index));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  /** The ids of NDJSON hit lines, in order. */
  static List<String> ids(CliRun run) {
    List<String> ids = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      assertTrue(line.startsWith("{\"rank\":"), line);
      Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(line);
      assertTrue(m.find(), line);
      ids.add(m.group(1));
    }
    return ids;
  }

  static void assertOneLineError(CliRun run, String contains) {
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertTrue(run.err().startsWith("newsindex: "), run.err());
    assertTrue(run.err().contains(contains), run.err());
  }

  @Test
  void sinceUntilSourceAndFilterNarrowTheHits() {
    assertEquals(List.of("kor-1"), ids(search("--ndjson", "--since", "2023-01-01", "--until",
        "2023-03-10", "korea")));
    assertEquals(List.of("kor-1", "kor-2"), ids(search("--ndjson", "--since", "2023",
        "--sort", "oldest", "korea")));
    assertEquals(List.of("kor-3"), ids(search("--ndjson", "--until", "2022-12", "korea")));
    CliRun sources = search("--ndjson", "--source", "menafn", "--source", "Metro Daily", "korea");
    assertEquals(List.of("kor-1", "kor-3"), ids(sources).stream().sorted().toList());
    assertEquals(List.of("kor-1"), ids(search("--ndjson", "--filter", "headline:missile",
        "korea")));
    // Relative: every fixture article is older than a day, none older than 500 years.
    CliRun recent = search("--since", "1d", "korea");
    assertEquals(1, recent.exitCode(), recent.out());
    assertEquals(3, ids(search("--ndjson", "--since", "500y", "korea")).size());
    assertOneLineError(search("--since", "last tuesday", "korea"), "bad date 'last tuesday'");
    assertOneLineError(search("--since", "2024", "--until", "2023", "korea"), "is after");
  }

  @Test
  void sortsAndPagesWithOffsetAndCursor() {
    List<String> newest = ids(search("--ndjson", "--sort", "newest", "--limit", "10",
        "--passages", "0", "*"));
    assertEquals(List.of("eco-2", "eco-1", "kor-2", "kor-1", "oil-3", "oil-2", "oil-1", "kor-3",
        "fb-1", "wx-1"), newest);
    List<String> oldest = ids(search("--ndjson", "--sort", "OLDEST", "--limit", "10", "*"));
    assertEquals("fb-1", oldest.get(0));
    assertEquals(newest.subList(3, 6), ids(search("--ndjson", "--sort", "newest", "--limit", "3",
        "--offset", "3", "*")));

    CliRun first = search("--json", "--sort", "newest", "--limit", "4", "*");
    Matcher cursor = Pattern.compile("\"next_cursor\":\"([^\"]+)\"").matcher(first.out());
    assertTrue(cursor.find(), first.out());
    CliRun second = search("--ndjson", "--sort", "newest", "--limit", "4", "--cursor",
        cursor.group(1), "*");
    assertEquals(newest.subList(4, 8), ids(second));
    assertTrue(second.out().startsWith("{\"rank\":5,"), "ranks continue: " + second.out());
    CliRun text = search("--sort", "newest", "--limit", "4", "*");
    assertTrue(text.out().contains("next page: --cursor " + cursor.group(1)), text.out());

    assertOneLineError(search("--sort", "random", "*"), "use relevance, newest or oldest");
    assertOneLineError(search("--offset", "9995", "--limit", "10", "*"), "cursor");
    assertOneLineError(search("--sort", "oldest", "--cursor", cursor.group(1), "*"),
        "start again");
  }

  /** One run of the command line in a JVM of its own, as a user's shell starts it. */
  static CliRun inNewJvm(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), NewsCli.class.getName(),
        "search", "--index", index));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new CliRun(p.waitFor(), out, err);
  }

  @Test
  void aCursorPrintedByOneProcessIsAcceptedByTheNext() throws Exception {
    String[] by = {"--sort", "newest", "--since", "2021", "--source", "Metro Daily",
        "--source", "MENAFN", "--filter", "NOT weather"};
    List<String> all = ids(search(concat(by, "--ndjson", "--limit", "10", "*")));
    assertTrue(all.size() > 3, all.toString());
    CliRun first = inNewJvm(concat(by, "--json", "--limit", "2", "*"));
    assertEquals(0, first.exitCode(), first.err());
    Matcher cursor = Pattern.compile("\"next_cursor\":\"([^\"]+)\"").matcher(first.out());
    assertTrue(cursor.find(), first.out());
    CliRun second = inNewJvm(concat(by, "--ndjson", "--limit", "2", "--cursor", cursor.group(1),
        "*"));
    assertEquals(0, second.exitCode(), second.err());
    assertEquals(all.subList(2, 4), ids(second));
    assertTrue(second.out().startsWith("{\"rank\":3,"), "ranks continue: " + second.out());
    // And in this JVM, from the other process's cursor, by relevance as well.
    assertEquals(all.subList(2, 4), ids(search(concat(by, "--ndjson", "--limit", "2",
        "--cursor", cursor.group(1), "*"))));
    CliRun ranked = inNewJvm("--json", "--limit", "3", "korea OR oil");
    Matcher next = Pattern.compile("\"next_cursor\":\"([^\"]+)\"").matcher(ranked.out());
    assertTrue(next.find(), ranked.out());
    CliRun more = search("--ndjson", "--limit", "3", "--cursor", next.group(1), "korea OR oil");
    assertEquals(0, more.exitCode(), more.err());
    assertTrue(more.out().startsWith("{\"rank\":4,"), more.out());
  }

  static String[] concat(String[] head, String... tail) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  @Test
  void facetsInTextAndJson() {
    CliRun text = search("--facet", "source", "--facet", "month", "--limit", "1", "*");
    assertEquals(0, text.exitCode(), text.err());
    String out = text.out();
    assertTrue(out.contains("By source:\n         4  Metro Daily\n"), out);
    assertTrue(out.contains("By month:\n         1  2021-08\n"), out);
    assertTrue(out.contains("         1  (none)"), "the undated article: " + out);
    CliRun json = search("--json", "--facet", "source", "--facet", "year", "--limit", "1", "*");
    assertTrue(json.out().contains("\"facets\":{\"source\":{\"counts\":[{\"value\":\"Metro Daily\","
        + "\"count\":4}"), json.out());
    assertTrue(json.out().contains("\"year\":{\"counts\":[{\"value\":\"2021\",\"count\":1},"
        + "{\"value\":\"2022\",\"count\":1},{\"value\":\"2023\",\"count\":7}],\"others\":0,"
        + "\"missing\":1}"), json.out());
    assertOneLineError(search("--facet", "colour", "*"), "unknown facet 'colour'");
  }

  @Test
  void collapseExplainAndSnippetLength() {
    CliRun plain = search("--ndjson", "oil prices");
    assertEquals(3, ids(plain).size());
    CliRun collapsed = search("--ndjson", "--collapse", "oil prices");
    assertEquals(1, ids(collapsed).size());
    assertTrue(collapsed.out().contains("\"duplicates\":2,\"duplicate_ids\":[\""), collapsed.out());
    CliRun text = search("--collapse", "oil prices");
    assertTrue(text.out().contains("| +2 near-duplicates"), text.out());

    CliRun explained = search("--explain", "--limit", "1", "missile");
    assertTrue(explained.out().contains("    why:\n"), explained.out());
    assertTrue(explained.out().contains("sum of") || explained.out().contains("weight("),
        explained.out());
    assertTrue(search("--ndjson", "--explain", "missile").out().contains("\"explanation\":\""));
    assertFalse(search("--ndjson", "missile").out().contains("\"explanation\""));

    CliRun shortOnes = search("--ndjson", "--snippet-chars", "60", "--passages", "1", "missile");
    Matcher text1 = Pattern.compile("\"passages\":\\[\\{\"text\":\"([^\"]*)\"")
        .matcher(shortOnes.out());
    assertTrue(text1.find(), shortOnes.out());
    assertTrue(text1.group(1).length() <= 80, text1.group(1));
    CliRun none = search("--ndjson", "--passages", "0", "missile");
    assertTrue(none.out().contains("\"passages\":[]"), none.out());
  }

  @Test
  void jsonIsOneDocumentAndNdjsonOneObjectPerHit() {
    CliRun json = search("--json", "korea");
    assertEquals(0, json.exitCode());
    assertEquals(1, json.out().strip().lines().count(), json.out());
    assertTrue(json.out().startsWith("{\"query\":\"korea\",\"total_hits\":3,\"total_exact\":true,"
        + "\"offset\":0,\"limit\":10,\"sort\":\"relevance\",\"took_ms\":"), json.out());
    assertTrue(json.out().contains("\"hits\":[{\"rank\":1,"), json.out());
    CliRun lines = search("--ndjson", "korea");
    assertEquals(3, lines.out().strip().lines().count());
    assertOneLineError(search("--json", "--ndjson", "korea"),
        "--json, --ndjson are mutually exclusive");
    CliRun nothing = search("--json", "zebra");
    assertEquals(1, nothing.exitCode());
    assertTrue(nothing.out().contains("\"hits\":[]"), nothing.out());
  }

  @Test
  void didYouMeanWhenNothingMatches() {
    CliRun text = search("deterence stratgy");
    assertEquals(1, text.exitCode());
    assertTrue(text.out().contains("Did you mean \u201Cdeterrence strategy\u201D?"), text.out());
    CliRun json = search("--json", "deterence");
    assertTrue(json.out().contains("\"did_you_mean\":\"deterrence\""), json.out());
  }

  @Test
  void relatedAndDuplicates() {
    CliRun related = CliRun.run("related", "--index", index, "--ndjson", "kor-1");
    assertEquals(0, related.exitCode(), related.err());
    List<String> ids = ids(related);
    assertFalse(ids.contains("kor-1"));
    assertTrue(ids.contains("kor-2"), ids.toString());
    CliRun near = CliRun.run("related", "--index", index, "--ndjson", "--near-date", "oil-1");
    assertEquals(List.of("oil-2", "oil-3"), ids(near).subList(0, 2));
    CliRun missing = CliRun.run("related", "--index", index, "no-such-id");
    assertEquals(3, missing.exitCode());
    assertEquals("newsindex: no article with id 'no-such-id' in the index\n",
        missing.err().replace("\r", ""));

    CliRun dups = CliRun.run("duplicates", "--index", index);
    assertEquals(0, dups.exitCode(), dups.err());
    assertTrue(dups.out().startsWith("1 group of near-duplicates holding 3 articles"), dups.out());
    assertTrue(dups.out().contains("2023-01-10 | Gulf Harbor Wire | id oil-1 |"), dups.out());
    CliRun json = CliRun.run("duplicates", "--index", index, "--json");
    assertTrue(json.out().startsWith("{\"group_count\":1,\"article_count\":3,\"groups\":[{\"size\":3,"
        + "\"articles\":[{\"id\":\"oil-1\""), json.out());
    CliRun strict = CliRun.run("duplicates", "--index", index, "--threshold", "1.0");
    assertEquals(1, strict.exitCode(), strict.out());
    assertOneLineError(CliRun.run("duplicates", "--index", index, "--threshold", "2"),
        "threshold");
  }

  @Test
  void hostileQueriesEndWithOneLineOrBoundedResults() {
    assertEquals(0, search("--passages", "0", "*").exitCode());
    CliRun wild = search("a*b*c*d*");
    assertEquals(1, wild.exitCode(), wild.err());
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1_500; i++) { // more terms than clauses allowed, within the length limit
      many.append("w").append(i).append(' ');
    }
    assertOneLineError(search("--any", many.toString()), "too many");
    assertOneLineError(search("--any", many.toString().repeat(10)), "more than the 10000 allowed");
    assertOneLineError(search("\"korea missile"), "unclosed quote");
    assertOneLineError(search("korea (missile"), "ends too early");
    assertOneLineError(search("korea) missile"), "position 6");
    assertOneLineError(search("(".repeat(5000) + "korea"), "nested more than");
    assertOneLineError(search("*korea"), "cannot start with");
    assertOneLineError(search("colour:red"), "unknown field 'colour'");
    assertOneLineError(search("--timeout", "soon", "korea"), "--timeout");
    assertEquals(0, search("--timeout", "5s", "korea").exitCode());
  }

  @Test
  void aClosedPipeEndsQuietly() {
    OutputStream closed = new OutputStream() {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (++written > 200) {
          throw new IOException("Broken pipe");
        }
      }
    };
    StringWriter err = new StringWriter();
    for (String format : List.of("--ndjson", "--json", "--explain")) {
      PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(closed,
          StandardCharsets.UTF_8));
      int code = NewsCli.commandLine(out, new PrintWriter(err)).execute("search", "--index",
          index, format, "--limit", "10", "*");
      assertEquals(0, code, format);
    }
    assertEquals("", err.toString());
  }
}
