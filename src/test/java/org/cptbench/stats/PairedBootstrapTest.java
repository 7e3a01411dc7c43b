package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-computed bootstrap distributions: small samples whose resampling distribution can be enumerated. */
class PairedBootstrapTest {
  static final int R = 20_000;
  static final PairedBootstrap BOOT = new PairedBootstrap(R, 7, 0.95);

  static MeanScore mean(double... v) {
    return new MeanScore(v);
  }

  @Test
  void twoItemsGiveTheThreePointDistribution() {
    // differences -1 and 3: the resampled mean is -1, 1 or 3 with probabilities 1/4, 1/2, 1/4
    Comparison c = BOOT.compare(TaskSample.paired("t", mean(0, 3), mean(1, 0)));
    assertEquals(1.0, c.effect(), 1e-12);
    assertEquals(-1.0, c.ciLow(), 1e-12); // P(-1) = 1/4 > 2.5 %
    assertEquals(3.0, c.ciHigh(), 1e-12);
    // p = 2 P(d* <= 0) = 2/4; Monte-Carlo SE of the tail with R = 20,000 is 0.003, so 0.02 is > 6 SE
    assertEquals(0.5, c.pValue(), 0.02);
    // SD of the bootstrap mean: sqrt(var{-1, 3} / 2) = sqrt(4 / 2)
    assertEquals(Math.sqrt(2), c.standardError(), 0.03);
  }

  @Test
  void threeItemsMatchTheEnumeratedDistribution() {
    // differences 0, 1, 5: 27 equally likely resamples; the mean is <= 0 only for (0,0,0): P = 1/27
    Comparison c = BOOT.compare(TaskSample.paired("t", mean(0, 1, 5), mean(0, 0, 0)));
    assertEquals(2.0, c.effect(), 1e-12);
    assertEquals(0.0, c.ciLow(), 1e-12); // P(min) = 1/27 = 3.7 % > 2.5 %
    assertEquals(5.0, c.ciHigh(), 1e-12); // P(max) = 1/27 as well
    assertEquals(2.0 / 27, c.pValue(), 0.01);
  }

  @Test
  void constantDifferenceHasAPointIntervalAndTheSmallestP() {
    Comparison c = BOOT.compare(TaskSample.paired("t", mean(0.3, 0.5, 0.9, 0.1), mean(0.2, 0.4, 0.8, 0.0)));
    assertEquals(0.1, c.effect(), 1e-12);
    assertEquals(0.1, c.ciLow(), 1e-12);
    assertEquals(0.1, c.ciHigh(), 1e-12);
    assertEquals(2.0 / (R + 1), c.pValue(), 1e-15);
  }

  @Test
  void identicalSystemsHaveNoEffect() {
    Comparison c = BOOT.compare(TaskSample.paired("t", mean(0.3, 0.5, 0.9), mean(0.3, 0.5, 0.9)));
    assertEquals(0, c.effect());
    assertEquals(0, c.ciLow());
    assertEquals(0, c.ciHigh());
    assertEquals(1.0, c.pValue());
  }

  @Test
  void sameSeedSameNumbersOtherSeedOtherDraws() {
    TaskSample t = TaskSample.paired("t", mean(0.1, 0.7, 0.4, 0.9, 0.2), mean(0.3, 0.2, 0.4, 0.5, 0.1));
    Comparison x = BOOT.compare(t);
    Comparison y = BOOT.compare(t);
    assertEquals(x.ciLow(), y.ciLow());
    assertEquals(x.ciHigh(), y.ciHigh());
    assertEquals(x.pValue(), y.pValue());
    Comparison z = new PairedBootstrap(R, 8, 0.95).compare(t);
    assertNotEquals(x.standardError(), z.standardError());
    assertEquals(x.standardError(), z.standardError(), 0.01);
  }

  @Test
  void seedsEnterTheInterval() {
    // no item noise at all: every item of A's seeds scores 0.6 resp. 0.8, B's 0.5. Resampling two seeds of A gives
    // a mean of 0.6, 0.7 or 0.8 (1/4, 1/2, 1/4), so the effect is 0.1, 0.2 or 0.3; an item-only bootstrap would
    // report the point interval [0.2, 0.2].
    List<ItemStatistic> a = List.of(mean(0.6, 0.6, 0.6), mean(0.8, 0.8, 0.8));
    List<ItemStatistic> b = List.of(mean(0.5, 0.5, 0.5), mean(0.5, 0.5, 0.5));
    Comparison c = BOOT.compare(TaskSample.seeded("t", a, b));
    assertEquals(0.2, c.effect(), 1e-12);
    assertEquals(0.1, c.ciLow(), 1e-12);
    assertEquals(0.3, c.ciHigh(), 1e-12);
    assertEquals(2.0 / (R + 1), c.pValue(), 1e-15);
    assertArrayEquals(new double[] {0.6, 0.8}, c.seedMeansA(), 1e-12);
    assertEquals(Math.sqrt(0.02), c.seedSpreadA(), 1e-12);
    assertEquals(0, c.seedSpreadB(), 1e-12);
  }

  @Test
  void aTaskGroupAveragesTheTaskEffects() {
    TaskSample t1 = TaskSample.paired("t1", mean(0.5, 0.5), mean(0.3, 0.3));
    TaskSample t2 = TaskSample.paired("t2", mean(0.2, 0.2, 0.2), mean(0.2, 0.2, 0.2));
    Comparison c = BOOT.compare(List.of(t1, t2));
    assertEquals(0.1, c.effect(), 1e-12);
    assertEquals(0.1, c.ciLow(), 1e-12);
    assertEquals(0.1, c.ciHigh(), 1e-12);
    assertEquals(List.of("t1", "t2"), c.tasks());
    assertArrayEquals(new int[] {2, 3}, c.items());
  }

  @Test
  void foldsKeepTheirSizeInEveryResample() {
    int[] folds = {0, 0, 0, 1, 1, 2};
    TaskSample t = TaskSample.folded("probe", List.of(new FoldMeanScore(new double[6], folds)),
        List.of(new FoldMeanScore(new double[6], folds)), folds);
    int[][] members = t.strataMembers();
    SplittableRandom rng = new SplittableRandom(3);
    for (int r = 0; r < 200; r++) {
      int[] counts = PairedBootstrap.drawCounts(members, 6, rng);
      assertEquals(3, counts[0] + counts[1] + counts[2]);
      assertEquals(2, counts[3] + counts[4]);
      assertEquals(1, counts[5]);
    }
  }

  @Test
  void foldMeanIsTheMeanOfFoldAccuracies() {
    // fold 0: 2 of 3 correct, fold 1: 1 of 1 -> (2/3 + 1) / 2, not 3/4
    FoldMeanScore s = new FoldMeanScore(new double[] {1, 1, 0, 1}, new int[] {0, 0, 0, 1});
    assertEquals((2.0 / 3 + 1) / 2, s.observed(), 1e-12);
    assertEquals((1.0 + 1) / 2, s.value(new int[] {3, 0, 0, 1}), 1e-12);
  }

  @Test
  void rejectsMismatchedItemsAndTooFewResamples() {
    assertThrows(IllegalArgumentException.class, () -> TaskSample.paired("t", mean(1, 2), mean(1, 2, 3)));
    assertThrows(IllegalArgumentException.class, () -> new PairedBootstrap(999, 1, 0.95));
    assertThrows(IllegalArgumentException.class, () -> new PairedBootstrap(1000, 1, 1.0));
    assertThrows(IllegalArgumentException.class, () -> mean(0.1, Double.NaN));
  }
}
