package org.cptbench.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Spearman's rank correlation of a system's predicted similarities against gold scores, recomputed on every
 * resample of the scored pairs: the ranks of a resample are the average ranks (ties averaged, scipy's
 * {@code rankdata(method="average")}) of the multiset of drawn pairs, so a pair drawn twice forms a tie with itself,
 * exactly as {@link org.cptbench.eval.metric.Spearman} would rank the expanded sample. Both samples are sorted once
 * here; one evaluation is then O(pairs).
 */
public final class SpearmanStatistic implements ItemStatistic {
  private final double[] predicted;
  private final double[] gold;
  private final Ranking predictedOrder;
  private final Ranking goldOrder;

  public SpearmanStatistic(double[] predicted, double[] gold) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(gold, "gold");
    if (predicted.length < 2 || predicted.length != gold.length) {
      throw new IllegalArgumentException("predicted (" + predicted.length + ") and gold (" + gold.length
          + ") must have equal length >= 2");
    }
    for (int i = 0; i < predicted.length; i++) {
      if (!Double.isFinite(predicted[i]) || !Double.isFinite(gold[i])) {
        throw new IllegalArgumentException("pair " + i + ": predicted " + predicted[i] + ", gold " + gold[i]
            + "; both must be finite");
      }
    }
    this.predicted = predicted.clone();
    this.gold = gold.clone();
    this.predictedOrder = new Ranking(this.predicted);
    this.goldOrder = new Ranking(this.gold);
  }

  public double[] predicted() {
    return predicted.clone();
  }

  public double[] gold() {
    return gold.clone();
  }

  @Override
  public int size() {
    return predicted.length;
  }

  @Override
  public double value(int[] counts) {
    double[] rx = predictedOrder.ranks(counts);
    double[] ry = goldOrder.ranks(counts);
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    double mean = (n + 1) / 2.0; // average ranks always sum to n(n+1)/2
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      double dx = rx[i] - mean;
      double dy = ry[i] - mean;
      sxx += counts[i] * dx * dx;
      syy += counts[i] * dy * dy;
      sxy += counts[i] * dx * dy;
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  @Override
  public String definition() {
    return "Spearman rank correlation of predicted vs gold (average ranks), recomputed on each resample of pairs";
  }

  /** The items sorted by value once, with runs of equal values marked. */
  private static final class Ranking {
    private final int[] order;
    private final int[] runEnd; // for position p: one past the last position holding the same value

    Ranking(double[] values) {
      int n = values.length;
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> Double.compare(values[a], values[b]));
      order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = boxed[i];
      }
      runEnd = new int[n];
      int p = 0;
      while (p < n) {
        int q = p + 1;
        while (q < n && values[order[q]] == values[order[p]]) {
          q++;
        }
        for (int t = p; t < q; t++) {
          runEnd[t] = q;
        }
        p = q;
      }
    }

    /** Average 1-based ranks of each item within the multiset given by {@code counts} (0 for undrawn items). */
    double[] ranks(int[] counts) {
      double[] ranks = new double[order.length];
      long before = 0;
      int p = 0;
      while (p < order.length) {
        int end = runEnd[p];
        long m = 0;
        for (int t = p; t < end; t++) {
          m += counts[order[t]];
        }
        if (m > 0) {
          double avg = before + (m + 1) / 2.0;
          for (int t = p; t < end; t++) {
            ranks[order[t]] = avg;
          }
          before += m;
        }
        p = end;
      }
      return ranks;
    }
  }
}
