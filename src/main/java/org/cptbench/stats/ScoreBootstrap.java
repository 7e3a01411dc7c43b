package org.cptbench.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval of one configuration's score on a test set (Efron and Tibshirani 1993, ch. 13): the
 * unweighted mean over tasks of each task's metric ({@link ItemStatistic}), every task's items drawn with replacement
 * within their strata (the folds of a cross-validated probe), independently per task; the interval is the type-7
 * percentile interval of the resampled scores ({@link Percentile}). It measures how much the score would move on
 * another sample of test items of the same size, not seed-to-seed variation. One {@link SplittableRandom} seeded
 * with {@link #seed} draws everything: the same inputs and seed give the same interval.
 *
 * @param resamples number of resamples (at least 100)
 * @param seed the random seed
 * @param confidence coverage of the interval, e.g. 0.95
 */
public record ScoreBootstrap(int resamples, long seed, double confidence) {
  public ScoreBootstrap {
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples: " + resamples + "; allowed: at least 100");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence: " + confidence + "; allowed: strictly between 0 and 1");
    }
  }

  /**
   * One task's metric with the resampling strata of its items.
   *
   * @param strata per item its stratum (all zeros for a plain test set, the fold for a cross-validated probe)
   */
  public record Task(ItemStatistic statistic, int[] strata) {
    public Task {
      Objects.requireNonNull(statistic, "statistic");
      Objects.requireNonNull(strata, "strata");
      if (strata.length != statistic.size()) {
        throw new IllegalArgumentException("strata cover " + strata.length + " items, the statistic "
            + statistic.size());
      }
      strata = strata.clone();
    }

    /** A plain test set: one stratum. */
    public static Task of(ItemStatistic statistic) {
      return new Task(statistic, new int[statistic.size()]);
    }
  }

  /**
   * The score on the observed items and its interval.
   *
   * @param observed the mean over tasks of each metric on the observed items
   * @param low lower end of the percentile interval
   * @param high upper end
   */
  public record Interval(double observed, double low, double high) {}

  /** The interval of the mean over {@code tasks} of their metrics. */
  public Interval interval(List<Task> tasks) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("no tasks");
    }
    int k = tasks.size();
    int[][][] members = new int[k][][];
    double observed = 0;
    for (int t = 0; t < k; t++) {
      Task task = tasks.get(t);
      members[t] = new TaskSample("task " + t, List.of(task.statistic()), List.of(task.statistic()), task.strata())
          .strataMembers();
      observed += task.statistic().observed() / k;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] scores = new double[resamples];
    int kept = 0;
    for (int r = 0; r < resamples; r++) {
      double s = 0;
      for (int t = 0; t < k; t++) {
        ItemStatistic stat = tasks.get(t).statistic();
        s += stat.value(PairedBootstrap.drawCounts(members[t], stat.size(), rng)) / k;
      }
      if (!Double.isNaN(s)) {
        scores[kept++] = s;
      }
    }
    if (kept == 0) {
      throw new IllegalArgumentException("every resample gave an undefined score (constant samples?)");
    }
    double[] sorted = Arrays.copyOf(scores, kept);
    Arrays.sort(sorted);
    double alpha = 1 - confidence;
    return new Interval(observed, Percentile.ofSorted(sorted, alpha / 2), Percentile.ofSorted(sorted, 1 - alpha / 2));
  }
}
