package org.cptbench.eval.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class CorrelationTest {

  @Test
  void averageRanksForTies() {
    assertArrayEquals(
        new double[] {1, 2.5, 2.5, 4, 5}, Spearman.averageRanks(new double[] {1, 2, 2, 3, 4}), 0.0);
    assertArrayEquals(
        new double[] {3, 1, 3, 3}, Spearman.averageRanks(new double[] {7, -1, 7, 7}), 0.0);
  }

  @Test
  void spearmanWithTiesMatchesHandComputation() {
    // ranks x: 1, 2.5, 2.5, 4, 5; ranks y: 2, 1, 3.5, 3.5, 5; both centred on 3:
    // sum dx*dy = 2 + 1 - 0.25 + 0.5 + 4 = 7.25, sum dx^2 = sum dy^2 = 9.5
    double rho = new Spearman().compute(new double[] {1, 2, 2, 3, 4}, new double[] {2, 1, 3, 3, 5});
    assertEquals(7.25 / 9.5, rho, 1e-15);
    assertEquals(1.0, new Spearman().compute(new double[] {3, 1, 2}, new double[] {30, 10, 20}), 1e-15);
    assertEquals(-1.0, new Spearman().compute(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
  }

  @Test
  void pearsonMatchesHandComputation() {
    // dx = -1.5, -0.5, 0.5, 1.5; dy = -3, -1, 0, 4: sxy = 11, sxx = 5, syy = 26
    double r = new Pearson().compute(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 9});
    assertEquals(11 / Math.sqrt(130), r, 1e-15);
  }

  @Test
  void constantSampleGivesNanAndBadInputIsRejected() {
    assertTrue(Double.isNaN(new Pearson().compute(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    assertTrue(Double.isNaN(new Spearman().compute(new double[] {1, 2, 3}, new double[] {5, 5, 5})));
    assertThrows(CptbenchException.class, () -> new Spearman().compute(new double[] {1, 2}, new double[] {1}));
    assertThrows(CptbenchException.class, () -> new Pearson().compute(new double[] {1}, new double[] {1}));
    assertThrows(
        CptbenchException.class, () -> new Pearson().compute(new double[] {1, Double.NaN}, new double[] {1, 2}));
  }

  @Test
  void accuracy() {
    assertEquals(0.75, new Accuracy().compute(new int[] {1, 0, 1, 1}, new int[] {1, 0, 0, 1}));
    assertThrows(CptbenchException.class, () -> new Accuracy().compute(new int[] {1}, new int[] {1, 0}));
  }
}
