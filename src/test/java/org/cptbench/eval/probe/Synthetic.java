package org.cptbench.eval.probe;

import java.util.SplittableRandom;

/** Seeded synthetic feature sets for the probe tests. */
final class Synthetic {
  private Synthetic() {}

  /**
   * {@code n} rows of width {@code d}, labels {@code i % k}; class {@code c} is centred at {@code +sep} in column
   * {@code c} (so classes are linearly separable when {@code sep} is large against the unit noise).
   */
  static double[][] blobs(int n, int d, int k, double sep, double noise, long seed, int[] yOut) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      int c = i % k;
      yOut[i] = c;
      for (int j = 0; j < d; j++) {
        x[i][j] = noise * gaussian(r) + (j == c ? sep : 0);
      }
    }
    return x;
  }

  static int[] labels(int n) {
    return new int[n];
  }

  /**
   * The 1-D set whose best {@code C} is known: 10 rows of class 1 at {@code x = +0.25}, 30 of class 0 at {@code x =
   * -0.25}. Solving the penalised likelihood by Newton's method gives the class-1 score {@code w * 0.25 + b} =
   * -0.785, -0.535, -0.163, +0.310, +0.836, +1.381 for C = 0.25, 0.5, 1, 2, 4, 8: C &le; 1 predicts class 0
   * everywhere (accuracy 0.75), C &ge; 2 separates the data (accuracy 1), so the first best C of SentEval's grid is 2.
   */
  static double[][] imbalancedLine(int[] yOut) {
    double[][] x = new double[40][];
    for (int i = 0; i < 40; i++) {
      boolean pos = i % 4 == 0;
      yOut[i] = pos ? 1 : 0;
      x[i] = new double[] {pos ? 0.25 : -0.25};
    }
    return x;
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
