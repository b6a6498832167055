/**
 * Relevance evaluation: topics (queries) and TREC qrels (judgments) are read here, a run (a ranked
 * list per query) is produced from a {@link dev.newsindex.NewsArchive}, and scored with the measures
 * of {@code trec_eval}: MAP, nDCG@10, P@10 and recall@1000.
 *
 * <p>Traps, all handled as {@code trec_eval} does so that a written run scored by {@code trec_eval
 * -c -m map -m ndcg_cut.10 -m P.10 -m recall.1000} gives the same figures:
 *
 * <ul>
 *   <li>documents with equal scores are ordered by descending document id (trec_eval re-sorts a run
 *       itself and ignores the rank column);
 *   <li>the mean is over the judged queries that have at least one relevant document; a judged query
 *       with no results counts as 0 ({@code -c});
 *   <li>a relevance grade of 0 or less is not relevant; nDCG uses the grade as the gain.
 * </ul>
 *
 * <p>Queries are plain text: query syntax in them is escaped and any term may match, since test
 * collections (such as TIME, in capitals with a final {@code " ."}) are written as sentences.
 */
package dev.newsindex.eval;
