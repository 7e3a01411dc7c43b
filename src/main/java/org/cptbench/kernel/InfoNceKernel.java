package org.cptbench.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Symmetric InfoNCE loss with in-batch negatives and a learnable log-scale, as in cpt-text (Neelakantan et al. 2022,
 * eq. 1-2) and CLIP, forward and backward.
 *
 * <p>For paired rows {@code x_i, y_i} ({@code i = 0..M-1}, dimension {@code d}): {@code u_i = x_i/|x_i|}, {@code v_j
 * = y_j/|y_j|}, {@code S = U V^T}, logits {@code Z = s S} with {@code s = exp(tau)}, and
 *
 * <pre>
 *   L = ( CE_rows + CE_cols ) / 2,
 *   CE_rows = (1/M) sum_i [ logsumexp_j Z_ij - Z_ii ],   CE_cols = (1/M) sum_j [ logsumexp_i Z_ij - Z_jj ].
 * </pre>
 *
 * Gradients: {@code G = dL/dZ = (P_row + P_col - 2I) / (2M)} with the row-wise and column-wise softmax of {@code Z};
 * {@code dL/dtau = sum_ij G_ij Z_ij}; {@code dL/dU = s G V}, {@code dL/dV = s G^T U}; through the normalisation
 * {@code dL/dx_i = (g_i - u_i (u_i·g_i)) / |x_i|} for {@code g_i = dL/du_i} (same for {@code y}).
 *
 * <p>{@link #forwardBackward} computes {@code S} and the two gradient products with the Vector API {@link Gemm}
 * (float), the log-sum-exps and {@code G} in double ({@link DoubleVector} lanes, vector {@code EXP}) with shifts (the
 * global maximum of {@code Z} when the spread of {@code Z} is below 600, so each exponential is computed once; else
 * per-row and per-column maxima). Reductions are split into fixed row blocks and combined in block order, so the
 * result does not depend on the thread count. {@link #reference} computes everything in double with plain loops.
 */
public final class InfoNceKernel {
  /** Largest spread of Z for which one global shift keeps every row and column sum far above underflow. */
  private static final double SHARED_SHIFT_MAX_SPREAD = 600;

  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
  private static final int DL = DS.length();

  /** Floats with as many lanes as {@link #DS}, for float-to-double conversion. */
  private static final VectorSpecies<Float> FS =
      VectorSpecies.of(float.class, VectorShape.forBitSize(DS.vectorBitSize() / 2));

  /** Rows per task of the element-wise passes. */
  private static final int ROW_BLOCK = 64;

  private InfoNceKernel() {}

  /** Loss and gradients with respect to the raw (unnormalised) inputs and {@code tau}. */
  public record Result(double loss, float[] gradX, float[] gradY, double gradTau) {}

  /** Forward and backward on {@code M x d} row-major {@code x, y} with {@code threads} threads for the products. */
  public static Result forwardBackward(float[] x, float[] y, int m, int d, double tau, int threads) {
    checkInputs(x, y, m, d, tau);
    float[] u = x.clone();
    float[] v = y.clone();
    float[] nx = normalizeRows(u, m, d, "x");
    float[] ny = normalizeRows(v, m, d, "y");
    float[] sim = SimilarityMatrix.multiplyTransposed(u, m, v, m, d, threads);
    double s = Math.exp(tau);
    float smax = Float.NEGATIVE_INFINITY;
    float smin = Float.POSITIVE_INFINITY;
    for (float e : sim) {
      smax = Math.max(smax, e);
      smin = Math.min(smin, e);
    }
    boolean shared = s * ((double) smax - smin) <= SHARED_SHIFT_MAX_SPREAD;
    double[] rowShift = new double[m];
    double[] colShift = new double[m];
    if (shared) {
      java.util.Arrays.fill(rowShift, s * smax);
      java.util.Arrays.fill(colShift, s * smax);
    } else {
      java.util.Arrays.fill(rowShift, Double.NEGATIVE_INFINITY);
      java.util.Arrays.fill(colShift, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          double z = s * sim[i * m + j];
          rowShift[i] = Math.max(rowShift[i], z);
          colShift[j] = Math.max(colShift[j], z);
        }
      }
    }
    // pass 1 (row blocks in parallel): shifted exponential sums; in the shared case keep exp(Z - shift) for pass 2.
    // Column sums and dL/dtau are reduced from per-block partials in block order, so results do not depend on threads.
    float[] work = new float[m * m];
    double[] rowSum = new double[m];
    int blocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
    double[][] colPart = new double[blocks][m];
    Parallel.forEach(blocks, threads, b -> {
      for (int i = b * ROW_BLOCK; i < Math.min(m, (b + 1) * ROW_BLOCK); i++) {
        rowSum[i] = expRow(sim, work, i, m, s, rowShift[i], shared ? null : colShift, colPart[b]);
      }
    });
    double[] colSum = new double[m];
    for (double[] part : colPart) {
      for (int j = 0; j < m; j++) {
        colSum[j] += part[j];
      }
    }
    double loss = 0;
    double[] invRow = new double[m];
    double[] invCol = new double[m];
    double[] logRow = new double[m];
    double[] logCol = new double[m];
    for (int i = 0; i < m; i++) {
      logRow[i] = rowShift[i] + Math.log(rowSum[i]);
      logCol[i] = colShift[i] + Math.log(colSum[i]);
      invRow[i] = 1 / rowSum[i];
      invCol[i] = 1 / colSum[i];
      double zii = s * sim[i * m + i];
      loss += (logRow[i] - zii) + (logCol[i] - zii);
    }
    loss /= 2.0 * m;
    // pass 2 (row blocks in parallel): G, dL/dtau, and dL/dS = s G into work
    double half = 1.0 / (2.0 * m);
    double[] tauPart = new double[blocks];
    Parallel.forEach(blocks, threads, b -> {
      double gt = 0;
      for (int i = b * ROW_BLOCK; i < Math.min(m, (b + 1) * ROW_BLOCK); i++) {
        gt += gradRow(sim, work, i, m, s, half, shared, invRow[i], invCol, logRow[i], logCol);
      }
      tauPart[b] = gt;
    });
    double gradTau = 0;
    for (double t : tauPart) {
      gradTau += t;
    }
    // dL/dU = dS V and dL/dV = dS^T U, then through the normalisation
    float[] gu = new float[m * d];
    float[] gv = new float[m * d];
    Gemm.multiply(work, 0, m, 1, v, 0, d, 1, m, d, m, gu, threads);
    Gemm.multiply(work, 0, 1, m, u, 0, d, 1, m, d, m, gv, threads);
    projectOut(gu, u, nx, m, d);
    projectOut(gv, v, ny, m, d);
    return new Result(loss, gu, gv, gradTau);
  }

  /**
   * Row {@code i} of pass 1: returns {@code sum_j exp(Z_ij - rowShift)} and adds the column terms to {@code colSum}:
   * {@code exp(Z_ij - rowShift)} when {@code colShift} is null (shared shift; these values are also stored into
   * {@code work}), else {@code exp(Z_ij - colShift[j])}.
   */
  private static double expRow(
      float[] sim, float[] work, int i, int m, double s, double rowShift, double[] colShift, double[] colSum) {
    int base = i * m;
    DoubleVector acc = DoubleVector.zero(DS);
    int j = 0;
    for (; j <= m - DL; j += DL) {
      DoubleVector z = toDouble(sim, base + j).mul(s);
      DoubleVector er = z.sub(rowShift).lanewise(VectorOperators.EXP);
      acc = acc.add(er);
      DoubleVector col = DoubleVector.fromArray(DS, colSum, j);
      if (colShift == null) {
        col.add(er).intoArray(colSum, j);
        ((FloatVector) er.convertShape(VectorOperators.D2F, FS, 0)).intoArray(work, base + j);
      } else {
        col.add(z.sub(DoubleVector.fromArray(DS, colShift, j)).lanewise(VectorOperators.EXP)).intoArray(colSum, j);
      }
    }
    double rs = acc.reduceLanes(VectorOperators.ADD);
    for (; j < m; j++) {
      double z = s * sim[base + j];
      double er = Math.exp(z - rowShift);
      rs += er;
      if (colShift == null) {
        colSum[j] += er;
        work[base + j] = (float) er;
      } else {
        colSum[j] += Math.exp(z - colShift[j]);
      }
    }
    return rs;
  }

  /**
   * Row {@code i} of pass 2: writes {@code dL/dS_ij = s G_ij} into {@code work} and returns {@code sum_j G_ij Z_ij}.
   * With the shared shift {@code work} holds {@code exp(Z_ij - shift)} on entry and the softmaxes are that times the
   * inverse sums; otherwise they are {@code exp(Z_ij - logsumexp)}. The diagonal (the {@code -2} of {@code G}) is
   * computed separately in scalar double arithmetic.
   */
  private static double gradRow(
      float[] sim, float[] work, int i, int m, double s, double half, boolean shared,
      double invRow, double[] invCol, double logRow, double[] logCol) {
    int base = i * m;
    double zii = s * sim[base + i];
    double prii = shared ? work[base + i] * invRow : Math.exp(zii - logRow);
    double pcii = shared ? work[base + i] * invCol[i] : Math.exp(zii - logCol[i]);
    DoubleVector acc = DoubleVector.zero(DS);
    int j = 0;
    for (; j <= m - DL; j += DL) {
      DoubleVector z = toDouble(sim, base + j).mul(s);
      DoubleVector pr;
      DoubleVector pc;
      if (shared) {
        DoubleVector e = toDouble(work, base + j);
        pr = e.mul(invRow);
        pc = e.mul(DoubleVector.fromArray(DS, invCol, j));
      } else {
        pr = z.sub(logRow).lanewise(VectorOperators.EXP);
        pc = z.sub(DoubleVector.fromArray(DS, logCol, j)).lanewise(VectorOperators.EXP);
      }
      DoubleVector g = pr.add(pc).mul(half);
      acc = g.fma(z, acc);
      ((FloatVector) g.mul(s).convertShape(VectorOperators.D2F, FS, 0)).intoArray(work, base + j);
    }
    double gt = acc.reduceLanes(VectorOperators.ADD);
    for (; j < m; j++) {
      double z = s * sim[base + j];
      double pr = shared ? work[base + j] * invRow : Math.exp(z - logRow);
      double pc = shared ? work[base + j] * invCol[j] : Math.exp(z - logCol[j]);
      double g = (pr + pc) * half;
      gt += g * z;
      work[base + j] = (float) (s * g);
    }
    double gii = (prii + pcii - 2) * half;
    work[base + i] = (float) (s * gii);
    return gt - 2 * half * zii;
  }

  private static DoubleVector toDouble(float[] a, int off) {
    return (DoubleVector) FloatVector.fromArray(FS, a, off).convertShape(VectorOperators.F2D, DS, 0);
  }

  private static float[] normalizeRows(float[] a, int m, int d, String name) {
    try {
      return VectorOps.normalizeRows(a, m, d);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  /** In place {@code g_i <- (g_i - u_i (u_i·g_i)) / norm_i}: the gradient through {@code u = x/|x|}. */
  private static void projectOut(float[] g, float[] u, float[] norm, int m, int d) {
    for (int i = 0; i < m; i++) {
      float ug = VectorOps.dot(u, i * d, g, i * d, d);
      float inv = 1f / norm[i];
      for (int p = 0; p < d; p++) {
        g[i * d + p] = (g[i * d + p] - u[i * d + p] * ug) * inv;
      }
    }
  }

  /** The definition in double arithmetic with plain loops and per-row / per-column log-sum-exp shifts. */
  public static Result reference(float[] x, float[] y, int m, int d, double tau) {
    checkInputs(x, y, m, d, tau);
    double[] u = normalizedRows(x, m, d, "x");
    double[] v = normalizedRows(y, m, d, "y");
    double s = Math.exp(tau);
    double[][] z = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double dot = 0;
        for (int p = 0; p < d; p++) {
          dot += u[i * d + p] * v[j * d + p];
        }
        z[i][j] = s * dot;
      }
    }
    double[][] pr = new double[m][m];
    double[][] pc = new double[m][m];
    double loss = 0;
    for (int i = 0; i < m; i++) {
      double mx = Double.NEGATIVE_INFINITY;
      double mxc = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        mx = Math.max(mx, z[i][j]);
        mxc = Math.max(mxc, z[j][i]);
      }
      double sum = 0;
      double sumc = 0;
      for (int j = 0; j < m; j++) {
        sum += Math.exp(z[i][j] - mx);
        sumc += Math.exp(z[j][i] - mxc);
      }
      double lse = mx + Math.log(sum);
      double lsec = mxc + Math.log(sumc);
      loss += (lse - z[i][i]) + (lsec - z[i][i]);
      for (int j = 0; j < m; j++) {
        pr[i][j] = Math.exp(z[i][j] - lse);
        pc[j][i] = Math.exp(z[j][i] - lsec);
      }
    }
    loss /= 2.0 * m;
    double gradTau = 0;
    double[][] gs = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double g = (pr[i][j] + pc[i][j] - (i == j ? 2 : 0)) / (2.0 * m);
        gradTau += g * z[i][j];
        gs[i][j] = s * g;
      }
    }
    float[] gx = new float[m * d];
    float[] gy = new float[m * d];
    for (int i = 0; i < m; i++) {
      double[] gu = new double[d];
      double[] gv = new double[d];
      for (int j = 0; j < m; j++) {
        for (int p = 0; p < d; p++) {
          gu[p] += gs[i][j] * v[j * d + p];
          gv[p] += gs[j][i] * u[j * d + p];
        }
      }
      backThroughNorm(gu, u, x, i, d, gx);
      backThroughNorm(gv, v, y, i, d, gy);
    }
    return new Result(loss, gx, gy, gradTau);
  }

  private static void backThroughNorm(double[] g, double[] u, float[] raw, int i, int d, float[] out) {
    double norm = 0;
    double ug = 0;
    for (int p = 0; p < d; p++) {
      norm += (double) raw[i * d + p] * raw[i * d + p];
      ug += u[i * d + p] * g[p];
    }
    norm = Math.sqrt(norm);
    for (int p = 0; p < d; p++) {
      out[i * d + p] = (float) ((g[p] - u[i * d + p] * ug) / norm);
    }
  }

  private static double[] normalizedRows(float[] a, int m, int d, String name) {
    double[] out = new double[m * d];
    for (int i = 0; i < m; i++) {
      double sq = 0;
      for (int p = 0; p < d; p++) {
        sq += (double) a[i * d + p] * a[i * d + p];
      }
      if (!(sq > 0) || !Double.isFinite(sq)) {
        throw new IllegalArgumentException(name + ": row " + i + " has squared norm " + sq + "; need finite and > 0");
      }
      double norm = Math.sqrt(sq);
      for (int p = 0; p < d; p++) {
        out[i * d + p] = a[i * d + p] / norm;
      }
    }
    return out;
  }

  private static void checkInputs(float[] x, float[] y, int m, int d, double tau) {
    if (m < 1) {
      throw new IllegalArgumentException("batch size M = " + m + ", need M >= 1");
    }
    SimilarityMatrix.check("x", x, m, d);
    SimilarityMatrix.check("y", y, m, d);
    if (!Double.isFinite(tau)) {
      throw new IllegalArgumentException("tau = " + tau + ", need a finite log-scale");
    }
  }
}
