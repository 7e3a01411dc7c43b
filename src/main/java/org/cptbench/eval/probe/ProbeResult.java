package org.cptbench.eval.probe;

import java.util.List;
import org.cptbench.CptbenchException;

/**
 * The outcome of one probe task.
 *
 * @param accuracy test accuracy as a fraction in [0, 1]: the mean of {@code foldAccuracies} (cross-validation:
 *     mean over outer folds, as SentEval's {@code InnerKFoldClassifier}; split tasks: the one test accuracy)
 * @param devAccuracy validation accuracy of the chosen {@code C}, a fraction (mean over folds of the inner
 *     cross-validation accuracy, or the dev-set accuracy for SST-2); SentEval's {@code devacc}
 * @param foldAccuracies test accuracy of each outer fold (one entry for split tasks), fractions
 * @param chosenPenalties the {@code C} chosen for each entry of {@code foldAccuracies}
 * @param nTrain training rows (cross-validation: all rows, each used for training in k-1 folds)
 * @param nTest test rows (cross-validation: all rows, each tested once)
 * @param f1 F1 of class 1 on the test set as a fraction (MRPC, as SentEval's {@code f1_score}), or null
 * @param definition what was measured, in words
 * @param items the prediction for every test item, fold by fold (empty when not recorded); within each fold the
 *     fraction of correct items is that fold's entry of {@code foldAccuracies}
 */
public record ProbeResult(
    double accuracy,
    double devAccuracy,
    List<Double> foldAccuracies,
    List<Double> chosenPenalties,
    int nTrain,
    int nTest,
    Double f1,
    String definition,
    List<ProbeItem> items) {
  public ProbeResult {
    checkFraction("accuracy", accuracy);
    checkFraction("devAccuracy", devAccuracy);
    if (foldAccuracies == null || foldAccuracies.isEmpty()) {
      throw new CptbenchException("probe result: foldAccuracies is empty (need at least 1 fold)");
    }
    foldAccuracies = List.copyOf(foldAccuracies);
    foldAccuracies.forEach(a -> checkFraction("foldAccuracies entry", a));
    chosenPenalties = List.copyOf(chosenPenalties);
    if (chosenPenalties.size() != foldAccuracies.size()) {
      throw new CptbenchException(
          "probe result: " + chosenPenalties.size() + " chosenPenalties for " + foldAccuracies.size()
              + " folds (need one per fold)");
    }
    if (nTrain < 1 || nTest < 1) {
      throw new CptbenchException("probe result: nTrain = " + nTrain + ", nTest = " + nTest + " (both must be >= 1)");
    }
    if (f1 != null) {
      checkFraction("f1", f1);
    }
    if (definition == null || definition.isBlank()) {
      throw new CptbenchException("probe result: definition is blank");
    }
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** A result without per-item predictions. */
  public ProbeResult(
      double accuracy,
      double devAccuracy,
      List<Double> foldAccuracies,
      List<Double> chosenPenalties,
      int nTrain,
      int nTest,
      Double f1,
      String definition) {
    this(accuracy, devAccuracy, foldAccuracies, chosenPenalties, nTrain, nTest, f1, definition, List.of());
  }

  /**
   * The accuracy as SentEval prints it: each fold's accuracy as a percentage rounded to 2 decimals, their mean
   * rounded to 2 decimals ({@code round(np.mean([round(100*a, 2) ...]), 2)}, half to even as numpy).
   */
  public double sentevalPercent() {
    double sum = 0;
    for (double a : foldAccuracies) {
      sum += round2(100 * a);
    }
    return round2(sum / foldAccuracies.size());
  }

  /** numpy's {@code round(v, 2)}: {@code rint(v * 100) / 100}. */
  static double round2(double v) {
    return Math.rint(v * 100) / 100;
  }

  private static void checkFraction(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new CptbenchException("probe result: " + field + " = " + v + " (must be a fraction in [0, 1])");
    }
  }
}
