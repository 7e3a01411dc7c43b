package org.cptbench.eval.metric;

/**
 * Pearson's product-moment correlation, as {@code scipy.stats.pearsonr}:
 * {@code r = sum((x - mean x)(y - mean y)) / (sqrt(sum (x - mean x)^2) * sqrt(sum (y - mean y)^2))}, computed with
 * centred two-pass sums and clipped to [-1, 1]; NaN when a sample is constant.
 */
public record Pearson() implements Correlation {
  @Override
  public String id() {
    return "pearson";
  }

  @Override
  public String definition() {
    return "Pearson correlation coefficient (scipy.stats.pearsonr)";
  }

  @Override
  public double compute(double[] x, double[] y) {
    Correlation.checkSamples("pearson", x, y);
    return pearson(x, y);
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0.0;
    double my = 0.0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0.0;
    double sxx = 0.0;
    double syy = 0.0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0.0 || syy == 0.0) {
      return Double.NaN;
    }
    double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
    return Math.max(-1.0, Math.min(1.0, r));
  }
}
