package org.cptbench.stats;

/**
 * Percentiles of a sample by linear interpolation between order statistics (Hyndman and Fan's type 7; numpy's
 * default {@code percentile(method="linear")}, which {@code scipy.stats.bootstrap(method="percentile")} uses).
 */
public final class Percentile {
  private Percentile() {}

  /** The {@code q}-quantile ({@code 0 <= q <= 1}) of {@code sorted} (ascending, non-empty). */
  public static double ofSorted(double[] sorted, double q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("percentile of an empty sample");
    }
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile " + q + " must be in [0, 1]");
    }
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
