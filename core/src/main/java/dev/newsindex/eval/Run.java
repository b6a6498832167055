package dev.newsindex.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run: for each query, documents with scores, kept in the order {@code trec_eval} scores them
 * (descending score, ties by descending document id).
 */
public final class Run {
  /**
   * A retrieved document and its score.
   *
   * @param docId the document's id, as the qrels name it
   * @param score its score for the query; higher ranks first
   */
  public record Ranked(String docId, double score) {}

  /** The order trec_eval imposes on a run, whatever the rank column says. */
  static final Comparator<Ranked> TREC_ORDER = Comparator.comparingDouble(Ranked::score)
      .reversed().thenComparing(Ranked::docId, Comparator.reverseOrder());

  private final Map<String, List<Ranked>> results;

  /**
   * A run of query id → retrieved documents.
   *
   * @param results the retrieved documents of each query, in any order (they are sorted here)
   */
  public Run(Map<String, List<Ranked>> results) {
    Map<String, List<Ranked>> sorted = new LinkedHashMap<>();
    results.forEach((q, docs) -> {
      List<Ranked> list = new ArrayList<>(docs);
      list.sort(TREC_ORDER);
      sorted.put(q, List.copyOf(list));
    });
    this.results = Collections.unmodifiableMap(sorted);
  }

  /**
   * The query ids, in the order they were run.
   *
   * @return the ids of the queries this run has rankings for
   */
  public java.util.Set<String> queries() {
    return results.keySet();
  }

  /**
   * The ranked documents for {@code qid}.
   *
   * @param qid the query id
   * @return its documents, best first; empty when it was not run
   */
  public List<Ranked> ranking(String qid) {
    return results.getOrDefault(qid, List.of());
  }

  /**
   * Writes this run in TREC format, {@code qid Q0 docid rank score tag} per line, which {@code
   * trec_eval} reads.
   *
   * @param out where to write; not closed
   * @param tag the run's name, the last column of every line
   * @throws IOException when writing fails
   */
  public void write(Writer out, String tag) throws IOException {
    for (Map.Entry<String, List<Ranked>> e : results.entrySet()) {
      int rank = 1;
      for (Ranked r : e.getValue()) {
        out.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", e.getKey(), r.docId(), rank++,
            r.score(), tag));
      }
    }
  }
}
