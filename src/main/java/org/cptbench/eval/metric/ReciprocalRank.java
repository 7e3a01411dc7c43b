package org.cptbench.eval.metric;

import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank cut at {@code k}: {@code MRR@k}. For one query, {@code 1/r} where r is the rank of the first doc
 * with grade >= the relevance level among ranks 1..k, else 0; the mean runs over all judged queries, a query
 * missing from the run scoring 0.
 *
 * <p>This is trec_eval 10.0 {@code recip_rank} ({@code m_recip_rank.c}) on the run truncated to its top k
 * ({@code trec_eval -c -M k -m recip_rank}), and MS MARCO's official {@code ms_marco_eval.py} MRR@10 (k = 10,
 * divided by the number of queries in the qrels). MS MARCO passage dev uses level 1; TREC DL uses level 2.
 */
public record ReciprocalRank(int k, int relevanceLevel) implements RankingMetric {
  public ReciprocalRank {
    TrecRelevance.check("MRR@" + k, k, relevanceLevel);
  }

  /** MRR@k at relevance level 1. */
  public ReciprocalRank(int k) {
    this(k, 1);
  }

  @Override
  public String id() {
    return "MRR@" + k;
  }

  @Override
  public String definition() {
    return "trec_eval 10 recip_rank on the top "
        + k
        + " (-c -M "
        + k
        + "; MS MARCO MRR@"
        + k
        + "): 1/rank of the first doc with relevance >= "
        + relevanceLevel
        + " within ranks 1.."
        + k
        + ", else 0; mean over all judged queries (queries missing from the run score 0)";
  }

  @Override
  public double score(Map<String, Integer> judgments, List<String> ranking) {
    int n = Math.min(k, ranking.size());
    for (int i = 0; i < n; i++) {
      if (TrecRelevance.of(judgments, ranking.get(i)) >= relevanceLevel) {
        return 1.0 / (double) (i + 1);
      }
    }
    return 0.0;
  }
}
