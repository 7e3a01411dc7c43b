package org.cptbench.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-tiled single-precision matrix multiply {@code C = A·B} on packed operands (GotoBLAS / BLIS scheme) with
 * the JDK Vector API.
 *
 * <p>Operands are addressed through strides so that transposes cost nothing: {@code A(i,p) = a[aOff + i*ars +
 * p*acs]} for an {@code m x k} matrix, {@code B(p,j) = b[bOff + p*brs + j*bcs]} for a {@code k x n} matrix. Packing
 * copies {@code A} into micro-panels of {@link #MR} rows stored dimension-major ({@code (i,p)} at {@code p*MR + i})
 * and {@code B} into micro-panels of {@link #NR} columns ({@code (p,j)} at {@code p*NR + j}), both zero padded. The
 * micro-kernel keeps an {@code MR x NR} tile of {@code C} in {@code MR * 2} vector registers and, for each {@code
 * p}, broadcasts one element of {@code A} and multiplies it into two vectors of {@code B} with a fused multiply-add.
 *
 * <p>Every output element is therefore the sequential chain {@code c = fma(A(i,p), B(p,j), c)} for {@code p = 0, 1,
 * ..., k-1} starting from {@code c = +0f}, evaluated in float with one rounding per step, regardless of blocking and
 * threads: {@link #dotFmaChain} computes exactly the same value, which lets reference implementations reproduce the
 * optimised scores bit for bit.
 */
public final class Gemm {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();

  /** Rows of A per micro-tile. */
  public static final int MR = 8;

  /** Columns of B per micro-tile: two vectors of the preferred species. */
  public static final int NR = 2 * LANES;

  /** Depth of a k-block: an {@code NR x KC} micro-panel of B (32 KiB for 16 lanes) stays in the L1 cache. */
  public static final int KC = 256;

  /** Rows of A per L2 block. */
  static final int MC = 128;

  private Gemm() {}

  /** Number of micro-panels needed for {@code rows} rows (or columns) with panel size {@code size}. */
  static int panels(int rows, int size) {
    return (rows + size - 1) / size;
  }

  /**
   * The reference score: the float FMA chain over {@code p = 0..len-1} in order, starting from {@code +0f}; equal bit
   * for bit to what {@link #multiply} computes for the corresponding element.
   */
  public static float dotFmaChain(float[] a, int aOff, float[] b, int bOff, int len) {
    float s = 0f;
    for (int p = 0; p < len; p++) {
      s = Math.fma(a[aOff + p], b[bOff + p], s);
    }
    return s;
  }

  /**
   * Packs the {@code m x k} matrix A into zero-padded {@link #MR}-row micro-panels of length {@code k}. The loop
   * order follows the unit stride of the source so that reads are sequential (a transposed source is read row by row,
   * writing to one cache line per micro-panel).
   */
  static float[] packA(float[] a, int aOff, int ars, int acs, int m, int k) {
    float[] out = new float[panels(m, MR) * MR * k];
    if (acs == 1) {
      for (int i = 0; i < m; i++) {
        int base = (i / MR) * MR * k + (i % MR);
        int src = aOff + i * ars;
        for (int p = 0; p < k; p++) {
          out[base + p * MR] = a[src + p];
        }
      }
    } else {
      for (int p = 0; p < k; p++) {
        int src = aOff + p * acs;
        for (int i = 0; i < m; i++) {
          out[(i / MR) * MR * k + p * MR + (i % MR)] = a[src + i * ars];
        }
      }
    }
    return out;
  }

  /** Packs the {@code k x n} matrix B into zero-padded {@link #NR}-column micro-panels of length {@code k}. */
  static float[] packB(float[] b, int bOff, int brs, int bcs, int k, int n) {
    float[] out = new float[panels(n, NR) * NR * k];
    if (brs == 1) {
      for (int j = 0; j < n; j++) {
        int base = (j / NR) * NR * k + (j % NR);
        int src = bOff + j * bcs;
        for (int p = 0; p < k; p++) {
          out[base + p * NR] = b[src + p];
        }
      }
    } else {
      for (int p = 0; p < k; p++) {
        int src = bOff + p * brs;
        for (int j = 0; j < n; j++) {
          out[(j / NR) * NR * k + p * NR + (j % NR)] = b[src + j * bcs];
        }
      }
    }
    return out;
  }

  /**
   * {@code C = A·B} ({@code m x n}, row-major into {@code c}, leading dimension {@code n}) with {@code threads}
   * worker threads splitting the rows of C.
   */
  public static void multiply(
      float[] a, int aOff, int ars, int acs,
      float[] b, int bOff, int brs, int bcs,
      int m, int n, int k, float[] c, int threads) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("negative shape m=" + m + " n=" + n + " k=" + k);
    }
    if (c.length < (long) m * n) {
      throw new IllegalArgumentException("c has " + c.length + " floats, need m*n = " + (long) m * n);
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      java.util.Arrays.fill(c, 0, m * n, 0f);
      return;
    }
    float[] pa = packA(a, aOff, ars, acs, m, k);
    float[] pb = packB(b, bOff, brs, bcs, k, n);
    int mPanels = panels(m, MR);
    int nPanels = panels(n, NR);
    // aligned shapes write straight into c; otherwise into a zero-padded copy that is cropped at the end
    boolean direct = m % MR == 0 && n % NR == 0;
    int ldo = direct ? n : nPanels * NR;
    float[] out = direct ? c : new float[mPanels * MR * ldo];
    int rowBlocks = panels(mPanels, MC / MR);
    Parallel.forEach(rowBlocks, threads, blk -> {
      int ip0 = blk * (MC / MR);
      int ip1 = Math.min(mPanels, ip0 + MC / MR);
      for (int k0 = 0; k0 < k; k0 += KC) {
        int kLen = Math.min(KC, k - k0);
        for (int jp = 0; jp < nPanels; jp++) {
          int pbOff = jp * NR * k + k0 * NR;
          for (int ip = ip0; ip < ip1; ip++) {
            kernel(pa, ip * MR * k + k0 * MR, pb, pbOff, kLen, out, ip * MR * ldo + jp * NR, ldo, k0 > 0);
          }
        }
      }
    });
    if (!direct) {
      for (int r = 0; r < m; r++) {
        System.arraycopy(out, r * ldo, c, r * n, n);
      }
    }
  }

  /**
   * Micro-kernel: the {@code MR x NR} tile at {@code c[cOff + r*ldc + j]} gets (or, with {@code accumulate},
   * continues) the FMA chains over {@code kLen} steps of the packed panels starting at {@code paOff} and {@code
   * pbOff}.
   */
  static void kernel(
      float[] pa, int paOff, float[] pb, int pbOff, int kLen, float[] c, int cOff, int ldc, boolean accumulate) {
    final int l = LANES;
    FloatVector c00;
    FloatVector c01;
    FloatVector c10;
    FloatVector c11;
    FloatVector c20;
    FloatVector c21;
    FloatVector c30;
    FloatVector c31;
    FloatVector c40;
    FloatVector c41;
    FloatVector c50;
    FloatVector c51;
    FloatVector c60;
    FloatVector c61;
    FloatVector c70;
    FloatVector c71;
    if (accumulate) {
      c00 = FloatVector.fromArray(SPECIES, c, cOff);
      c01 = FloatVector.fromArray(SPECIES, c, cOff + l);
      c10 = FloatVector.fromArray(SPECIES, c, cOff + ldc);
      c11 = FloatVector.fromArray(SPECIES, c, cOff + ldc + l);
      c20 = FloatVector.fromArray(SPECIES, c, cOff + 2 * ldc);
      c21 = FloatVector.fromArray(SPECIES, c, cOff + 2 * ldc + l);
      c30 = FloatVector.fromArray(SPECIES, c, cOff + 3 * ldc);
      c31 = FloatVector.fromArray(SPECIES, c, cOff + 3 * ldc + l);
      c40 = FloatVector.fromArray(SPECIES, c, cOff + 4 * ldc);
      c41 = FloatVector.fromArray(SPECIES, c, cOff + 4 * ldc + l);
      c50 = FloatVector.fromArray(SPECIES, c, cOff + 5 * ldc);
      c51 = FloatVector.fromArray(SPECIES, c, cOff + 5 * ldc + l);
      c60 = FloatVector.fromArray(SPECIES, c, cOff + 6 * ldc);
      c61 = FloatVector.fromArray(SPECIES, c, cOff + 6 * ldc + l);
      c70 = FloatVector.fromArray(SPECIES, c, cOff + 7 * ldc);
      c71 = FloatVector.fromArray(SPECIES, c, cOff + 7 * ldc + l);
    } else {
      FloatVector z = FloatVector.zero(SPECIES);
      c00 = z;
      c01 = z;
      c10 = z;
      c11 = z;
      c20 = z;
      c21 = z;
      c30 = z;
      c31 = z;
      c40 = z;
      c41 = z;
      c50 = z;
      c51 = z;
      c60 = z;
      c61 = z;
      c70 = z;
      c71 = z;
    }
    for (int p = 0; p < kLen; p++) {
      int ib = pbOff + p * NR;
      int ia = paOff + p * MR;
      FloatVector b0 = FloatVector.fromArray(SPECIES, pb, ib);
      FloatVector b1 = FloatVector.fromArray(SPECIES, pb, ib + l);
      FloatVector x = FloatVector.broadcast(SPECIES, pa[ia]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(SPECIES, pa[ia + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(SPECIES, pa[ia + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(SPECIES, pa[ia + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(SPECIES, pa[ia + 4]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(SPECIES, pa[ia + 5]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      x = FloatVector.broadcast(SPECIES, pa[ia + 6]);
      c60 = x.fma(b0, c60);
      c61 = x.fma(b1, c61);
      x = FloatVector.broadcast(SPECIES, pa[ia + 7]);
      c70 = x.fma(b0, c70);
      c71 = x.fma(b1, c71);
    }
    c00.intoArray(c, cOff);
    c01.intoArray(c, cOff + l);
    c10.intoArray(c, cOff + ldc);
    c11.intoArray(c, cOff + ldc + l);
    c20.intoArray(c, cOff + 2 * ldc);
    c21.intoArray(c, cOff + 2 * ldc + l);
    c30.intoArray(c, cOff + 3 * ldc);
    c31.intoArray(c, cOff + 3 * ldc + l);
    c40.intoArray(c, cOff + 4 * ldc);
    c41.intoArray(c, cOff + 4 * ldc + l);
    c50.intoArray(c, cOff + 5 * ldc);
    c51.intoArray(c, cOff + 5 * ldc + l);
    c60.intoArray(c, cOff + 6 * ldc);
    c61.intoArray(c, cOff + 6 * ldc + l);
    c70.intoArray(c, cOff + 7 * ldc);
    c71.intoArray(c, cOff + 7 * ldc + l);
  }
}
