package org.cptbench.eval.metric;

import java.util.Map;
import org.cptbench.CptbenchException;

/** trec_eval's per-doc relevance values and the shared argument checks of the ranking metrics. */
final class TrecRelevance {
  private TrecRelevance() {}

  /** {@code RELVALUE_NONPOOL}: the doc is not in the qrels of the query. */
  static final int NONPOOL = -1;

  /** {@code RELVALUE_UNJUDGED}: the doc is in the qrels with a negative grade. */
  static final int UNJUDGED = -2;

  /** trec_eval's relevance value of {@code docId}: its grade, {@link #NONPOOL} or {@link #UNJUDGED}. */
  static int of(Map<String, Integer> judgments, String docId) {
    Integer g = judgments.get(docId);
    if (g == null) {
      return NONPOOL;
    }
    return g < 0 ? UNJUDGED : g;
  }

  /** Number of relevant docs in the top {@code k} of {@code ranking}. */
  static int relevantInTop(Map<String, Integer> judgments, java.util.List<String> ranking, int k, int level) {
    int n = Math.min(k, ranking.size());
    int found = 0;
    for (int i = 0; i < n; i++) {
      if (of(judgments, ranking.get(i)) >= level) {
        found++;
      }
    }
    return found;
  }

  static void check(String name, int k, int relevanceLevel) {
    if (k < 1) {
      throw new CptbenchException(name + ": cutoff k must be a positive integer, got " + k);
    }
    if (relevanceLevel < 0) {
      throw new CptbenchException(
          name + ": relevance level must be >= 0 (grade >= level counts as relevant), got " + relevanceLevel);
    }
  }
}
