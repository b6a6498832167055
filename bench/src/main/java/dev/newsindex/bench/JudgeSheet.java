package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.eval.Qrels;
import dev.newsindex.eval.Topic;
import dev.newsindex.eval.Topics;
import dev.newsindex.ingest.JsonLinesReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The judges' tools for the pools {@link PoolTopics} writes. A sheet prints every pooled story of
 * a topic, in pool order, with its id, headline, date and whole body (a body longer than {@value
 * #MAX_BODY} characters is cut, and the sheet says so), and nothing about the systems that found
 * it. A check compares a qrels file with the pools: every pooled story judged once with grade 0, 1
 * or 2, nothing judged outside a pool.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * bench/run JudgeSheet --collection DIR --pool POOL_FILE... [--topics FILE] [--unjudged QRELS]
 * bench/run JudgeSheet --check --pools POOL_DIR --qrels QRELS
 * </pre>
 *
 * <p>{@code --topics} adds the topic's query to the sheet's header; {@code --unjudged} leaves out
 * the stories the qrels already judge for that topic (to resume, or after the pools were remade).
 */
public final class JudgeSheet {
  /** Longer bodies are cut: a few wire tables run to many thousand characters. */
  static final int MAX_BODY = 6000;

  private static final Set<Integer> GRADES = Set.of(0, 1, 2);

  private JudgeSheet() {}

  /**
   * Prints the sheets, or checks the qrels.
   *
   * @param args see the class documentation
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path collection = null;
    List<Path> pools = new ArrayList<>();
    Path topics = null;
    Path unjudged = null;
    Path poolDir = null;
    Path qrels = null;
    boolean check = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--collection" -> collection = Path.of(args[++i]);
        case "--pool" -> pools.add(Path.of(args[++i]));
        case "--topics" -> topics = Path.of(args[++i]);
        case "--unjudged" -> unjudged = Path.of(args[++i]);
        case "--check" -> check = true;
        case "--pools" -> poolDir = Path.of(args[++i]);
        case "--qrels" -> qrels = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    if (check) {
      if (poolDir == null || qrels == null) {
        usage();
      }
      boolean complete = check(poolDir, qrels, out);
      out.flush();
      System.exit(complete ? 0 : 1);
    }
    if (collection == null || pools.isEmpty()) {
      usage();
    }
    Map<String, String> queries = new HashMap<>();
    if (topics != null) {
      for (Topic t : Topics.read(topics)) {
        queries.put(t.id(), t.text());
      }
    }
    Qrels judged = unjudged == null || !Files.exists(unjudged) ? new Qrels(Map.of())
        : Qrels.read(unjudged);
    Map<String, Article> articles = read(collection.resolve("docs.jsonl"));
    for (Path pool : pools) {
      String qid = qid(pool);
      List<String> ids = readPool(pool).stream()
          .filter(id -> !judged.judged(qid).containsKey(id)).toList();
      sheet(qid, queries.get(qid), ids, articles, out);
    }
    out.flush();
  }

  private static void usage() {
    System.err.println("usage: bench/run JudgeSheet --collection DIR --pool FILE... [--topics FILE]"
        + " [--unjudged QRELS]\n   or: bench/run JudgeSheet --check --pools DIR --qrels QRELS");
    System.exit(2);
  }

  private static void sheet(String qid, String query, List<String> ids,
      Map<String, Article> articles, PrintStream out) {
    out.printf(Locale.ROOT, "######## topic %s%s: %d stories to judge%n", qid,
        query == null ? "" : " (query: " + query + ")", ids.size());
    out.printf(Locale.ROOT, "######## one line per story: %s 0 <id> <grade 0|1|2>%n%n", qid);
    int n = 0;
    for (String id : ids) {
      n++;
      Article a = articles.get(id);
      out.printf(Locale.ROOT, "======== %s  story %d of %d  id %s%n", qid, n, ids.size(), id);
      if (a == null) {
        out.println("(this id is not in the collection)");
        out.println();
        continue;
      }
      out.println("headline: " + a.title());
      out.println("date: " + (a.date() == null ? "(none)" : a.date()));
      String body = a.body().strip();
      if (body.length() > MAX_BODY) {
        out.println(body.substring(0, MAX_BODY));
        out.printf(Locale.ROOT, "[... body cut here: %d more characters not shown]%n",
            body.length() - MAX_BODY);
      } else {
        out.println(body);
      }
      out.println();
    }
  }

  /** Reports per topic how the qrels cover the pool; true when every pool is fully judged. */
  private static boolean check(Path poolDir, Path qrelsFile, PrintStream out) throws IOException {
    Qrels qrels = Qrels.read(qrelsFile);
    // Qrels keeps the last grade of a story judged twice; a judge should hear about it.
    Set<String> lines = new HashSet<>();
    boolean complete = true;
    for (String line : Files.readAllLines(qrelsFile, StandardCharsets.UTF_8)) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 4 && !lines.add(parts[0] + " " + parts[2])) {
        out.println(parts[0] + " " + parts[2] + ": judged more than once");
        complete = false;
      }
    }
    Map<String, List<String>> pools = new TreeMap<>();
    try (Stream<Path> files = Files.list(poolDir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        pools.put(qid(p), readPool(p));
      }
    }
    out.println("topic  pooled  judged  missing  outside  bad-grade  grade0  grade1  grade2");
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, List<String>> e : pools.entrySet()) {
      String qid = e.getKey();
      seen.add(qid);
      Map<String, Integer> grades = qrels.judged(qid);
      Set<String> pool = new HashSet<>(e.getValue());
      long missing = pool.stream().filter(id -> !grades.containsKey(id)).count();
      long outside = grades.keySet().stream().filter(id -> !pool.contains(id)).count();
      long bad = grades.values().stream().filter(g -> !GRADES.contains(g)).count();
      int[] byGrade = new int[3];
      grades.values().stream().filter(GRADES::contains).forEach(g -> byGrade[g]++);
      complete &= missing == 0 && bad == 0;
      out.printf(Locale.ROOT, "%-6s %6d  %6d  %7d  %7d  %9d  %6d  %6d  %6d%s%n", qid, pool.size(),
          grades.size(), missing, outside, bad, byGrade[0], byGrade[1], byGrade[2],
          byGrade[1] + byGrade[2] == 0 && missing == 0 ? "  (no relevant story)" : "");
    }
    for (String qid : qrels.queries()) {
      if (!seen.contains(qid)) {
        out.println(qid + ": judged but there is no pool file for it");
        complete = false;
      }
    }
    out.println(complete ? "every pooled story is judged" : "INCOMPLETE");
    return complete;
  }

  private static String qid(Path pool) {
    String name = pool.getFileName().toString();
    return name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
  }

  private static List<String> readPool(Path pool) throws IOException {
    return Files.readAllLines(pool, StandardCharsets.UTF_8).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static Map<String, Article> read(Path docs) throws IOException {
    Map<String, Article> articles = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        try {
          Article a = JsonLinesReader.parseLine(line);
          articles.put(a.id(), a);
        } catch (IllegalArgumentException e) {
          continue; // an empty record (Reuters has 2,535): never retrieved, so never pooled
        }
      }
    }
    return articles;
  }
}
