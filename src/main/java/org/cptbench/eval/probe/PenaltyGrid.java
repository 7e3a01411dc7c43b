package org.cptbench.eval.probe;

import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;

/**
 * The candidate inverse penalties {@code C} searched by a probe, in search order (ties go to the earlier one).
 *
 * <p>SentEval's scikit-learn grids ({@code senteval/tools/validation.py}):
 *
 * <ul>
 *   <li>{@link #SENTEVAL_INNER}: {@code [2**t for t in range(-2, 4, 1)]} = {0.25, 0.5, 1, 2, 4, 8}, used by
 *       {@code InnerKFoldClassifier} (MR, CR, SUBJ, MPQA) and {@code SplitClassifier} (SST-2).
 *   <li>{@link #SENTEVAL_KFOLD}: {@code [2**t for t in range(-1, 6, 1)]} = {0.5, 1, 2, 4, 8, 16, 32}, used by
 *       {@code KFoldClassifier} (TREC, MRPC).
 *   <li>{@link #SENTEVAL_PYTORCH}: {@code [10**t for t in range(-5, -1)]} = {1e-5, 1e-4, 1e-3, 1e-2}, the weight
 *       decays of the PyTorch path ({@link ProbeProtocol#SENTEVAL_PYTORCH}) for all three classifiers.
 * </ul>
 *
 * <p>Mapping to Smile: scikit-learn's {@code LogisticRegression(C)} (lbfgs) minimises {@code C * sum_i
 * logloss_i + ||w||^2 / 2} (intercept not penalised); Smile's {@code LogisticRegression.BinomialObjective}
 * minimises {@code sum_i logloss_i + lambda/2 * ||w||^2} (bias not penalised). Dividing the first by {@code C}
 * gives the second with {@code lambda = 1 / C}: same minimiser.
 *
 * @param cs the candidate {@code C} values, each finite and {@code > 0}, no duplicates
 */
public record PenaltyGrid(List<Double> cs) {
  /** SentEval {@code InnerKFoldClassifier} / {@code SplitClassifier} grid: 2^-2 .. 2^3. */
  public static final PenaltyGrid SENTEVAL_INNER = powersOfTwo(-2, 3);

  /** SentEval {@code KFoldClassifier} grid: 2^-1 .. 2^5. */
  public static final PenaltyGrid SENTEVAL_KFOLD = powersOfTwo(-1, 5);

  /** SentEval's PyTorch-path grid of weight decays: 1e-5 .. 1e-2. */
  public static final PenaltyGrid SENTEVAL_PYTORCH = new PenaltyGrid(List.of(1e-5, 1e-4, 1e-3, 1e-2));

  public PenaltyGrid {
    if (cs == null || cs.isEmpty()) {
      throw new CptbenchException("penalty grid: no C values (need at least 1 value > 0)");
    }
    cs = List.copyOf(cs);
    for (int i = 0; i < cs.size(); i++) {
      double c = cs.get(i);
      if (!(c > 0) || !Double.isFinite(c)) {
        throw new CptbenchException("penalty grid: C = " + c + " at position " + i + " (must be finite and > 0)");
      }
      if (cs.indexOf(c) != i) {
        throw new CptbenchException("penalty grid: C = " + c + " appears twice");
      }
    }
  }

  /** {@code 2^from, 2^(from+1), ..., 2^to}, both ends included. */
  public static PenaltyGrid powersOfTwo(int from, int to) {
    if (to < from) {
      throw new CptbenchException("penalty grid: exponent range " + from + ".." + to + " is empty");
    }
    List<Double> cs = new ArrayList<>();
    for (int t = from; t <= to; t++) {
      cs.add(Math.scalb(1.0, t));
    }
    return new PenaltyGrid(cs);
  }

  /** Smile's L2 factor for scikit-learn's {@code C}: {@code lambda = 1 / C} (see the class comment). */
  public static double lambda(double c) {
    return 1.0 / c;
  }

  public int size() {
    return cs.size();
  }

  public double get(int i) {
    return cs.get(i);
  }

  /** For definitions: {@code {0.25, 0.5, 1, 2, 4, 8}}. */
  public String describe() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < cs.size(); i++) {
      double c = cs.get(i);
      sb.append(i == 0 ? "" : ", ").append(c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c));
    }
    return sb.append('}').toString();
  }
}
