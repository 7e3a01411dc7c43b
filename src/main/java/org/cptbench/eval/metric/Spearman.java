package org.cptbench.eval.metric;

import java.util.Arrays;

/**
 * Spearman's rank correlation, as {@code scipy.stats.spearmanr}: the Pearson correlation of the two samples' ranks,
 * where tied values get the average of the ranks they span ({@code scipy.stats.rankdata(method="average")}, ranks
 * from 1). NaN when a sample is constant. This is the STS metric of SentEval and the cpt-text paper.
 */
public record Spearman() implements Correlation {
  @Override
  public String id() {
    return "spearman";
  }

  @Override
  public String definition() {
    return "Spearman rank correlation: Pearson correlation of average ranks (ties averaged), scipy.stats.spearmanr";
  }

  @Override
  public double compute(double[] x, double[] y) {
    Correlation.checkSamples("spearman", x, y);
    return Pearson.pearson(averageRanks(x), averageRanks(y));
  }

  /** 1-based ranks, ties sharing the mean of their positions (scipy rankdata "average"). */
  public static double[] averageRanks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double avg = (i + 1 + j + 1) / 2.0;
      for (int t = i; t <= j; t++) {
        ranks[order[t]] = avg;
      }
      i = j + 1;
    }
    return ranks;
  }
}
