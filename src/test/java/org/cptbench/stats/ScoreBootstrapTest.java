package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreBootstrapTest {
  private static double[] bernoulli(int n, int ones) {
    double[] v = new double[n];
    for (int i = 0; i < ones; i++) {
      v[i] = 1;
    }
    return v;
  }

  /**
   * 400 items, half correct: the bootstrap distribution of the mean is close to normal with standard error
   * sqrt(0.25 / 400) = 0.025, so the 95 % percentile interval is about 0.5 -+ 1.96 * 0.025 = [0.451, 0.549].
   */
  @Test
  void intervalOfAMeanMatchesTheNormalApproximation() {
    ScoreBootstrap.Interval i = new ScoreBootstrap(10_000, 13, 0.95)
        .interval(List.of(ScoreBootstrap.Task.of(new MeanScore(bernoulli(400, 200)))));
    assertEquals(0.5, i.observed(), 1e-12);
    assertEquals(0.451, i.low(), 0.006);
    assertEquals(0.549, i.high(), 0.006);
  }

  /** Two tasks: the score is their mean, and a constant task adds no width (half the other task's width). */
  @Test
  void theScoreOfAGroupIsTheMeanOverTasks() {
    ScoreBootstrap b = new ScoreBootstrap(5_000, 7, 0.95);
    ScoreBootstrap.Task varying = ScoreBootstrap.Task.of(new MeanScore(bernoulli(400, 200)));
    ScoreBootstrap.Task constant = ScoreBootstrap.Task.of(new MeanScore(bernoulli(50, 50)));
    ScoreBootstrap.Interval one = b.interval(List.of(varying));
    ScoreBootstrap.Interval two = b.interval(List.of(varying, constant));
    assertEquals(0.75, two.observed(), 1e-12);
    assertEquals((one.high() - one.low()) / 2, two.high() - two.low(), 0.01);
    assertTrue(two.low() < 0.75 && two.high() > 0.75);
    // same seed, same numbers
    assertEquals(two, b.interval(List.of(varying, constant)));
  }

  /** Within folds: fold 0 all correct keeps the fold mean at 1 in every resample, so the score never drops below 0.5. */
  @Test
  void foldsAreResampledWithinThemselves() {
    double[] scores = {1, 1, 1, 0, 0, 0};
    int[] folds = {0, 0, 1, 1, 1, 1};
    ScoreBootstrap.Interval i = new ScoreBootstrap(5_000, 1, 0.95)
        .interval(List.of(new ScoreBootstrap.Task(new FoldMeanScore(scores, folds), folds)));
    assertEquals(0.625, i.observed(), 1e-12);
    assertTrue(i.low() >= 0.5, "low " + i.low());
    assertTrue(i.high() <= 1.0 && i.high() > i.observed(), "high " + i.high());
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ScoreBootstrap(10, 1, 0.95));
    assertThrows(IllegalArgumentException.class, () -> new ScoreBootstrap(1000, 1, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new ScoreBootstrap.Task(new MeanScore(new double[] {1, 0}),
        new int[] {0}));
  }
}
