package org.cptbench.eval.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Normalised discounted cumulative gain at cutoff {@code k}: {@code nDCG@k}, exactly trec_eval 10.0
 * {@code ndcg_cut_k} ({@code m_ndcg_cut.c}) with {@code -c}.
 *
 * <pre>
 *   DCG@k  = sum over ranks r = 1..min(k, n) with grade g_r > 0 of  g_r / log2(r + 1)
 *   IDCG@k = the same sum over the query's judged grades > 0 sorted descending (all of its qrels, retrieved or not)
 *   nDCG@k = DCG@k / IDCG@k   (0 when the query has no positive grade)
 * </pre>
 *
 * <p>The gain is the grade itself (linear, not {@code 2^g - 1}), and every positive grade is a gain: trec_eval's
 * ndcg ignores the relevance level {@code -l}, so this metric has none. Unjudged docs and negative grades give no
 * gain. Mean over all judged queries. {@code log2} is exact at powers of two and otherwise
 * {@code ln(x)/ln(2)}, which may differ from C's {@code log2} in the last ulp (far below the 4 printed decimals).
 */
public record Ndcg(int k) implements RankingMetric {
  public Ndcg {
    TrecRelevance.check("nDCG@" + k, k, 0);
  }

  @Override
  public String id() {
    return "nDCG@" + k;
  }

  @Override
  public String definition() {
    return "trec_eval 10 ndcg_cut_"
        + k
        + " (-c): sum of grade/log2(rank+1) over the top "
        + k
        + " (linear gain, all grades > 0, relevance level not applied) divided by the same sum for the ideal"
        + " ordering of all the query's judged grades > 0; mean over all judged queries";
  }

  @Override
  public double score(Map<String, Integer> judgments, List<String> ranking) {
    double dcg = 0.0;
    int n = Math.min(k, ranking.size());
    for (int i = 0; i < n; i++) {
      int gain = TrecRelevance.of(judgments, ranking.get(i));
      if (gain > 0) {
        dcg += (double) gain / log2(i + 2);
      }
    }
    List<Integer> gains = new ArrayList<>();
    for (int g : judgments.values()) {
      if (g > 0) {
        gains.add(g);
      }
    }
    gains.sort(Collections.reverseOrder());
    double ideal = 0.0;
    int m = Math.min(k, gains.size());
    for (int i = 0; i < m; i++) {
      ideal += (double) gains.get(i) / log2(i + 2);
    }
    return ideal > 0.0 ? dcg / ideal : dcg;
  }

  /** log2 of a positive int: exact for powers of two. */
  static double log2(int x) {
    if (Integer.bitCount(x) == 1) {
      return Integer.numberOfTrailingZeros(x);
    }
    return Math.log(x) / Math.log(2.0);
  }
}
