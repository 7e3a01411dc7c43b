package org.cptbench.eval.metric;

import org.cptbench.CptbenchException;

/** A correlation coefficient between two equally long samples (STS evaluation). */
public sealed interface Correlation extends Metric permits Pearson, Spearman {
  /**
   * The coefficient in [-1, 1]; NaN when either sample is constant (as scipy returns, with a warning).
   *
   * @throws CptbenchException when lengths differ, fewer than 2 pairs are given, or a value is NaN/infinite
   */
  double compute(double[] x, double[] y);

  /** Shared argument checks. */
  static void checkSamples(String name, double[] x, double[] y) {
    if (x.length != y.length) {
      throw new CptbenchException(name + ": samples differ in length (" + x.length + " vs " + y.length + ")");
    }
    if (x.length < 2) {
      throw new CptbenchException(name + ": needs at least 2 pairs, got " + x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new CptbenchException(
            name + ": pair " + i + " has a non-finite value (" + x[i] + ", " + y[i] + "); finite numbers required");
      }
    }
  }
}
