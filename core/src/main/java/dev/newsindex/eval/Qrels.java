package dev.newsindex.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgments in TREC qrels format: {@code qid iteration docid grade} per line, white-space
 * separated; a grade above 0 is relevant.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgments;

  /**
   * Judgments as query id → (document id → grade).
   *
   * @param judgments the grades of each query's judged documents; copied
   */
  public Qrels(Map<String, Map<String, Integer>> judgments) {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    judgments.forEach((q, docs) -> copy.put(q, Map.copyOf(docs)));
    this.judgments = Collections.unmodifiableMap(copy);
  }

  /**
   * The qrels in {@code file}.
   *
   * @param file a TREC qrels file
   * @return its judgments
   * @throws EvalInputException naming the line when the file is malformed or holds none
   * @throws IOException when the file cannot be read
   */
  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.strip().split("\\s+");
        if (parts.length != 4) {
          throw new EvalInputException(file, lineNo, "expected 'qid iteration docid grade'");
        }
        int grade;
        try {
          grade = Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
          throw new EvalInputException(file, lineNo, "the grade '" + parts[3]
              + "' is not a whole number");
        }
        judgments.computeIfAbsent(parts[0], q -> new LinkedHashMap<>()).put(parts[2], grade);
      }
    }
    if (judgments.isEmpty()) {
      throw new EvalInputException(file, 0, "no judgments");
    }
    return new Qrels(judgments);
  }

  /**
   * The judged query ids, in file order.
   *
   * @return the ids of the queries with judgments
   */
  public Set<String> queries() {
    return judgments.keySet();
  }

  /**
   * The grades for query {@code qid}.
   *
   * @param qid the query id
   * @return document id → grade; empty when the query is not judged
   */
  public Map<String, Integer> judged(String qid) {
    return judgments.getOrDefault(qid, Map.of());
  }

  /**
   * How many documents are relevant (grade above 0) to {@code qid}.
   *
   * @param qid the query id
   * @return the number of its documents graded above 0
   */
  public int relevantCount(String qid) {
    return (int) judged(qid).values().stream().filter(g -> g > 0).count();
  }
}
