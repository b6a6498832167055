package dev.newsindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.newsindex.eval.Topic;
import dev.newsindex.eval.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The judged collections under {@code bench/relevance/} hold together: every topic has its query,
 * its narrative, its keyword query and its pool; the pools are in the blind order {@link
 * PoolTopics} writes (so they carry no system's ranking); every judgment is well-formed and judges
 * a pooled story. What a judge's merge or a hand edit would break first.
 */
class RelevanceDataTest {
  private static final Path RELEVANCE = Path.of("relevance");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"reuters, 44, reuters21578", "bbc, 28, bbc"})
  void collectionHoldsTogether(String name, int minTopics, String corpus) throws IOException {
    Path dir = RELEVANCE.resolve(name);
    List<Topic> topics = Topics.read(dir.resolve("topics.tsv"));
    assertTrue(topics.size() >= minTopics, name + ": " + topics.size() + " topics");

    Map<String, String> keywords = tsv(dir.resolve("keywords.tsv"));
    Map<String, String> queries = new LinkedHashMap<>();
    topics.forEach(t -> queries.put(t.id(), t.text()));
    assertEquals(queries.keySet(), keywords.keySet(), name + ": keyword queries vs topics");

    String narratives = Files.readString(dir.resolve("narratives.md"), StandardCharsets.UTF_8);
    for (Topic t : topics) {
      assertTrue(narratives.contains("\n### " + t.id() + ": " + t.text() + "\n"),
          name + ": narratives.md has no heading '### " + t.id() + ": " + t.text() + "'");
    }

    Map<String, List<String>> pools = new HashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("pools"))) {
      for (Path p : files.toList()) {
        String qid = p.getFileName().toString().replaceFirst("\\.txt$", "");
        pools.put(qid, Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    assertEquals(queries.keySet(), pools.keySet(), name + ": pool files vs topics");
    for (Map.Entry<String, List<String>> e : pools.entrySet()) {
      List<String> ids = e.getValue();
      assertFalse(ids.isEmpty(), name + " " + e.getKey() + ": empty pool");
      assertEquals(ids.size(), new HashSet<>(ids).size(), name + " " + e.getKey()
          + ": a story pooled twice");
      for (int i = 1; i < ids.size(); i++) {
        if (PoolTopics.shuffleKey(e.getKey(), ids.get(i - 1))
            .compareTo(PoolTopics.shuffleKey(e.getKey(), ids.get(i))) > 0) {
          fail(name + " " + e.getKey() + ": pool not in blind (hash) order at line " + (i + 1));
        }
      }
    }

    Path qrels = dir.resolve("qrels.txt");
    if (Files.exists(qrels)) {
      Set<String> judged = new HashSet<>();
      int lineNo = 0;
      for (String line : Files.readAllLines(qrels, StandardCharsets.UTF_8)) {
        lineNo++;
        String where = name + " qrels.txt:" + lineNo + ": ";
        String[] parts = line.strip().split("\\s+");
        assertEquals(4, parts.length, where + "expected 'qid 0 docid grade'");
        assertEquals("0", parts[1], where + "iteration column");
        assertTrue(Set.of("0", "1", "2").contains(parts[3]), where + "grade " + parts[3]);
        assertTrue(pools.containsKey(parts[0]), where + "unknown topic " + parts[0]);
        assertTrue(pools.get(parts[0]).contains(parts[2]), where + parts[2] + " is not pooled");
        assertTrue(judged.add(parts[0] + " " + parts[2]), where + "judged twice");
      }
    }

    Path docs = Path.of("..", "..", "shared", "corpora", corpus, "docs.jsonl");
    Assumptions.assumeTrue(Files.isRegularFile(docs),
        "pooled ids not checked against the corpus: no " + docs.toAbsolutePath().normalize());
    Set<String> ids = new HashSet<>();
    RelevanceReport.readRaw(docs).forEach(a -> ids.add(a.id()));
    List<String> missing = new ArrayList<>();
    pools.forEach((qid, pooled) -> pooled.stream().filter(id -> !ids.contains(id))
        .forEach(id -> missing.add(qid + " " + id)));
    assertEquals(List.of(), missing, name + ": pooled ids not in " + docs);
  }

  private static Map<String, String> tsv(Path file) throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      assertEquals(2, parts.length, file + ": " + line);
      assertTrue(rows.put(parts[0], parts[1]) == null, file + ": " + parts[0] + " twice");
    }
    return rows;
  }
}
