package org.cptbench.eval.probe;

import java.util.Arrays;
import org.cptbench.CptbenchException;
import smile.math.BFGS;

/**
 * One L2-regularised logistic regression fitted to fixed features: the classifier of SentEval's scikit-learn path,
 * {@code LogisticRegression(C=c)} with scikit-learn's defaults (>= 0.22: lbfgs, {@code tol=1e-4},
 * {@code max_iter=100}), solved with Smile 6.3.0's L-BFGS ({@code smile.math.BFGS}, 5 corrections) on
 * scikit-learn's mean-loss objective:
 *
 * <ul>
 *   <li>Two classes: {@link BinomialObjective}, {@code (1/n) sum_i [log(1 + exp(z_i)) - y_i z_i] + ||w||^2/(2Cn)},
 *       {@code z_i = w.x_i + b}, bias unpenalised (scikit-learn's {@code C sum logloss + ||w||^2/2} over {@code
 *       Cn}: same minimiser).
 *   <li>More classes: scikit-learn's symmetric softmax objective ({@link SoftmaxObjective}, one weight vector per
 *       class, all penalised). Smile's own {@code multinomial} fixes one class at zero, which under a penalty is a
 *       different model.
 * </ul>
 *
 * <p>Stopping: Smile's gradient test {@code max_i |g_i| max(|w_i|, 1) / max(F, 1) < tolerance}; as {@code F < 1}
 * for any model at least as good as {@code w = 0} ({@code F(0) = log 2} for two classes), this is scikit-learn's
 * {@code max_i |g_i| <= tol} on the same gradient, made stricter by {@code max(|w_i|, 1)}; at most
 * {@link ProbeOptions#maxIterations()} L-BFGS iterations as scikit-learn's {@code max_iter}. A fit may start from
 * the weights of another fit on the same {@link TrainingSet} (a warm start, as scikit-learn's
 * {@code logistic_regression_path} along a grid of {@code C}).
 *
 * <p>Prediction follows scikit-learn: binary class 1 when {@code w.x + b > 0}; otherwise the class with the
 * largest score (first one on ties). Classes are the sorted distinct training labels. Features are used as given
 * unless {@link ProbeOptions#standardize()} (then z-scored with the training mean and standard deviation, a
 * zero-variance feature only centred, as scikit-learn's {@code StandardScaler}).
 */
public final class LinearProbe implements FittedProbe {
  /** Smile's L-BFGS history size, as in {@code LogisticRegression}. */
  private static final int LBFGS_CORRECTIONS = 5;

  static {
    // Smile's BFGS logs two INFO lines per fit and a WARN line when a fit reaches the iteration cap, which under
    // scikit-learn's max_iter=100 is part of the protocol (scikit-learn warns then too); a probe run makes
    // hundreds of fits. Keep its errors unless the user sets the level.
    String key = "org.slf4j.simpleLogger.log.smile.math.BFGS";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "error");
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
   * Fits the probe with inverse penalty {@code c}.
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
    checkC(c);
    return fit(TrainingSet.of(x, y, options), c, options, null);
  }

  /**
   * Fits on prepared training data, starting from {@code warm}'s weights when given (a fit on the same
   * {@code data}) or from zero.
   */
  static LinearProbe fit(TrainingSet data, double c, ProbeOptions options, LinearProbe warm) {
    checkC(c);
    int k = data.classes.length;
    int stride = data.x.p + 1;
    double[] w = new double[(k == 2 ? 1 : k) * stride];
    if (warm != null) {
      for (int r = 0; r < warm.weights.length; r++) {
        System.arraycopy(warm.weights[r], 0, w, r * stride, stride);
      }
    }
    BFGS.minimize(
        k == 2
            ? new BinomialObjective(data.x, data.classIndex, c)
            : new SoftmaxObjective(data.x, data.classIndex, k, c),
        LBFGS_CORRECTIONS,
        w,
        options.tolerance(),
        options.maxIterations());
    double[][] weights = new double[k == 2 ? 1 : k][];
    for (int r = 0; r < weights.length; r++) {
      weights[r] = Arrays.copyOfRange(w, r * stride, (r + 1) * stride);
    }
    return new LinearProbe(data.classes, c, weights, data.mean, data.scale);
  }

  private static void checkC(double c) {
    if (!(c > 0) || !Double.isFinite(c)) {
      throw new CptbenchException("linear probe: C = " + c + " (must be finite and > 0)");
    }
  }

  /** The predicted label of one feature vector. */
  public int predict(double[] x) {
    int p = weights[0].length - 1;
    FittedProbe.checkWidth(x, p);
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
  @Override
  public int[] predict(double[][] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = predict(x[i]);
    }
    return out;
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

  private static double[] transform(double[] x, double[] mean, double[] scale) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = (x[j] - mean[j]) / scale[j];
    }
    return out;
  }
}
