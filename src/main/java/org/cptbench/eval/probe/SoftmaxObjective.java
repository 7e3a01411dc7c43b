package org.cptbench.eval.probe;

import java.util.Arrays;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * The multinomial (softmax) logistic-regression objective with one weight vector per class, as scikit-learn's
 * {@code LogisticRegression(multi_class="multinomial", solver="lbfgs")} minimises it (since 1.1 in mean-loss
 * scaling, {@code l2_reg_strength = 1 / (C n)}), written for Smile's L-BFGS:
 *
 * <pre>
 *   F(W, b) = (1/n) sum_i [ log sum_c exp(z_ic) - z_i,y_i ] + 1/(2 C n) sum_c ||w_c||^2,   z_ic = w_c . x_i + b_c
 *   dF/dw_c = (1/n) sum_i (p_ic - [y_i = c]) x_i + w_c / (C n),    dF/db_c = (1/n) sum_i (p_ic - [y_i = c])
 * </pre>
 *
 * <p>Biases are not penalised. Parameters are laid out class by class, {@code p} weights then the bias (Smile's
 * layout). Smile's own {@code LogisticRegression.multinomial} instead fixes the last class's weights at 0 and
 * penalises the other {@code k-1} vectors; with a penalty that is a different model (it favours the last class), so
 * it is not used here. As in {@link BinomialObjective}, the margins of the last {@code f} are reused by {@code g}
 * at the same point. Not thread-safe (one objective per fit).
 */
final class SoftmaxObjective implements DifferentiableMultivariateFunction {
  private final DesignMatrix x;
  private final int[] y;
  private final int k;
  private final double lambda;
  /** Margins, row by row: {@code z[i * k + c]}. */
  private final double[] z;
  private double[] zAt;

  /** Labels {@code y} are class indices 0..k-1; {@code c} is scikit-learn's inverse penalty. */
  SoftmaxObjective(DesignMatrix x, int[] y, int k, double c) {
    this.x = x;
    this.y = y;
    this.k = k;
    this.lambda = 1.0 / (c * x.n);
    this.z = new double[x.n * k];
  }

  @Override
  public double f(double[] w) {
    margins(w);
    double loss = 0;
    for (int i = 0; i < x.n; i++) {
      int off = i * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        max = Math.max(max, z[off + c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += Math.exp(z[off + c] - max);
      }
      loss += max + Math.log(sum) - z[off + y[i]];
    }
    return loss / x.n + penalty(w, null);
  }

  @Override
  public double g(double[] w, double[] g) {
    if (zAt == null || !Arrays.equals(zAt, w)) {
      margins(w);
    }
    int p = x.p;
    int stride = p + 1;
    Arrays.fill(g, 0.0);
    double[] e = new double[k];
    double loss = 0;
    for (int i = 0; i < x.n; i++) {
      int off = i * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        max = Math.max(max, z[off + c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        e[c] = Math.exp(z[off + c] - max);
        sum += e[c];
      }
      loss += max + Math.log(sum) - z[off + y[i]];
      for (int c = 0; c < k; c++) {
        double err = e[c] / sum - (y[i] == c ? 1.0 : 0.0);
        x.axpy(err, i * p, g, c * stride);
        g[c * stride + p] += err;
      }
    }
    double inv = 1.0 / x.n;
    for (int j = 0; j < g.length; j++) {
      g[j] *= inv;
    }
    return loss * inv + penalty(w, g);
  }

  private void margins(double[] w) {
    int p = x.p;
    int stride = p + 1;
    for (int i = 0; i < x.n; i++) {
      for (int c = 0; c < k; c++) {
        z[i * k + c] = w[c * stride + p] + x.dot(i * p, w, c * stride);
      }
    }
    if (zAt == null) {
      zAt = w.clone();
    } else {
      System.arraycopy(w, 0, zAt, 0, w.length);
    }
  }

  /** {@code lambda/2 sum_c ||w_c||^2} (biases excluded); adds {@code lambda w} to {@code g} when given. */
  private double penalty(double[] w, double[] g) {
    int p = x.p;
    double norm = 0;
    for (int c = 0; c < k; c++) {
      int off = c * (p + 1);
      for (int j = 0; j < p; j++) {
        double wj = w[off + j];
        norm += wj * wj;
        if (g != null) {
          g[off + j] += lambda * wj;
        }
      }
    }
    return 0.5 * lambda * norm;
  }

  /** {@code sum_j x[j] * w[off + j]}, four partial sums. */
  static double dot(double[] x, double[] w, int off, int p) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < p; j += 4) {
      s0 += x[j] * w[off + j];
      s1 += x[j + 1] * w[off + j + 1];
      s2 += x[j + 2] * w[off + j + 2];
      s3 += x[j + 3] * w[off + j + 3];
    }
    for (; j < p; j++) {
      s0 += x[j] * w[off + j];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
