package org.cptbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.cptbench.model.GradMode;

/**
 * {@link SymmetricInfoNceLoss} and its exact gradient for GradCache, computed in blocks of rows so that memory is
 * O(block x M) instead of several M x M buffers (logits, two softmaxes and their autograd copies). With
 * S = s X Y^T (s = exp(tau)), row log-sum-exps r_i, column log-sum-exps c_j:
 *
 * <pre>
 *   L        = 1/(2M) sum_i (r_i + c_i - 2 S_ii)
 *   G_ij     = (exp(S_ij - r_i) + exp(S_ij - c_j)) / (2M)          (dL/dS without the diagonal term)
 *   dL/dX    = s (G Y - Y / M)        dL/dY = s (G^T X - X / M)
 *   dL/dtau  = sum_ij G_ij S_ij - (1/M) sum_i S_ii
 * </pre>
 *
 * Pass 1 accumulates the column log-sum-exps block by block (online max/sum merge); pass 2 recomputes each block of
 * S and accumulates the gradients. Runs without autograd. Also counts in-batch top-1 hits (row argmax on the
 * diagonal).
 */
final class BlockwiseInfoNce {
  static final int BLOCK = 256;

  private BlockwiseInfoNce() {}

  /** Loss, gradient w.r.t. x and y ([M, d] each), and dL/dtau. */
  record Result(double loss, NDArray gradX, NDArray gradY, double gradTau, double accuracy) {}

  /** Exact loss and gradients; the returned arrays belong to the caller's scope. */
  static Result compute(NDArray x, NDArray y, float scale) {
    int m = (int) x.getShape().get(0);
    NDArray gradX;
    NDArray gradY;
    double loss;
    double gradTau;
    int hits = 0;
    try (GradMode off = GradMode.disabled()) {
      NDArray yt = y.transpose();
      // pass 1: column log-sum-exp over all rows, and each row's log-sum-exp
      NDArray colMax = null;
      NDArray colSum = null;
      NDArray rowLse = null;
      for (int from = 0; from < m; from += BLOCK) {
        int to = Math.min(m, from + BLOCK);
        try (NDScope scope = new NDScope()) {
          NDArray s = x.get("{}:{}", from, to).matMul(yt).muli(scale);
          long[] best = s.argMax(1).toLongArray();
          for (int i = 0; i < best.length; i++) {
            hits += best[i] == from + i ? 1 : 0;
          }
          NDArray bMax = s.max(new int[] {0});
          NDArray newMax = colMax == null ? bMax : colMax.maximum(bMax);
          NDArray bSum = s.sub(newMax).exp().sum(new int[] {0});
          NDArray newSum = colSum == null ? bSum : colSum.mul(colMax.sub(newMax).exp()).add(bSum);
          NDArray rMax = s.max(new int[] {1}, true);
          NDArray r = s.sub(rMax).exp().sum(new int[] {1}, true).log().add(rMax);
          NDArray newRow = rowLse == null ? r : rowLse.concat(r, 0);
          NDScope.unregister(newMax, newSum, newRow);
          if (colMax != null) {
            colMax.close();
            colSum.close();
            rowLse.close();
          }
          colMax = newMax;
          colSum = newSum;
          rowLse = newRow;
        }
      }
      NDArray colLse = colSum.log().add(colMax).reshape(1, m);
      colMax.close();
      colSum.close();
      NDArray diag = x.mul(y).sum(new int[] {1}).muli(scale); // S_ii
      loss = (rowLse.sum().getFloat() + colLse.sum().getFloat() - 2 * diag.sum().getFloat()) / (2.0 * m);
      // pass 2: gradients
      float inv2m = (float) (1.0 / (2.0 * m));
      gradX = x.zerosLike();
      gradY = y.zerosLike();
      double gs = 0;
      for (int from = 0; from < m; from += BLOCK) {
        int to = Math.min(m, from + BLOCK);
        try (NDScope scope = new NDScope()) {
          NDArray xb = x.get("{}:{}", from, to);
          NDArray s = xb.matMul(yt).muli(scale);
          NDArray g = s.sub(rowLse.get("{}:{}", from, to)).exp().add(s.sub(colLse).exp()).muli(inv2m);
          gradX.set(new ai.djl.ndarray.index.NDIndex("{}:{}", from, to), g.matMul(y));
          gradY.addi(g.transpose().matMul(xb));
          gs += g.mul(s).sum().getFloat();
        }
      }
      float invM = (float) (1.0 / m);
      gradX.subi(y.mul(invM)).muli(scale);
      gradY.subi(x.mul(invM)).muli(scale);
      gradTau = gs - diag.sum().getFloat() / m;
      rowLse.close();
    }
    return new Result(loss, gradX, gradY, gradTau, (double) hits / m);
  }
}
