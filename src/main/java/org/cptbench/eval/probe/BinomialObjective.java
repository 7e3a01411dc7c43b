package org.cptbench.eval.probe;

import java.util.Arrays;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * The binary L2-regularised logistic-regression objective in scikit-learn's scaling (since 1.1, {@code
 * LinearModelLoss} with {@code l2_reg_strength = 1 / (C n)}), for Smile's L-BFGS:
 *
 * <pre>
 *   F(w, b) = (1/n) sum_i [ log(1 + exp(z_i)) - y_i z_i ] + 1/(2 C n) ||w||^2,    z_i = w . x_i + b
 *   dF/dw = (1/n) sum_i (sigmoid(z_i) - y_i) x_i + w / (C n),    dF/db = (1/n) sum_i (sigmoid(z_i) - y_i)
 * </pre>
 *
 * <p>{@code y_i} in {0, 1}; the bias is not penalised. This is scikit-learn's {@code C * sum logloss + ||w||^2/2}
 * divided by {@code C n}: the same minimiser, and a gradient of the size scikit-learn's {@code tol} is tested on.
 * Parameters are {@code p} weights then the bias (Smile's layout).
 *
 * <p>Smile's L-BFGS evaluates {@code f} at each line-search trial and then {@code g} at the accepted point; the
 * margins {@code z} of the last {@code f} are kept, so {@code g} at the same point only adds the gradient pass.
 * Not thread-safe (one objective per fit).
 */
final class BinomialObjective implements DifferentiableMultivariateFunction {
  private final DesignMatrix x;
  private final int[] y;
  private final double lambda;
  private final double[] z;
  private double[] zAt;

  /** Labels {@code y} are 0 or 1; {@code c} is scikit-learn's inverse penalty. */
  BinomialObjective(DesignMatrix x, int[] y, double c) {
    this.x = x;
    this.y = y;
    this.lambda = 1.0 / (c * x.n);
    this.z = new double[x.n];
  }

  @Override
  public double f(double[] w) {
    margins(w);
    double loss = 0;
    for (int i = 0; i < x.n; i++) {
      loss += logLoss(z[i], y[i]);
    }
    return loss / x.n + penalty(w, null);
  }

  @Override
  public double g(double[] w, double[] g) {
    if (zAt == null || !Arrays.equals(zAt, w)) {
      margins(w);
    }
    Arrays.fill(g, 0.0);
    int p = x.p;
    double loss = 0;
    double bias = 0;
    for (int i = 0; i < x.n; i++) {
      double zi = z[i];
      loss += logLoss(zi, y[i]);
      double err = sigmoid(zi) - y[i];
      x.axpy(err, i * p, g, 0);
      bias += err;
    }
    double inv = 1.0 / x.n;
    for (int j = 0; j < p; j++) {
      g[j] *= inv;
    }
    g[p] = bias * inv;
    return loss * inv + penalty(w, g);
  }

  private void margins(double[] w) {
    int p = x.p;
    double b = w[p];
    for (int i = 0; i < x.n; i++) {
      z[i] = b + x.dot(i * p, w, 0);
    }
    zAt = zAt == null ? w.clone() : copy(w, zAt);
  }

  /** {@code lambda/2 ||w||^2} (bias excluded); adds {@code lambda w} to {@code g} when given. */
  private double penalty(double[] w, double[] g) {
    double norm = 0;
    for (int j = 0; j < x.p; j++) {
      norm += w[j] * w[j];
      if (g != null) {
        g[j] += lambda * w[j];
      }
    }
    return 0.5 * lambda * norm;
  }

  /** {@code log(1 + exp(z)) - y z}, without overflow. */
  static double logLoss(double z, int y) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
  }

  private static double[] copy(double[] from, double[] to) {
    System.arraycopy(from, 0, to, 0, from.length);
    return to;
  }
}
