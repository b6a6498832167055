package dev.newsindex.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run scored against qrels: {@link Measures} per query and their mean.
 *
 * @param perQuery measures of each evaluated query, in qrels order
 * @param mean the mean over {@code perQuery} (counts summed)
 */
public record Evaluation(Map<String, Measures> perQuery, Measures mean) {
  /** Cut-offs of the measures. */
  static final int TOP = 10;
  static final int DEPTH = 1000;

  /** Checks the parts. */
  public Evaluation {
    perQuery = Collections.unmodifiableMap(new LinkedHashMap<>(perQuery));
  }

  /**
   * Scores {@code run} against {@code qrels}: every judged query with at least one relevant
   * document, a query missing from the run scoring 0 (trec_eval {@code -c}).
   *
   * @param run the rankings to score
   * @param qrels the judgments to score them by
   * @return the measures per query and their means
   */
  public static Evaluation of(Run run, Qrels qrels) {
    Map<String, Measures> perQuery = new LinkedHashMap<>();
    for (String qid : qrels.queries()) {
      if (qrels.relevantCount(qid) > 0) {
        perQuery.put(qid, measure(run.ranking(qid), qrels.judged(qid)));
      }
    }
    return new Evaluation(perQuery, mean(perQuery.values()));
  }

  /** The measures of one ranking, given the judgments of its query. */
  static Measures measure(List<Run.Ranked> ranking, Map<String, Integer> judged) {
    int relevant = (int) judged.values().stream().filter(g -> g > 0).count();
    List<Run.Ranked> top = ranking.subList(0, Math.min(ranking.size(), DEPTH));
    double precisionSum = 0;
    double dcg = 0;
    int found = 0;
    int foundInTop = 0;
    for (int i = 0; i < top.size(); i++) {
      int grade = judged.getOrDefault(top.get(i).docId(), 0);
      if (grade > 0) {
        found++;
        precisionSum += (double) found / (i + 1);
        if (i < TOP) {
          foundInTop++;
          dcg += grade / log2(i + 2);
        }
      }
    }
    int[] ideal = judged.values().stream().filter(g -> g > 0).mapToInt(Integer::intValue)
        .toArray();
    Arrays.sort(ideal);
    double idcg = 0;
    for (int i = 0; i < Math.min(TOP, ideal.length); i++) {
      idcg += ideal[ideal.length - 1 - i] / log2(i + 2);
    }
    return new Measures(
        relevant == 0 ? 0 : precisionSum / relevant,
        idcg == 0 ? 0 : dcg / idcg,
        (double) foundInTop / TOP,
        relevant == 0 ? 0 : (double) found / relevant,
        relevant, found, top.size());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static Measures mean(java.util.Collection<Measures> all) {
    int n = all.size();
    if (n == 0) {
      return new Measures(0, 0, 0, 0, 0, 0, 0);
    }
    double map = 0;
    double ndcg = 0;
    double p10 = 0;
    double recall = 0;
    int rel = 0;
    int relRet = 0;
    int ret = 0;
    for (Measures m : all) {
      map += m.map();
      ndcg += m.ndcg10();
      p10 += m.p10();
      recall += m.recall1000();
      rel += m.relevant();
      relRet += m.relevantRetrieved();
      ret += m.retrieved();
    }
    return new Measures(map / n, ndcg / n, p10 / n, recall / n, rel, relRet, ret);
  }

  /**
   * This evaluation restricted to {@code qids} (e.g. one half of the queries), mean recomputed.
   *
   * @param qids the query ids to keep; ids this evaluation lacks are ignored
   * @return a new evaluation of the kept queries
   */
  public Evaluation restrictedTo(java.util.Collection<String> qids) {
    Map<String, Measures> kept = new LinkedHashMap<>();
    for (String q : qids) {
      Measures m = perQuery.get(q);
      if (m != null) {
        kept.put(q, m);
      }
    }
    return new Evaluation(kept, mean(new ArrayList<>(kept.values())));
  }
}
