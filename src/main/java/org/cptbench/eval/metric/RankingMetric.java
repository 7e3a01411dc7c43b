package org.cptbench.eval.metric;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.cptbench.data.trec.Qrels;

/**
 * A retrieval metric computed as trec_eval 10.0 computes it with {@code -c}: every query in the qrels is scored
 * (a query absent from the rankings gets an empty ranking, so 0), queries with rankings but no judgments are
 * ignored, and the mean divides by the number of judged queries. Queries are visited in strcmp order of their ids,
 * the order trec_eval accumulates in.
 *
 * <p>Rankings are doc ids in final rank order. For a run file, that order is trec_eval's re-sorting (score desc,
 * doc id desc on ties): use {@link org.cptbench.data.trec.TrecRun#rankings()}. A doc's relevance value is as in
 * {@code form_res_rels.c}: its grade when judged with grade >= 0, -1 when not in the qrels (unjudged docs are
 * non-relevant), -2 for a negative grade.
 */
public sealed interface RankingMetric extends Metric permits ReciprocalRank, Recall, Ndcg, Success {
  /** The cutoff: only the top {@code k} ranks count. */
  int k();

  /**
   * The value for one query.
   *
   * @param judgments doc id -> grade for the query (empty when unjudged)
   * @param ranking doc ids in rank order, without duplicates
   */
  double score(Map<String, Integer> judgments, List<String> ranking);

  /** Per-query values for every judged query, and their mean (trec_eval -c). */
  default PerQueryScores evaluate(Qrels qrels, Map<String, ? extends List<String>> rankings) {
    LinkedHashMap<String, Double> values = new LinkedHashMap<>();
    for (String qid : qrels.queryIds()) {
      List<String> ranking = rankings.get(qid);
      if (ranking == null) {
        ranking = List.of();
      } else {
        checkNoDuplicates(qid, ranking);
      }
      values.put(qid, score(qrels.judgments(qid), ranking));
    }
    return PerQueryScores.of(id(), values);
  }

  private static void checkNoDuplicates(String qid, List<String> ranking) {
    Set<String> seen = new HashSet<>(ranking.size() * 2);
    for (String doc : ranking) {
      if (!seen.add(doc)) {
        throw new CptbenchException(
            "ranking for query '" + qid + "' lists doc '" + doc + "' twice (trec_eval rejects duplicate docs)");
      }
    }
  }
}
