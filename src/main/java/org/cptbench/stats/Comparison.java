package org.cptbench.stats;

import java.util.List;

/**
 * The paired comparison of configuration A against B on a task group (see {@link PairedBootstrap}).
 *
 * @param tasks the tasks compared; the effect is the unweighted mean of the per-task effects
 * @param effect observed effect: mean over tasks of (A's metric - B's metric), each side averaged over its seeds
 * @param ciLow lower end of the percentile interval of the bootstrap effects
 * @param ciHigh upper end
 * @param confidence the interval's coverage (0.95)
 * @param pValue two-sided bootstrap p-value for "no effect" (definition in {@link PairedBootstrap})
 * @param standardError standard deviation of the bootstrap effects
 * @param meanA A's metric, mean over tasks and seeds
 * @param meanB B's metric, mean over tasks and seeds
 * @param seedMeansA A's metric per seed (mean over tasks), the seed spread
 * @param seedMeansB B's metric per seed (mean over tasks)
 * @param items test items per task
 * @param resamples bootstrap resamples drawn
 * @param undefined resamples whose effect was undefined (e.g. a constant Spearman sample) and were dropped
 * @param seed the bootstrap's random seed
 * @param method how the interval and p-value were computed
 */
public record Comparison(
    List<String> tasks,
    double effect,
    double ciLow,
    double ciHigh,
    double confidence,
    double pValue,
    double standardError,
    double meanA,
    double meanB,
    double[] seedMeansA,
    double[] seedMeansB,
    int[] items,
    int resamples,
    int undefined,
    long seed,
    String method) {
  public Comparison {
    tasks = List.copyOf(tasks);
    seedMeansA = seedMeansA.clone();
    seedMeansB = seedMeansB.clone();
    items = items.clone();
  }

  /** Sample standard deviation of A's per-seed metric (NaN with one seed). */
  public double seedSpreadA() {
    return sampleStd(seedMeansA);
  }

  /** Sample standard deviation of B's per-seed metric (NaN with one seed). */
  public double seedSpreadB() {
    return sampleStd(seedMeansB);
  }

  static double sampleStd(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (v.length - 1));
  }
}
