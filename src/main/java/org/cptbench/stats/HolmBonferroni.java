package org.cptbench.stats;

/**
 * Holm's step-down adjustment of m p-values (Holm 1979), controlling the family-wise error rate: sort ascending,
 * {@code adj(i) = max over j <= i of min(1, (m - j + 1) * p(j))} (1-based ranks), returned in the input order. Equal
 * to {@code statsmodels.stats.multitest.multipletests(p, method="holm")[1]}.
 */
public final class HolmBonferroni {
  private HolmBonferroni() {}

  public static double[] adjust(double[] p) {
    int m = p.length;
    for (int i = 0; i < m; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " is " + p[i] + "; must be in [0, 1]");
      }
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int r = 0; r < m; r++) {
      running = Math.max(running, Math.min(1.0, (m - r) * p[order[r]]));
      adjusted[order[r]] = running;
    }
    return adjusted;
  }
}
