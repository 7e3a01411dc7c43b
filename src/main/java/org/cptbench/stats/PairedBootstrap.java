package org.cptbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paired bootstrap over test items (Efron and Tibshirani 1993, ch. 16; Koehn 2004 and Sakai 2014 for IR and NLP
 * evaluation), extended to several training seeds by a two-level (hierarchical) bootstrap (Davison and Hinkley 1997,
 * sec. 3.8; Saravanan et al. 2020).
 *
 * <p>One resample: (1) draw, with replacement, as many seeds of A as A has and, independently, as many of B as B
 * has (seeds are independent restarts; with one seed per side this step is the identity); (2) for every task, draw
 * its test items with replacement within each stratum (the fold of a cross-validated probe, else the whole test
 * set), the same draw for A and B (items are paired); (3) recompute each drawn seed's metric on the drawn items
 * ({@link ItemStatistic}: a mean of per-item scores, or Spearman recomputed from ranks) and average over the drawn
 * seeds; (4) the resample's effect is the mean over tasks of A minus B. The interval is the percentile interval of
 * the resampled effects (type-7 quantiles, as {@code scipy.stats.bootstrap(method="percentile")}). The two-sided
 * p-value is {@code min(1, 2 min(1 + #{d* <= 0}, 1 + #{d* >= 0}) / (R + 1))}: twice the smaller bootstrap tail
 * beyond zero with the +1 correction of Davison and Hinkley (eq. 4.11), so it falls below 1 - confidence exactly
 * when zero lies outside the percentile interval (up to that correction). All draws come from one {@link
 * SplittableRandom} seeded with {@link #seed}: the same inputs and seed give the same numbers.
 *
 * @param resamples number of bootstrap resamples (at least 1,000; 10,000 by default)
 * @param seed the random seed
 * @param confidence coverage of the interval, e.g. 0.95
 */
public record PairedBootstrap(int resamples, long seed, double confidence) {
  public static final int DEFAULT_RESAMPLES = 10_000;
  public static final double DEFAULT_CONFIDENCE = 0.95;

  public PairedBootstrap {
    if (resamples < 1000) {
      throw new IllegalArgumentException("resamples: " + resamples + "; allowed: at least 1000");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence: " + confidence + "; allowed: strictly between 0 and 1");
    }
  }

  /** 10,000 resamples, 95 % interval. */
  public static PairedBootstrap defaults(long seed) {
    return new PairedBootstrap(DEFAULT_RESAMPLES, seed, DEFAULT_CONFIDENCE);
  }

  public static final String METHOD =
      "paired bootstrap over test items (within folds for cross-validated probes), seeds resampled first when"
          + " there are several (two-level bootstrap); percentile interval (type-7 quantiles); two-sided p ="
          + " min(1, 2 min(1 + #{d* <= 0}, 1 + #{d* >= 0}) / (R + 1))";

  /** Compares A and B on one task. */
  public Comparison compare(TaskSample task) {
    return compare(List.of(task));
  }

  /** Compares A and B on a task group: the effect is the unweighted mean of the per-task effects. */
  public Comparison compare(List<TaskSample> tasks) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("no tasks to compare");
    }
    int seedsA = tasks.getFirst().a().size();
    int seedsB = tasks.getFirst().b().size();
    for (TaskSample t : tasks) {
      if (t.a().size() != seedsA || t.b().size() != seedsB) {
        throw new IllegalArgumentException("task " + t.task() + " has " + t.a().size() + " + " + t.b().size()
            + " seeds, task " + tasks.getFirst().task() + " " + seedsA + " + " + seedsB
            + "; every task of a group needs the same seeds");
      }
    }
    int k = tasks.size();
    // observed values: per task, per seed
    double[][] obsA = new double[k][seedsA];
    double[][] obsB = new double[k][seedsB];
    double effect = 0;
    double meanA = 0;
    double meanB = 0;
    for (int t = 0; t < k; t++) {
      TaskSample ts = tasks.get(t);
      for (int s = 0; s < seedsA; s++) {
        obsA[t][s] = ts.a().get(s).observed();
      }
      for (int s = 0; s < seedsB; s++) {
        obsB[t][s] = ts.b().get(s).observed();
      }
      double ma = mean(obsA[t]);
      double mb = mean(obsB[t]);
      meanA += ma / k;
      meanB += mb / k;
      effect += (ma - mb) / k;
    }
    double[] seedMeansA = new double[seedsA];
    double[] seedMeansB = new double[seedsB];
    for (int t = 0; t < k; t++) {
      for (int s = 0; s < seedsA; s++) {
        seedMeansA[s] += obsA[t][s] / k;
      }
      for (int s = 0; s < seedsB; s++) {
        seedMeansB[s] += obsB[t][s] / k;
      }
    }

    List<int[][]> members = new ArrayList<>(k);
    for (TaskSample t : tasks) {
      members.add(t.strataMembers());
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] d = new double[resamples];
    int kept = 0;
    int[] drawA = new int[seedsA];
    int[] drawB = new int[seedsB];
    for (int r = 0; r < resamples; r++) {
      for (int s = 0; s < seedsA; s++) {
        drawA[s] = seedsA == 1 ? 0 : rng.nextInt(seedsA);
      }
      for (int s = 0; s < seedsB; s++) {
        drawB[s] = seedsB == 1 ? 0 : rng.nextInt(seedsB);
      }
      double e = 0;
      for (int t = 0; t < k; t++) {
        TaskSample ts = tasks.get(t);
        int[] counts = drawCounts(members.get(t), ts.items(), rng);
        double a = 0;
        for (int s : drawA) {
          a += ts.a().get(s).value(counts);
        }
        double b = 0;
        for (int s : drawB) {
          b += ts.b().get(s).value(counts);
        }
        e += (a / seedsA - b / seedsB) / k;
      }
      if (!Double.isNaN(e)) {
        d[kept++] = e;
      }
    }
    if (kept == 0) {
      throw new IllegalArgumentException("every bootstrap resample gave an undefined effect (constant samples?)");
    }
    double[] sorted = Arrays.copyOf(d, kept);
    Arrays.sort(sorted);
    double alpha = 1 - confidence;
    double lo = Percentile.ofSorted(sorted, alpha / 2);
    double hi = Percentile.ofSorted(sorted, 1 - alpha / 2);
    long atMost0 = 0;
    long atLeast0 = 0;
    double sum = 0;
    for (double x : sorted) {
      if (x <= 0) {
        atMost0++;
      }
      if (x >= 0) {
        atLeast0++;
      }
      sum += x;
    }
    double p = Math.min(1.0, 2.0 * Math.min(1 + atMost0, 1 + atLeast0) / (kept + 1.0));
    double m = sum / kept;
    double ss = 0;
    for (double x : sorted) {
      ss += (x - m) * (x - m);
    }
    double se = kept > 1 ? Math.sqrt(ss / (kept - 1)) : 0;
    List<String> names = tasks.stream().map(TaskSample::task).toList();
    int[] items = tasks.stream().mapToInt(TaskSample::items).toArray();
    return new Comparison(names, effect, lo, hi, confidence, p, se, meanA, meanB, seedMeansA, seedMeansB, items,
        resamples, resamples - kept, seed, METHOD);
  }

  /** Multiplicities of one stratified resample with replacement. */
  static int[] drawCounts(int[][] strata, int n, SplittableRandom rng) {
    int[] counts = new int[n];
    for (int[] members : strata) {
      for (int j = 0; j < members.length; j++) {
        counts[members[rng.nextInt(members.length)]]++;
      }
    }
    return counts;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
