package org.cptbench.eval;

import java.util.List;
import java.util.Objects;

/**
 * Per-pair evidence of a similarity task: for every scored pair (in the task's pooled order) its subset, gold score
 * and the system's cosine. Spearman over all pairs is the task's {@code spearman}; the paired bootstrap
 * ({@link org.cptbench.stats.SpearmanStatistic}) resamples these pairs and recomputes it.
 */
public record PairScores(List<String> subsets, double[] gold, double[] predicted) {
  public PairScores {
    Objects.requireNonNull(subsets, "subsets");
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    if (subsets.size() != gold.length || gold.length != predicted.length) {
      throw new IllegalArgumentException("subsets (" + subsets.size() + "), gold (" + gold.length
          + ") and predicted (" + predicted.length + ") must have equal length");
    }
    subsets = List.copyOf(subsets);
    gold = gold.clone();
    predicted = predicted.clone();
  }

  public int size() {
    return gold.length;
  }

  @Override
  public double[] gold() {
    return gold.clone();
  }

  @Override
  public double[] predicted() {
    return predicted.clone();
  }
}
