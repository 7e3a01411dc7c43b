package org.cptbench.eval.probe;

import java.util.Arrays;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * The multinomial (softmax) logistic-regression objective with one weight vector per class, as scikit-learn's
 * {@code LogisticRegression(multi_class="multinomial", solver="lbfgs")} minimises it, written for Smile's L-BFGS:
 *
 * <pre>
 *   f(W, b) = sum_i [ log sum_c exp(z_ic) - z_i,y_i ] + lambda/2 * sum_c ||w_c||^2,   z_ic = w_c . x_i + b_c
 *   df/dw_c = sum_i (p_ic - [y_i = c]) x_i + lambda w_c,    df/db_c = sum_i (p_ic - [y_i = c])
 * </pre>
 *
 * <p>with {@code lambda = 1/C}; biases are not penalised. Parameters are laid out class by class, {@code p}
 * weights then the bias (Smile's layout). Smile's own {@code LogisticRegression.multinomial} instead fixes the
 * last class's weights at 0 and penalises the other {@code k-1} vectors; with a penalty that is a different
 * model (it favours the last class), so it is not used here.
 */
final class SoftmaxObjective implements DifferentiableMultivariateFunction {
  private final double[][] x;
  private final int[] y;
  private final int k;
  private final int p;
  private final double lambda;

  /** Labels {@code y} are class indices 0..k-1. */
  SoftmaxObjective(double[][] x, int[] y, int k, double lambda) {
    this.x = x;
    this.y = y;
    this.k = k;
    this.p = x[0].length;
    this.lambda = lambda;
  }

  @Override
  public double f(double[] w) {
    return evaluate(w, null);
  }

  @Override
  public double g(double[] w, double[] g) {
    return evaluate(w, g);
  }

  private double evaluate(double[] w, double[] g) {
    int stride = p + 1;
    double[] z = new double[k];
    if (g != null) {
      Arrays.fill(g, 0.0);
    }
    double loss = 0.0;
    for (int i = 0; i < x.length; i++) {
      double[] xi = x[i];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        z[c] = w[c * stride + p] + dot(xi, w, c * stride, p);
        max = Math.max(max, z[c]);
      }
      double zy = z[y[i]];
      double sum = 0.0;
      for (int c = 0; c < k; c++) {
        z[c] = Math.exp(z[c] - max); // now exp(z_ic - max)
        sum += z[c];
      }
      loss += max + Math.log(sum) - zy;
      if (g != null) {
        for (int c = 0; c < k; c++) {
          double err = z[c] / sum - (y[i] == c ? 1.0 : 0.0);
          int off = c * stride;
          for (int j = 0; j < p; j++) {
            g[off + j] += err * xi[j];
          }
          g[off + p] += err;
        }
      }
    }
    double norm = 0.0;
    for (int c = 0; c < k; c++) {
      int off = c * stride;
      for (int j = 0; j < p; j++) {
        double wj = w[off + j];
        norm += wj * wj;
        if (g != null) {
          g[off + j] += lambda * wj;
        }
      }
    }
    return loss + 0.5 * lambda * norm;
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
