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
 * penalty of the grid ({@link ProbeOptions#innerGrid()}) is scored by the mean accuracy over an inner {@code
 * StratifiedFolds(k, seed)}; the best (see {@link PenaltySelection}) is refitted on the whole outer training part
 * (PyTorch path: early-stopped on a random 5 % of it) and tested on the outer test fold. The task accuracy is the
 * mean of the outer fold accuracies; SentEval reports {@link ProbeResult#sentevalPercent()}. SentEval seeds both
 * splits with 1111 regardless of its {@code seed} parameter; here both use {@link ProbeOptions#seed()} (default
 * 1111). Outer folds run in parallel on {@link ProbeOptions#threads()} threads; results do not depend on the thread
 * count.
 */
public final class CrossValidatedProbe {
  private CrossValidatedProbe() {}

  /** The SentEval protocol with its grid for {@link ProbeOptions#protocol()}. */
  public static ProbeResult run(double[][] x, int[] y, ProbeOptions options) {
    return run(x, y, options.innerGrid(), options);
  }

  /** One outer fold: test accuracy, chosen penalty, its inner accuracy, the predictions on the test part. */
  private record Outcome(double accuracy, double penalty, double innerAccuracy, List<ProbeItem> items) {}

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
    List<Callable<Outcome>> tasks = new ArrayList<>();
    for (int i = 0; i < folds.size(); i++) {
      int fold = i;
      tasks.add(() -> outerFold(x, y, fold, folds.get(fold), grid, options));
    }
    List<Outcome> results;
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
    List<ProbeItem> items = new ArrayList<>();
    double dev = 0;
    for (Outcome r : results) {
      acc.add(r.accuracy());
      cs.add(r.penalty());
      dev += r.innerAccuracy();
      items.addAll(r.items());
    }
    double mean = acc.stream().mapToDouble(Double::doubleValue).sum() / acc.size();
    return new ProbeResult(
        mean, dev / results.size(), acc, cs, y.length, y.length, null, definition(options, grid), items);
  }

  private static Outcome outerFold(
      double[][] x, int[] y, int fold, StratifiedFolds.Fold f, PenaltyGrid grid, ProbeOptions opt) {
    double[][] xTrain = Features.rows(x, f.train());
    int[] yTrain = Features.labels(y, f.train());
    PenaltySelection.Choice choice = PenaltySelection.byKFold(xTrain, yTrain, grid, opt, null);
    FittedProbe model = PenaltySelection.refit(xTrain, yTrain, choice.c(), opt);
    int[] test = f.test();
    int[] pred = model.predict(Features.rows(x, test));
    List<ProbeItem> items = new ArrayList<>(test.length);
    int correct = 0;
    for (int i = 0; i < test.length; i++) {
      ProbeItem item = new ProbeItem(fold, test[i], y[test[i]], pred[i]);
      correct += item.correct() ? 1 : 0;
      items.add(item);
    }
    return new Outcome((double) correct / test.length, choice.c(), choice.accuracy(), items);
  }

  /** The definition string of a run with these settings. */
  public static String definition(ProbeOptions opt, PenaltyGrid grid) {
    String p = opt.penaltyName();
    String common = "SentEval protocol (" + opt.protocol().id() + "): " + opt.folds() + "-fold CV, "
        + opt.describeClassifier() + ", " + p + " chosen by inner " + opt.folds() + "-fold from " + grid.describe();
    String fit = switch (opt.protocol()) {
      case SENTEVAL_SKLEARN -> " (warm-started along the grid)";
      case SENTEVAL_PYTORCH -> " (inner fits early-stopped on their inner test fold), final fit early-stopped on a"
          + " random 5 % of the outer training part";
    };
    return common + fit + "; stratified shuffled folds, seed " + opt.seed() + "; " + opt.describeFeatures()
        + "; accuracy = mean over outer folds of round(100 * fold accuracy, 2), rounded to 2 decimals (SentEval)";
  }
}
