package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HolmBonferroniTest {
  @Test
  void handComputedStepDown() {
    // sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> raised to 0.06 (monotone)
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
        HolmBonferroni.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
  }

  @Test
  void capsAtOneAndKeepsASingleP() {
    assertArrayEquals(new double[] {1.0, 1.0, 0.6}, HolmBonferroni.adjust(new double[] {0.5, 0.9, 0.2}), 1e-12);
    assertArrayEquals(new double[] {0.04}, HolmBonferroni.adjust(new double[] {0.04}), 1e-12);
  }

  @Test
  void rejectsNonProbabilities() {
    assertThrows(IllegalArgumentException.class, () -> HolmBonferroni.adjust(new double[] {0.1, 1.2}));
  }
}
