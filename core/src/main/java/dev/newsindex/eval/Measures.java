package dev.newsindex.eval;

/**
 * The measures of one query (or their means over queries), as {@code trec_eval} computes them.
 *
 * @param map average precision: the mean, over the relevant documents, of the precision at the rank
 *     where each is retrieved (0 for those not retrieved)
 * @param ndcg10 normalised discounted cumulative gain of the top 10, gain = grade, discount
 *     log2(rank + 1)
 * @param p10 the fraction of the top 10 that is relevant (missing ranks count as not relevant)
 * @param recall1000 the fraction of the relevant documents found in the top 1000
 * @param relevant relevant documents (for a mean: summed)
 * @param relevantRetrieved relevant documents retrieved (for a mean: summed)
 * @param retrieved documents retrieved (for a mean: summed)
 */
public record Measures(double map, double ndcg10, double p10, double recall1000, int relevant,
    int relevantRetrieved, int retrieved) {}
