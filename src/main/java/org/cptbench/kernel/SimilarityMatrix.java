package org.cptbench.kernel;

/**
 * Similarity matrices {@code S = X·Y^T} of two flat row-major matrices {@code X (m x d)} and {@code Y (n x d)}:
 * {@code S[i*n + j] = x_i · y_j}. {@link #multiplyTransposed} is the register-tiled Vector API product ({@link
 * Gemm}); each entry is the float FMA chain of {@link Gemm#dotFmaChain}. {@link #cosine} first L2-normalises copies
 * of the rows, so that {@code S[i][j] = cos(x_i, y_j)}. {@link #reference} is the plain double triple loop.
 */
public final class SimilarityMatrix {
  private SimilarityMatrix() {}

  /** {@code X·Y^T} as a flat {@code m x n} float array, computed with {@code threads} threads. */
  public static float[] multiplyTransposed(float[] x, int m, float[] y, int n, int d, int threads) {
    check("x", x, m, d);
    check("y", y, n, d);
    float[] s = new float[Math.multiplyExact(m, n)];
    Gemm.multiply(x, 0, d, 1, y, 0, 1, d, m, n, d, s, threads);
    return s;
  }

  /** Cosine similarity matrix: {@link #multiplyTransposed} of row-normalised copies of {@code x} and {@code y}. */
  public static float[] cosine(float[] x, int m, float[] y, int n, int d, int threads) {
    check("x", x, m, d);
    check("y", y, n, d);
    float[] u = x.clone();
    float[] v = y.clone();
    VectorOps.normalizeRows(u, m, d);
    VectorOps.normalizeRows(v, n, d);
    return multiplyTransposed(u, m, v, n, d, threads);
  }

  /** Reference {@code X·Y^T} with double accumulation, one plain loop per entry. */
  public static double[] reference(float[] x, int m, float[] y, int n, int d) {
    check("x", x, m, d);
    check("y", y, n, d);
    double[] s = new double[Math.multiplyExact(m, n)];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double acc = 0;
        for (int p = 0; p < d; p++) {
          acc += (double) x[i * d + p] * y[j * d + p];
        }
        s[i * n + j] = acc;
      }
    }
    return s;
  }

  static void check(String name, float[] data, int rows, int dim) {
    if (rows < 0 || dim < 1) {
      throw new IllegalArgumentException(name + ": rows = " + rows + ", dim = " + dim + "; need rows >= 0, dim >= 1");
    }
    if (data == null || data.length != (long) rows * dim) {
      throw new IllegalArgumentException(
          name + ": " + (data == null ? "null" : data.length + " floats") + ", need rows*dim = " + rows + "*" + dim);
    }
  }
}
