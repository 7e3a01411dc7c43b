package org.cptbench.eval.probe;

import java.util.ArrayList;
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
 * <p>With {@link ProbeProtocol#SENTEVAL_PYTORCH} the grid is {@link PenaltyGrid#SENTEVAL_PYTORCH}, fits on train
 * are early-stopped on dev (SST-2) or on the scored fold (k-fold), and the k-fold refit on a random 5 % of train.
 *
 * <p>Candidate fits run in parallel on {@link ProbeOptions#threads()} threads; results do not depend on it.
 */
public final class SplitProbe {
  private SplitProbe() {}

  /** SST-2: the penalty chosen on dev from {@link ProbeOptions#innerGrid()} ({0.25, ..., 8} for scikit-learn). */
  public static ProbeResult trainDevTest(
      double[][] xTrain,
      int[] yTrain,
      double[][] xDev,
      int[] yDev,
      double[][] xTest,
      int[] yTest,
      ProbeOptions options) {
    return trainDevTest(xTrain, yTrain, xDev, yDev, xTest, yTest, options.innerGrid(), options);
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
    int[] pred = choice.model().predict(xTest);
    double acc = accuracy(pred, yTest);
    String def = "SentEval protocol (" + options.protocol().id() + "): train/dev/test split, "
        + options.describeClassifier() + ", " + options.penaltyName() + " chosen on dev from " + grid.describe()
        + (options.protocol() == ProbeProtocol.SENTEVAL_PYTORCH ? " (fits early-stopped on dev)" : "") + "; "
        + options.describeFeatures() + "; model fitted on train, accuracy on test" + ROUNDING;
    return new ProbeResult(
        acc, choice.accuracy(), List.of(acc), List.of(choice.c()), yTrain.length, yTest.length, null, def,
        items(pred, yTest));
  }

  /**
   * TREC: the penalty chosen by stratified k-fold on train from {@link ProbeOptions#kfoldGrid()} ({0.5, ..., 32}
   * for scikit-learn).
   */
  public static ProbeResult trainTest(
      double[][] xTrain, int[] yTrain, double[][] xTest, int[] yTest, ProbeOptions options) {
    return trainTest(xTrain, yTrain, xTest, yTest, options.kfoldGrid(), options);
  }

  /** Train/test with {@code C} chosen by k-fold cross-validation on train from the given grid. */
  public static ProbeResult trainTest(
      double[][] xTrain, int[] yTrain, double[][] xTest, int[] yTest, PenaltyGrid grid, ProbeOptions options) {
    return trainTest(xTrain, yTrain, xTest, yTest, grid, options, "", false);
  }

  /**
   * MRPC: pair features of {@code layout} ({@link PairFeatures.Layout#SENTEVAL_MRPC} is SentEval's), then
   * {@link #trainTest} with {@link ProbeOptions#kfoldGrid()}; also F1 of label 1 (labels must be 0/1).
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
        train, yTrain, test, yTest, options.kfoldGrid(), options, "; pair features " + layout.formula(), true);
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
    FittedProbe model = PenaltySelection.refit(xTrain, yTrain, choice.c(), options);
    int[] pred = model.predict(xTest);
    double acc = accuracy(pred, yTest);
    boolean adam = options.protocol() == ProbeProtocol.SENTEVAL_PYTORCH;
    String def = "SentEval protocol (" + options.protocol().id() + "): train/test split, "
        + options.describeClassifier() + ", " + options.penaltyName() + " chosen by " + options.folds()
        + "-fold CV on train from " + grid.describe() + " (stratified shuffled folds, seed " + options.seed()
        + (adam ? "; fits early-stopped on the scored fold" : "; warm-started along the grid") + "); "
        + options.describeFeatures() + extra + "; refitted on all of train"
        + (adam ? " (early-stopped on a random 5 % of it)" : "") + ", accuracy"
        + (withF1 ? " and F1 of class 1" : "") + " on test" + ROUNDING;
    return new ProbeResult(
        acc,
        choice.accuracy(),
        List.of(acc),
        List.of(choice.c()),
        yTrain.length,
        yTest.length,
        withF1 ? f1(pred, yTest) : null,
        def,
        items(pred, yTest));
  }

  private static final String ROUNDING = ", as round(100 * accuracy, 2) (SentEval)";

  private static double accuracy(int[] pred, int[] gold) {
    int correct = 0;
    for (int i = 0; i < pred.length; i++) {
      correct += pred[i] == gold[i] ? 1 : 0;
    }
    return (double) correct / pred.length;
  }

  /** One item per test row, fold 0. */
  private static List<ProbeItem> items(int[] pred, int[] gold) {
    List<ProbeItem> out = new ArrayList<>(pred.length);
    for (int i = 0; i < pred.length; i++) {
      out.add(new ProbeItem(0, i, gold[i], pred[i]));
    }
    return out;
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
