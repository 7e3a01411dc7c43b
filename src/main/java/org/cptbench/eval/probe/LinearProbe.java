package org.cptbench.eval.probe;

import java.util.Arrays;
import org.cptbench.CptbenchException;
import smile.classification.LogisticRegression;
import smile.math.BFGS;

/**
 * One L2-regularised logistic regression fitted to fixed features: the classifier of SentEval's scikit-learn path,
 * {@code LogisticRegression(C=c)} with the lbfgs solver (scikit-learn >= 0.22 defaults), here solved with Smile
 * 6.3.0's L-BFGS ({@code smile.math.BFGS}, 5 corrections).
 *
 * <ul>
 *   <li>Two classes: Smile's {@link LogisticRegression#binomial(double[][], int[], LogisticRegression.Options)},
 *       which minimises {@code sum_i [log(1 + exp(z_i)) - y_i z_i] + lambda/2 ||w||^2}, {@code z_i = w.x_i + b},
 *       bias unpenalised; with {@code lambda = 1/C} this is scikit-learn's objective divided by {@code C}.
 *   <li>More classes: scikit-learn's symmetric softmax objective ({@link SoftmaxObjective}, one weight vector per
 *       class, all penalised) minimised by the same Smile L-BFGS. Smile's own {@code multinomial} fixes one class
 *       at zero, which under a penalty is a different model.
 * </ul>
 *
 * <p>Prediction follows scikit-learn: binary class 1 when {@code w.x + b > 0}; otherwise the class with the
 * largest score (first one on ties). Classes are the sorted distinct training labels. Features are used as given
 * unless {@link ProbeOptions#standardize()} (then z-scored with the training mean and standard deviation, a
 * zero-variance feature only centred, as scikit-learn's {@code StandardScaler}).
 */
public final class LinearProbe {
  /** Smile's L-BFGS history size, as in {@code LogisticRegression}. */
  private static final int LBFGS_CORRECTIONS = 5;

  static {
    // Smile's BFGS logs two INFO lines per fit; a probe run makes hundreds of fits. Keep its warnings.
    String key = "org.slf4j.simpleLogger.log.smile.math.BFGS";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "warn");
    }
  }

  private final int[] classes;
  private final double c;
  /** One row (binary: class 1 vs 0) or one row per class; p weights then the bias. */
  private final double[][] weights;
  private final double[] mean;
  private final double[] scale;

  private LinearProbe(int[] classes, double c, double[][] weights, double[] mean, double[] scale) {
    this.classes = classes;
    this.c = c;
    this.weights = weights;
    this.mean = mean;
    this.scale = scale;
  }

  /** Fits on float features (widened to double). */
  public static LinearProbe fit(float[][] x, int[] y, double c, ProbeOptions options) {
    return fit(Features.toDouble("linear probe features", x), y, c, options);
  }

  /**
   * Fits the probe with inverse penalty {@code c} (Smile {@code lambda = 1/c}).
   *
   * @throws CptbenchException on empty or ragged features, non-finite values, a label count that differs from
   *     the row count, fewer than two classes, or {@code c} not finite and {@code > 0}
   */
  public static LinearProbe fit(double[][] x, int[] y, double c, ProbeOptions options) {
    Features.check("linear probe features", x);
    Features.checkLabels("linear probe", x, y);
    return fitChecked(x, y, c, options);
  }

  /** {@link #fit(double[][], int[], double, ProbeOptions)} for inputs already checked. */
  static LinearProbe fitChecked(double[][] x, int[] y, double c, ProbeOptions options) {
    if (!(c > 0) || !Double.isFinite(c)) {
      throw new CptbenchException("linear probe: C = " + c + " (must be finite and > 0)");
    }
    int[] classes = Arrays.stream(y).distinct().sorted().toArray();
    if (classes.length < 2) {
      throw new CptbenchException(
          "linear probe: all " + y.length + " training labels are " + y[0] + " (need at least 2 classes)");
    }
    int[] yi = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      yi[i] = Arrays.binarySearch(classes, y[i]);
    }
    double[] mean = null;
    double[] scale = null;
    double[][] xs = x;
    if (options.standardize()) {
      mean = new double[x[0].length];
      scale = new double[x[0].length];
      fitScaler(x, mean, scale);
      xs = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        xs[i] = transform(x[i], mean, scale);
      }
    }
    double lambda = PenaltyGrid.lambda(c);
    double[][] weights;
    if (classes.length == 2) {
      LogisticRegression.Binomial model =
          LogisticRegression.binomial(
              xs, yi, new LogisticRegression.Options(lambda, options.tolerance(), options.maxIterations()));
      weights = new double[][] {model.coefficients().clone()};
    } else {
      int k = classes.length;
      int stride = xs[0].length + 1;
      double[] w = new double[k * stride];
      BFGS.minimize(
          new SoftmaxObjective(xs, yi, k, lambda),
          LBFGS_CORRECTIONS,
          w,
          options.tolerance(),
          options.maxIterations());
      weights = new double[k][];
      for (int cl = 0; cl < k; cl++) {
        weights[cl] = Arrays.copyOfRange(w, cl * stride, (cl + 1) * stride);
      }
    }
    return new LinearProbe(classes, c, weights, mean, scale);
  }

  /** The predicted label of one feature vector. */
  public int predict(double[] x) {
    int p = weights[0].length - 1;
    if (x.length != p) {
      throw new CptbenchException("linear probe: feature vector has " + x.length + " values, model expects " + p);
    }
    double[] v = mean == null ? x : transform(x, mean, scale);
    if (weights.length == 1) {
      return classes[score(v, weights[0]) > 0 ? 1 : 0];
    }
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int cl = 0; cl < weights.length; cl++) {
      double s = score(v, weights[cl]);
      if (s > bestScore) {
        bestScore = s;
        best = cl;
      }
    }
    return classes[best];
  }

  /** The predicted labels of many feature vectors. */
  public int[] predict(double[][] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = predict(x[i]);
    }
    return out;
  }

  /** Fraction of rows whose predicted label equals {@code y}, in [0, 1]. */
  public double accuracy(double[][] x, int[] y) {
    Features.checkLabels("linear probe evaluation", x, y);
    int[] pred = predict(x);
    int correct = 0;
    for (int i = 0; i < y.length; i++) {
      if (pred[i] == y[i]) {
        correct++;
      }
    }
    return (double) correct / y.length;
  }

  /** The inverse penalty this probe was fitted with. */
  public double c() {
    return c;
  }

  /** The sorted class labels. */
  public int[] classes() {
    return classes.clone();
  }

  /**
   * A copy of the weights: binary one row {@code [w_1..w_p, b]} for class {@code classes()[1]}; otherwise one
   * such row per class, in {@link #classes()} order. On standardised features when standardising.
   */
  public double[][] weights() {
    double[][] out = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      out[i] = weights[i].clone();
    }
    return out;
  }

  private static double score(double[] x, double[] w) {
    return w[x.length] + SoftmaxObjective.dot(x, w, 0, x.length);
  }

  private static void fitScaler(double[][] x, double[] mean, double[] scale) {
    int n = x.length;
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= n;
    }
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        double d = row[j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < scale.length; j++) {
      double sd = Math.sqrt(scale[j] / n);
      scale[j] = sd > 0 ? sd : 1.0;
    }
  }

  private static double[] transform(double[] x, double[] mean, double[] scale) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = (x[j] - mean[j]) / scale[j];
    }
    return out;
  }
}
