package org.cptbench.eval.probe;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;

/**
 * SentEval's PyTorch classifier with {@code nhid=0} ({@code senteval/tools/classifier.py}, {@code MLP} on
 * {@code PyTorchClassifier}), the configuration its README recommends: {@code {'nhid': 0, 'optim': 'adam',
 * 'batch_size': 64, 'tenacity': 5, 'epoch_size': 4}}, {@code max_epoch} 200.
 *
 * <ul>
 *   <li>Model: {@code nn.Linear(p, k)} ({@code k} = number of classes, also 2 for binary tasks), PyTorch's default
 *       initialisation: weights and biases uniform in {@code [-1/sqrt(p), 1/sqrt(p)]}.
 *   <li>Loss: {@code nn.CrossEntropyLoss()}, the mean over the mini-batch (SentEval sets {@code size_average =
 *       False} on the module after constructing it, which PyTorch >= 0.4.1 ignores).
 *   <li>Optimiser: {@code torch.optim.Adam} with its defaults (lr 1e-3, betas 0.9 / 0.999, eps 1e-8) and
 *       {@code weight_decay = l2reg} on every parameter, biases included (coupled L2: {@code g += l2reg * w}).
 *   <li>Training: mini-batches of 64 in a fresh random order on every pass; after every {@code epoch_size} = 4
 *       passes, accuracy on the validation data; the best model so far is kept; once the validation accuracy has
 *       failed to improve more than {@code tenacity} = 5 times in all (the count is never reset), or after
 *       {@code max_epoch} = 200 passes, training stops and the best model is returned.
 *   <li>Validation data: given (SentEval's {@code validation_data}: the inner test fold, or the dev set), or the
 *       first {@code int(0.05 n)} rows of a random permutation held out from training ({@code validation_split =
 *       0.05}, used for the final refit of the k-fold protocols).
 * </ul>
 *
 * <p>Differences from SentEval: arithmetic in double instead of float32, and the random streams (the permutations
 * numpy's generator draws, the initial weights torch's) are two {@link SplittableRandom}s from the seed, so
 * individual fits differ from SentEval's for the same seed. As in SentEval every fit starts from the same seed.
 */
public final class AdamLogisticRegression implements FittedProbe {
  static final int BATCH_SIZE = 64;
  static final int TENACITY = 5;
  static final int EPOCH_SIZE = 4;
  static final int MAX_EPOCH = 200;
  static final double VALIDATION_SPLIT = 0.05;
  static final double LR = 1e-3;
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPS = 1e-8;

  private final int[] classes;
  private final int p;
  /** {@code k} rows of {@code p} weights then the bias, row after row. */
  private final double[] weights;
  private final double validationAccuracy;
  private final int passes;

  private AdamLogisticRegression(int[] classes, int p, double[] weights, double validationAccuracy, int passes) {
    this.classes = classes;
    this.p = p;
    this.weights = weights;
    this.validationAccuracy = validationAccuracy;
    this.passes = passes;
  }

  /**
   * Trains on {@code (x, y)} with early stopping on {@code (xVal, yVal)} (SentEval's {@code validation_data}).
   *
   * @throws CptbenchException when the training labels have fewer than two classes or {@code l2reg < 0}
   */
  public static AdamLogisticRegression fit(
      double[][] x, int[] y, double[][] xVal, int[] yVal, double l2reg, long seed) {
    SplittableRandom numpy = new SplittableRandom(seed);
    return train(x, y, xVal, yVal, l2reg, numpy, numpy.split());
  }

  /**
   * Trains on {@code (x, y)} minus a random 5 % held out for early stopping (SentEval's {@code
   * validation_split=0.05}: the first {@code int(0.05 n)} rows of a permutation).
   */
  public static AdamLogisticRegression fitWithSplit(double[][] x, int[] y, double l2reg, long seed) {
    SplittableRandom numpy = new SplittableRandom(seed);
    SplittableRandom torch = numpy.split();
    int[] perm = permutation(x.length, numpy);
    int nVal = (int) (VALIDATION_SPLIT * x.length);
    int[] val = Arrays.copyOfRange(perm, 0, nVal);
    int[] train = Arrays.copyOfRange(perm, nVal, perm.length);
    return train(
        Features.rows(x, train), Features.labels(y, train), Features.rows(x, val), Features.labels(y, val), l2reg,
        numpy, torch);
  }

  private static AdamLogisticRegression train(
      double[][] x,
      int[] y,
      double[][] xVal,
      int[] yVal,
      double l2reg,
      SplittableRandom numpy,
      SplittableRandom torch) {
    if (!(l2reg >= 0) || !Double.isFinite(l2reg)) {
      throw new CptbenchException("PyTorch-path probe: l2reg = " + l2reg + " (must be finite and >= 0)");
    }
    if (xVal.length == 0) {
      throw new CptbenchException(
          "PyTorch-path probe: no validation rows (" + x.length + " training rows; need at least 20 for the 5 %"
              + " split)");
    }
    TrainingSet data = TrainingSet.of(x, y, ProbeOptions.senteval());
    int[] classes = data.classes;
    int k = classes.length;
    int p = data.x.p;
    int stride = p + 1;
    double bound = 1.0 / Math.sqrt(p);
    double[] w = new double[k * stride];
    for (int c = 0; c < k; c++) { // weight matrix first, then the bias vector, as torch draws them
      for (int j = 0; j < p; j++) {
        w[c * stride + j] = uniform(torch, bound);
      }
    }
    for (int c = 0; c < k; c++) {
      w[c * stride + p] = uniform(torch, bound);
    }
    Adam adam = new Adam(w.length, l2reg);
    double[] grad = new double[w.length];
    double[] z = new double[k];
    double best = -1;
    double[] bestW = w.clone();
    int epoch = 0;
    int noImprovement = 0;
    boolean stop = false;
    while (!stop && epoch <= MAX_EPOCH) {
      for (int e = 0; e < EPOCH_SIZE; e++) {
        int[] perm = permutation(data.x.n, numpy);
        for (int from = 0; from < perm.length; from += BATCH_SIZE) {
          int to = Math.min(perm.length, from + BATCH_SIZE);
          Arrays.fill(grad, 0.0);
          double inv = 1.0 / (to - from);
          for (int b = from; b < to; b++) {
            int row = perm[b] * p;
            softmax(data.x, row, w, k, z);
            z[data.classIndex[perm[b]]] -= 1.0; // now dLoss/dz for this row, before the 1/B of the mean
            for (int c = 0; c < k; c++) {
              data.x.axpy(z[c] * inv, row, grad, c * stride);
              grad[c * stride + p] += z[c] * inv;
            }
          }
          adam.step(w, grad);
        }
      }
      epoch += EPOCH_SIZE;
      double acc = new AdamLogisticRegression(classes, p, w, 0, 0).accuracy(xVal, yVal);
      if (acc > best) {
        best = acc;
        bestW = w.clone();
      } else {
        if (noImprovement >= TENACITY) {
          stop = true;
        }
        noImprovement++;
      }
    }
    return new AdamLogisticRegression(classes, p, bestW, best, epoch);
  }

  @Override
  public int[] predict(double[][] x) {
    int[] out = new int[x.length];
    int stride = p + 1;
    for (int i = 0; i < x.length; i++) {
      FittedProbe.checkWidth(x[i], p);
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes.length; c++) {
        double s = weights[c * stride + p] + SoftmaxObjective.dot(x[i], weights, c * stride, p);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      out[i] = classes[best];
    }
    return out;
  }

  /** Accuracy of the returned (best) model on its validation data, a fraction. */
  public double validationAccuracy() {
    return validationAccuracy;
  }

  /** Passes over the training data made before stopping. */
  public int passes() {
    return passes;
  }

  /** The sorted class labels (one output per class). */
  public int[] classes() {
    return classes.clone();
  }

  /** Softmax of row {@code off}'s logits into {@code z}. */
  private static void softmax(DesignMatrix x, int off, double[] w, int k, double[] z) {
    int stride = x.p + 1;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      z[c] = w[c * stride + x.p] + x.dot(off, w, c * stride);
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < k; c++) {
      z[c] /= sum;
    }
  }

  private static double uniform(SplittableRandom rnd, double bound) {
    return (2 * rnd.nextDouble() - 1) * bound;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  static int[] permutation(int n, SplittableRandom rnd) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  /** {@code torch.optim.Adam} (PyTorch 1.x, {@code amsgrad=False}) with coupled weight decay. */
  private static final class Adam {
    private final double[] m;
    private final double[] v;
    private final double weightDecay;
    private int t;

    Adam(int size, double weightDecay) {
      this.m = new double[size];
      this.v = new double[size];
      this.weightDecay = weightDecay;
    }

    void step(double[] w, double[] g) {
      t++;
      double bc1 = 1 - Math.pow(BETA1, t);
      double sqrtBc2 = Math.sqrt(1 - Math.pow(BETA2, t));
      double stepSize = LR / bc1;
      for (int i = 0; i < w.length; i++) {
        double gi = g[i] + weightDecay * w[i];
        m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
        v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
        w[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtBc2 + EPS);
      }
    }
  }
}
