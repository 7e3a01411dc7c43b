package org.cptbench.train;

import ai.djl.ndarray.NDArray;
import org.cptbench.model.Scalars;

/**
 * The cpt contrastive objective (Neelakantan et al. 2022, eq. 1-2; CLIP's symmetric InfoNCE). For M pairs with
 * L2-normalised embeddings {@code v_x} (rows of X) and {@code v_y} (rows of Y):
 *
 * <pre>
 *   logits[i][j] = cos(x_i, y_j) * exp(tau)
 *   L = ( CE(logits, diag) + CE(logits^T, diag) ) / 2
 *     = -1/(2M) * sum_i [ log softmax_j(logits[i][.])[i] + log softmax_i(logits[.][j=i])[i] ]
 * </pre>
 *
 * The other M-1 pairs of the batch are the negatives of each pair.
 */
public final class SymmetricInfoNceLoss {
  private SymmetricInfoNceLoss() {}

  /** The logits {@code [M, M]}: {@code (X Y^T) * logitScale}, X and Y already L2-normalised. */
  public static NDArray logits(NDArray x, NDArray y, NDArray logitScale) {
    return x.matMul(y.transpose()).mul(logitScale);
  }

  /** The scalar loss of a logits matrix with the matching pairs on its diagonal. */
  public static NDArray loss(NDArray logits) {
    long m = logits.getShape().get(0);
    if (logits.getShape().dimension() != 2 || logits.getShape().get(1) != m) {
      throw new IllegalArgumentException("logits must be square, got " + logits.getShape());
    }
    NDArray rows = logits.logSoftmax(1).diagonal().sum();
    NDArray cols = logits.logSoftmax(0).diagonal().sum();
    return rows.add(cols).div(Scalars.of(rows, -2.0 * m));
  }

  /** Reference value in double precision on plain arrays (for tests and the kernel benchmarks). */
  public static double reference(float[][] x, float[][] y, double logitScale) {
    int m = x.length;
    double[][] s = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double dot = 0;
        for (int k = 0; k < x[i].length; k++) {
          dot += (double) x[i][k] * y[j][k];
        }
        s[i][j] = dot * logitScale;
      }
    }
    double total = 0;
    for (int i = 0; i < m; i++) {
      double rowMax = Double.NEGATIVE_INFINITY;
      double colMax = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        rowMax = Math.max(rowMax, s[i][j]);
        colMax = Math.max(colMax, s[j][i]);
      }
      double rowSum = 0;
      double colSum = 0;
      for (int j = 0; j < m; j++) {
        rowSum += Math.exp(s[i][j] - rowMax);
        colSum += Math.exp(s[j][i] - colMax);
      }
      total += (rowMax + Math.log(rowSum) - s[i][i]) + (colMax + Math.log(colSum) - s[i][i]);
    }
    return total / (2.0 * m);
  }
}
