package org.cptbench.stats;

import java.util.Objects;

/**
 * The mean of per-item scores (per-query MRR@10 / nDCG@10 / recall, per-item probe correctness): trec_eval's and
 * SentEval's average over the test items.
 */
public record MeanScore(double[] scores) implements ItemStatistic {
  public MeanScore {
    Objects.requireNonNull(scores, "scores");
    if (scores.length == 0) {
      throw new IllegalArgumentException("scores: empty; need at least one item");
    }
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("scores[" + i + "] is " + scores[i] + "; must be finite");
      }
    }
    scores = scores.clone();
  }

  @Override
  public int size() {
    return scores.length;
  }

  @Override
  public double value(int[] counts) {
    double sum = 0;
    long n = 0;
    for (int i = 0; i < scores.length; i++) {
      sum += counts[i] * scores[i];
      n += counts[i];
    }
    return sum / n;
  }

  @Override
  public String definition() {
    return "mean of per-item scores";
  }
}
