package org.cptbench.eval.metric;

import java.util.List;
import java.util.Map;

/**
 * Success at cutoff {@code k}: {@code Success@k}. For one query, 1 if a doc with grade >= the relevance level is
 * among ranks 1..k, else 0; mean over all judged queries. trec_eval 10.0 {@code success_k} ({@code m_success.c})
 * with {@code -c}.
 */
public record Success(int k, int relevanceLevel) implements RankingMetric {
  public Success {
    TrecRelevance.check("Success@" + k, k, relevanceLevel);
  }

  /** Success@k at relevance level 1. */
  public Success(int k) {
    this(k, 1);
  }

  @Override
  public String id() {
    return "Success@" + k;
  }

  @Override
  public String definition() {
    return "trec_eval 10 success_"
        + k
        + " (-c): 1 if a doc with relevance >= "
        + relevanceLevel
        + " is in the top "
        + k
        + ", else 0; mean over all judged queries";
  }

  @Override
  public double score(Map<String, Integer> judgments, List<String> ranking) {
    return TrecRelevance.relevantInTop(judgments, ranking, k, relevanceLevel) > 0 ? 1.0 : 0.0;
  }
}
