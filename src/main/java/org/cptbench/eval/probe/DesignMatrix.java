package org.cptbench.eval.probe;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The training rows of one fit, copied once into one contiguous row-major {@code double[]} ({@code n x p}) so that
 * the objectives stream through memory and the Vector API kernels ({@link #dot}, {@link #axpy}) see unit stride.
 * Built once per fold and shared by every {@code C} of the grid (the rows do not depend on {@code C}).
 */
final class DesignMatrix {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();

  final double[] data;
  final int n;
  final int p;

  private DesignMatrix(double[] data, int n, int p) {
    this.data = data;
    this.n = n;
    this.p = p;
  }

  /** A copy of the rows of {@code x} (all of the same width, already checked). */
  static DesignMatrix of(double[][] x) {
    int n = x.length;
    int p = x[0].length;
    double[] data = new double[n * p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, data, i * p, p);
    }
    return new DesignMatrix(data, n, p);
  }

  /** Rows z-scored with {@code mean} and {@code scale}: {@code (x - mean) / scale}. */
  DesignMatrix standardized(double[] mean, double[] scale) {
    double[] out = new double[data.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        out[i * p + j] = (data[i * p + j] - mean[j]) / scale[j];
      }
    }
    return new DesignMatrix(out, n, p);
  }

  /** {@code sum_j data[off + j] * w[wOff + j]} over {@code j < p}. */
  double dot(int off, double[] w, int wOff) {
    double[] a = data;
    int j = 0;
    double s = 0;
    int bound = SPECIES.loopBound(p);
    if (bound > 0) {
      DoubleVector acc0 = DoubleVector.zero(SPECIES);
      DoubleVector acc1 = DoubleVector.zero(SPECIES);
      for (; j + 2 * L <= bound; j += 2 * L) {
        acc0 = DoubleVector.fromArray(SPECIES, a, off + j).fma(DoubleVector.fromArray(SPECIES, w, wOff + j), acc0);
        acc1 = DoubleVector.fromArray(SPECIES, a, off + j + L)
            .fma(DoubleVector.fromArray(SPECIES, w, wOff + j + L), acc1);
      }
      for (; j < bound; j += L) {
        acc0 = DoubleVector.fromArray(SPECIES, a, off + j).fma(DoubleVector.fromArray(SPECIES, w, wOff + j), acc0);
      }
      s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }
    for (; j < p; j++) {
      s += a[off + j] * w[wOff + j];
    }
    return s;
  }

  /** {@code g[gOff + j] += alpha * data[off + j]} over {@code j < p}. */
  void axpy(double alpha, int off, double[] g, int gOff) {
    double[] a = data;
    int j = 0;
    int bound = SPECIES.loopBound(p);
    DoubleVector va = DoubleVector.broadcast(SPECIES, alpha);
    for (; j < bound; j += L) {
      DoubleVector.fromArray(SPECIES, a, off + j)
          .fma(va, DoubleVector.fromArray(SPECIES, g, gOff + j))
          .intoArray(g, gOff + j);
    }
    for (; j < p; j++) {
      g[gOff + j] += alpha * a[off + j];
    }
  }
}
