package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cptbench.eval.metric.Spearman;
import org.junit.jupiter.api.Test;

/** The O(n) resampled Spearman equals Spearman of the expanded resample (ties among repeated pairs averaged). */
class SpearmanStatisticTest {
  @Test
  void observedEqualsTheMetric() {
    double[] x = {0.1, 0.4, 0.35, 0.8, 0.8, 0.2};
    double[] g = {1, 3, 2, 5, 4, 1};
    assertEquals(new Spearman().compute(x, g), new SpearmanStatistic(x, g).observed(), 1e-12);
  }

  @Test
  void handComputedResample() {
    // items 0, 1, 2 with predicted 1, 2, 3 and gold 1, 3, 2; draw item 0 twice and item 2 once:
    // expanded x = (1, 1, 3), g = (1, 1, 2) -> ranks (1.5, 1.5, 3) for both -> rho = 1
    SpearmanStatistic s = new SpearmanStatistic(new double[] {1, 2, 3}, new double[] {1, 3, 2});
    assertEquals(1.0, s.value(new int[] {2, 0, 1}), 1e-12);
    // all three once: ranks (1, 2, 3) vs (1, 3, 2) -> 1 - 6 * 2 / (3 * 8) = 0.5
    assertEquals(0.5, s.observed(), 1e-12);
  }

  @Test
  void randomResamplesMatchTheExpandedSpearman() {
    long seed = System.nanoTime();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rng.nextInt(30);
      double[] x = new double[n];
      double[] g = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextInt(6) / 2.0; // many ties
        g[i] = rng.nextInt(5);
      }
      int[] counts = new int[n];
      for (int i = 0; i < n; i++) {
        counts[rng.nextInt(n)]++;
      }
      double[] ex = new double[n];
      double[] eg = new double[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < counts[i]; c++) {
          ex[k] = x[i];
          eg[k++] = g[i];
        }
      }
      double expected = new Spearman().compute(ex, eg);
      double actual = new SpearmanStatistic(x, g).value(counts);
      String where = "seed " + seed + " trial " + trial + " x=" + Arrays.toString(x) + " counts="
          + Arrays.toString(counts);
      if (Double.isNaN(expected)) {
        assertEquals(Double.NaN, actual, where);
      } else {
        assertEquals(expected, actual, 1e-12, where);
      }
    }
  }
}
