package org.cptbench.stats;

import java.util.Objects;

/**
 * Cross-validated accuracy as SentEval reports it: the mean over folds of each fold's mean per-item score (1 for a
 * correct test prediction, 0 otherwise). Resample it within folds ({@link TaskSample#strata} = the folds) so that
 * every fold keeps its size.
 */
public record FoldMeanScore(double[] scores, int[] folds) implements ItemStatistic {
  public FoldMeanScore {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(folds, "folds");
    if (scores.length == 0 || scores.length != folds.length) {
      throw new IllegalArgumentException(
          "scores (" + scores.length + ") and folds (" + folds.length + ") must be non-empty and of equal length");
    }
    for (int f : folds) {
      if (f < 0) {
        throw new IllegalArgumentException("folds: negative fold index " + f);
      }
    }
    scores = scores.clone();
    folds = folds.clone();
  }

  @Override
  public int size() {
    return scores.length;
  }

  @Override
  public double value(int[] counts) {
    int k = 0;
    for (int f : folds) {
      k = Math.max(k, f + 1);
    }
    double[] sum = new double[k];
    long[] n = new long[k];
    for (int i = 0; i < scores.length; i++) {
      sum[folds[i]] += counts[i] * scores[i];
      n[folds[i]] += counts[i];
    }
    double total = 0;
    int used = 0;
    for (int f = 0; f < k; f++) {
      if (n[f] > 0) {
        total += sum[f] / n[f];
        used++;
      }
    }
    return total / used;
  }

  @Override
  public String definition() {
    return "mean over folds of the per-fold mean item score (SentEval cross-validated accuracy)";
  }
}
