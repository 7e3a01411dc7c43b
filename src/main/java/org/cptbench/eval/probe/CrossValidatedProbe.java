package org.cptbench.eval.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.cptbench.CptbenchException;

/**
 * SentEval's {@code InnerKFoldClassifier} (MR, CR, SUBJ, MPQA): nested stratified k-fold cross-validation.
 *
 * <p>For each outer fold of {@code StratifiedFolds(k, seed)} over all samples: on the outer training part, every
 * {@code C} of the grid ({@link PenaltyGrid#SENTEVAL_INNER}, {0.25, ..., 8}) is scored by the mean accuracy over an
 * inner {@code StratifiedFolds(k, seed)}; the best (see {@link PenaltySelection}) is refitted on the whole outer
 * training part and tested on the outer test fold. The task accuracy is the mean of the outer fold accuracies.
 * SentEval seeds both splits with 1111 regardless of its {@code seed} parameter; here both use
 * {@link ProbeOptions#seed()} (default 1111). Outer folds run in parallel on {@link ProbeOptions#threads()}
 * threads; results do not depend on the thread count.
 */
public final class CrossValidatedProbe {
  private CrossValidatedProbe() {}

  /** The SentEval protocol with its grid {0.25, 0.5, 1, 2, 4, 8}. */
  public static ProbeResult run(double[][] x, int[] y, ProbeOptions options) {
    return run(x, y, PenaltyGrid.SENTEVAL_INNER, options);
  }

  /**
   * Nested cross-validation with the given grid.
   *
   * @throws CptbenchException on bad features, label count different from row count, a single class, or a class
   *     too small for the folds
   */
  public static ProbeResult run(double[][] x, int[] y, PenaltyGrid grid, ProbeOptions options) {
    Features.check("cross-validated probe features", x);
    Features.checkLabels("cross-validated probe", x, y);
    if (Arrays.stream(y).distinct().count() < 2) {
      throw new CptbenchException(
          "cross-validated probe: all " + y.length + " labels are " + y[0] + " (need at least 2 classes)");
    }
    List<StratifiedFolds.Fold> folds = StratifiedFolds.split(y, options.folds(), options.seed());
    List<Callable<double[]>> tasks = new ArrayList<>();
    for (StratifiedFolds.Fold f : folds) {
      tasks.add(() -> outerFold(x, y, f, grid, options));
    }
    List<double[]> results;
    ExecutorService pool = PenaltySelection.pool(options);
    try {
      results = PenaltySelection.runAll(tasks, pool);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    List<Double> acc = new ArrayList<>();
    List<Double> cs = new ArrayList<>();
    double dev = 0;
    for (double[] r : results) {
      acc.add(r[0]);
      cs.add(r[1]);
      dev += r[2];
    }
    double mean = acc.stream().mapToDouble(Double::doubleValue).sum() / acc.size();
    return new ProbeResult(
        mean, dev / results.size(), acc, cs, y.length, y.length, null, definition(options, grid));
  }

  /** {test accuracy, chosen C, inner accuracy of that C}. */
  private static double[] outerFold(
      double[][] x, int[] y, StratifiedFolds.Fold f, PenaltyGrid grid, ProbeOptions opt) {
    double[][] xTrain = Features.rows(x, f.train());
    int[] yTrain = Features.labels(y, f.train());
    PenaltySelection.Choice choice = PenaltySelection.byKFold(xTrain, yTrain, grid, opt, null);
    LinearProbe model = LinearProbe.fitChecked(xTrain, yTrain, choice.c(), opt);
    double acc = model.accuracy(Features.rows(x, f.test()), Features.labels(y, f.test()));
    return new double[] {acc, choice.c(), choice.accuracy()};
  }

  /** The definition string of a run with these settings. */
  public static String definition(ProbeOptions opt, PenaltyGrid grid) {
    return "SentEval protocol: " + opt.folds() + "-fold CV, L2 logistic regression (Smile), C chosen by inner "
        + opt.folds() + "-fold from " + grid.describe() + "; stratified shuffled folds, seed " + opt.seed()
        + (opt.standardize() ? ", standardised features" : ", raw features")
        + "; accuracy = mean over outer folds";
  }
}
