package org.cptbench.eval.metric;

import java.util.List;
import java.util.Map;
import org.cptbench.data.trec.Qrels;

/**
 * Recall at cutoff {@code k}: {@code R@k}. For one query, (docs with grade >= level among ranks 1..k) / (judged
 * docs of the query with grade >= level); 0 when the query has no relevant doc. Mean over all judged queries.
 *
 * <p>This is trec_eval 10.0 {@code recall_k} ({@code m_recall.c}) with {@code -c}: a query in the qrels with no
 * doc at the relevance level still counts, with value 0.
 */
public record Recall(int k, int relevanceLevel) implements RankingMetric {
  public Recall {
    TrecRelevance.check("R@" + k, k, relevanceLevel);
  }

  /** R@k at relevance level 1. */
  public Recall(int k) {
    this(k, 1);
  }

  @Override
  public String id() {
    return "R@" + k;
  }

  @Override
  public String definition() {
    return "trec_eval 10 recall_"
        + k
        + " (-c): relevant retrieved in top "
        + k
        + " / relevant, relevance >= "
        + relevanceLevel
        + ", 0 for a query without relevant docs, mean over all judged queries";
  }

  @Override
  public double score(Map<String, Integer> judgments, List<String> ranking) {
    int numRel = Qrels.countRelevant(judgments, relevanceLevel);
    if (numRel == 0) {
      return 0.0;
    }
    return (double) TrecRelevance.relevantInTop(judgments, ranking, k, relevanceLevel) / (double) numRel;
  }
}
