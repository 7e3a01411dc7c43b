package org.cptbench.eval.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;

/**
 * Stratified k-fold split with shuffling, following scikit-learn's {@code StratifiedKFold(n_splits=k,
 * shuffle=True, random_state=seed)} ({@code sklearn/model_selection/_split.py}, {@code _make_test_folds}, since
 * 0.22), which SentEval uses for its outer and inner folds:
 *
 * <ol>
 *   <li>Classes are numbered in order of first appearance in {@code y}.
 *   <li>The class-sorted label list is dealt round-robin to the {@code k} folds; {@code allocation[f][c]} is how
 *       many samples of class {@code c} fold {@code f} gets (so fold sizes and per-class counts differ by at most
 *       one).
 *   <li>For each class in turn, the list of fold ids {@code [0]*allocation[0][c] + [1]*allocation[1][c] + ...} is
 *       shuffled (Fisher-Yates, one generator for all classes) and handed to that class's samples in index order.
 * </ol>
 *
 * <p>Fold {@code f}'s test set is the samples with fold id {@code f}, its training set all the others, both in
 * increasing index order. The random stream is {@link SplittableRandom}{@code (seed)}, not numpy's MT19937, so the
 * fold membership differs from scikit-learn's for the same seed; sizes and class proportions are the same.
 */
public final class StratifiedFolds {
  private StratifiedFolds() {}

  /** One split: indices into the labels given to {@link #split}. */
  public record Fold(int[] train, int[] test) {}

  /**
   * The fold id (0..k-1) of every sample.
   *
   * @throws CptbenchException when {@code k < 2} or every class has fewer than {@code k} samples (scikit-learn's
   *     error; a class smaller than {@code k} is allowed and simply misses some test folds)
   */
  public static int[] assign(int[] y, int k, long seed) {
    if (k < 2) {
      throw new CptbenchException("stratified folds: k = " + k + " (must be >= 2)");
    }
    Map<Integer, Integer> classOf = new LinkedHashMap<>();
    int[] enc = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      enc[i] = classOf.computeIfAbsent(y[i], label -> classOf.size());
    }
    int nClasses = classOf.size();
    int[] counts = new int[nClasses];
    for (int e : enc) {
      counts[e]++;
    }
    if (Arrays.stream(counts).allMatch(c -> c < k)) {
      throw new CptbenchException(
          "stratified folds: k = " + k + " cannot be greater than the number of members in each class (class sizes "
              + Arrays.toString(counts) + ", " + y.length + " samples)");
    }
    int[] sorted = enc.clone();
    Arrays.sort(sorted);
    int[][] allocation = new int[k][nClasses];
    for (int i = 0; i < sorted.length; i++) {
      allocation[i % k][sorted[i]]++;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] folds = new int[y.length];
    for (int c = 0; c < nClasses; c++) {
      int[] ids = new int[counts[c]];
      for (int f = 0, pos = 0; f < k; f++) {
        for (int j = 0; j < allocation[f][c]; j++) {
          ids[pos++] = f;
        }
      }
      for (int i = ids.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
      }
      for (int i = 0, pos = 0; i < y.length; i++) {
        if (enc[i] == c) {
          folds[i] = ids[pos++];
        }
      }
    }
    return folds;
  }

  /** The {@code k} train/test splits, fold 0 first. */
  public static List<Fold> split(int[] y, int k, long seed) {
    int[] folds = assign(y, k, seed);
    int[] sizes = new int[k];
    for (int f : folds) {
      sizes[f]++;
    }
    List<Fold> out = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int[] test = new int[sizes[f]];
      int[] train = new int[y.length - sizes[f]];
      for (int i = 0, a = 0, b = 0; i < y.length; i++) {
        if (folds[i] == f) {
          test[a++] = i;
        } else {
          train[b++] = i;
        }
      }
      out.add(new Fold(train, test));
    }
    return out;
  }
}
