package org.cptbench.eval.probe;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.cptbench.CptbenchException;

/**
 * SentEval's probes for tasks with a fixed test set.
 *
 * <ul>
 *   <li>{@link #trainDevTest} (SST-2, {@code SplitClassifier}): each {@code C} of {@link PenaltyGrid#SENTEVAL_INNER}
 *       is fitted on train and scored on dev; the best model (fitted on train only, as SentEval) is scored on test.
 *   <li>{@link #trainTest} (TREC, {@code KFoldClassifier}): each {@code C} of {@link PenaltyGrid#SENTEVAL_KFOLD} is
 *       scored by stratified k-fold cross-validation on train; the best is refitted on all of train and scored on
 *       test.
 *   <li>{@link #pairs} (MRPC, {@code KFoldClassifier} on {@link PairFeatures}): as {@link #trainTest}, also
 *       reporting F1 of class 1 on test ({@code sklearn.metrics.f1_score} default).
 * </ul>
 *
 * <p>Candidate fits run in parallel on {@link ProbeOptions#threads()} threads; results do not depend on it.
 */
public final class SplitProbe {
  private SplitProbe() {}

  /** SST-2: {@code C} chosen on dev from {0.25, ..., 8}. */
  public static ProbeResult trainDevTest(
      double[][] xTrain,
      int[] yTrain,
      double[][] xDev,
      int[] yDev,
      double[][] xTest,
      int[] yTest,
      ProbeOptions options) {
    return trainDevTest(xTrain, yTrain, xDev, yDev, xTest, yTest, PenaltyGrid.SENTEVAL_INNER, options);
  }

  /** Train/dev/test with the given grid. */
  public static ProbeResult trainDevTest(
      double[][] xTrain,
      int[] yTrain,
      double[][] xDev,
      int[] yDev,
      double[][] xTest,
      int[] yTest,
      PenaltyGrid grid,
      ProbeOptions options) {
    checkTrain("split probe train", xTrain, yTrain);
    checkOther("split probe dev", xTrain, xDev, yDev);
    checkOther("split probe test", xTrain, xTest, yTest);
    PenaltySelection.Choice choice =
        withPool(options, pool -> PenaltySelection.byDev(xTrain, yTrain, xDev, yDev, grid, options, pool));
    double acc = choice.model().accuracy(xTest, yTest);
    String def = "SentEval protocol: train/dev/test split, L2 logistic regression (Smile), C chosen on dev from "
        + grid.describe() + features(options) + "; model fitted on train, accuracy on test";
    return new ProbeResult(
        acc, choice.accuracy(), List.of(acc), List.of(choice.c()), yTrain.length, yTest.length, null, def);
  }

  /** TREC: {@code C} chosen by stratified k-fold on train from {0.5, ..., 32}. */
  public static ProbeResult trainTest(
      double[][] xTrain, int[] yTrain, double[][] xTest, int[] yTest, ProbeOptions options) {
    return trainTest(xTrain, yTrain, xTest, yTest, PenaltyGrid.SENTEVAL_KFOLD, options);
  }

  /** Train/test with {@code C} chosen by k-fold cross-validation on train from the given grid. */
  public static ProbeResult trainTest(
      double[][] xTrain, int[] yTrain, double[][] xTest, int[] yTest, PenaltyGrid grid, ProbeOptions options) {
    return trainTest(xTrain, yTrain, xTest, yTest, grid, options, "", false);
  }

  /**
   * MRPC: pair features of {@code layout} ({@link PairFeatures.Layout#SENTEVAL_MRPC} is SentEval's), then
   * {@link #trainTest} with {0.5, ..., 32}; also F1 of label 1 (labels must be 0/1).
   */
  public static ProbeResult pairs(
      double[][] uTrain,
      double[][] vTrain,
      int[] yTrain,
      double[][] uTest,
      double[][] vTest,
      int[] yTest,
      PairFeatures.Layout layout,
      ProbeOptions options) {
    for (int[] y : new int[][] {yTrain, yTest}) {
      for (int i = 0; y != null && i < y.length; i++) {
        if (y[i] != 0 && y[i] != 1) {
          throw new CptbenchException(
              "pair probe: label " + y[i] + " at row " + i + " (paraphrase labels must be 0 or 1)");
        }
      }
    }
    double[][] train = PairFeatures.build(uTrain, vTrain, layout);
    double[][] test = PairFeatures.build(uTest, vTest, layout);
    return trainTest(
        train, yTrain, test, yTest, PenaltyGrid.SENTEVAL_KFOLD, options, "; pair features " + layout.formula(), true);
  }

  private static ProbeResult trainTest(
      double[][] xTrain,
      int[] yTrain,
      double[][] xTest,
      int[] yTest,
      PenaltyGrid grid,
      ProbeOptions options,
      String extra,
      boolean withF1) {
    checkTrain("split probe train", xTrain, yTrain);
    checkOther("split probe test", xTrain, xTest, yTest);
    PenaltySelection.Choice choice =
        withPool(options, pool -> PenaltySelection.byKFold(xTrain, yTrain, grid, options, pool));
    LinearProbe model = LinearProbe.fitChecked(xTrain, yTrain, choice.c(), options);
    int[] pred = model.predict(xTest);
    int correct = 0;
    for (int i = 0; i < pred.length; i++) {
      correct += pred[i] == yTest[i] ? 1 : 0;
    }
    double acc = (double) correct / pred.length;
    String def = "SentEval protocol: train/test split, L2 logistic regression (Smile), C chosen by "
        + options.folds() + "-fold CV on train from " + grid.describe() + " (stratified shuffled folds, seed "
        + options.seed() + ")" + features(options) + extra + "; refitted on all of train, accuracy"
        + (withF1 ? " and F1 of class 1" : "") + " on test";
    return new ProbeResult(
        acc,
        choice.accuracy(),
        List.of(acc),
        List.of(choice.c()),
        yTrain.length,
        yTest.length,
        withF1 ? f1(pred, yTest) : null,
        def);
  }

  /** F1 of label 1: {@code 2 tp / (2 tp + fp + fn)}, 0 when there is no true or predicted positive. */
  static double f1(int[] pred, int[] gold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < pred.length; i++) {
      if (pred[i] == 1 && gold[i] == 1) {
        tp++;
      } else if (pred[i] == 1) {
        fp++;
      } else if (gold[i] == 1) {
        fn++;
      }
    }
    return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  private static String features(ProbeOptions opt) {
    return opt.standardize() ? "; standardised features" : "; raw features";
  }

  private static void checkTrain(String name, double[][] x, int[] y) {
    Features.check(name + " features", x);
    Features.checkLabels(name, x, y);
    if (Arrays.stream(y).distinct().count() < 2) {
      throw new CptbenchException(name + ": all " + y.length + " labels are " + y[0] + " (need at least 2 classes)");
    }
  }

  private static void checkOther(String name, double[][] train, double[][] x, int[] y) {
    Features.check(name + " features", x);
    Features.checkLabels(name, x, y);
    Features.checkSameWidth(name, train, x);
  }

  private static <T> T withPool(ProbeOptions options, Function<ExecutorService, T> body) {
    ExecutorService pool = PenaltySelection.pool(options);
    try {
      return body.apply(pool);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }
}
