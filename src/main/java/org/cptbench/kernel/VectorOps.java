package org.cptbench.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense float vector primitives: dot product {@code a·b = sum_i a_i b_i}, cosine {@code a·b / (|a| |b|)} and L2
 * normalisation {@code v / |v|}, each as a plain scalar reference ({@code *Scalar}) and a JDK Vector API version
 * ({@link FloatVector#SPECIES_PREFERRED}, four independent accumulators). The two differ only by float rounding (the
 * summation order differs). Matrices are flat row-major arrays: row {@code i} of a {@code rows x dim} matrix is
 * {@code flat[i*dim .. i*dim+dim)}.
 */
public final class VectorOps {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();

  private VectorOps() {}

  /** Scalar reference dot product of {@code len} elements from the given offsets, summed left to right in float. */
  public static float dotScalar(float[] a, int aOff, float[] b, int bOff, int len) {
    checkRange("a", a, aOff, len);
    checkRange("b", b, bOff, len);
    float s = 0f;
    for (int i = 0; i < len; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }

  /** Scalar reference dot product of two equal-length vectors. */
  public static float dotScalar(float[] a, float[] b) {
    checkSameLength(a, b);
    return dotScalar(a, 0, b, 0, a.length);
  }

  /** Vector API dot product of {@code len} elements from the given offsets. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
    checkRange("a", a, aOff, len);
    checkRange("b", b, bOff, len);
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = FloatVector.zero(SPECIES);
    FloatVector s2 = FloatVector.zero(SPECIES);
    FloatVector s3 = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i <= len - 4 * L; i += 4 * L) {
      s0 = FloatVector.fromArray(SPECIES, a, aOff + i).fma(FloatVector.fromArray(SPECIES, b, bOff + i), s0);
      s1 = FloatVector.fromArray(SPECIES, a, aOff + i + L).fma(FloatVector.fromArray(SPECIES, b, bOff + i + L), s1);
      s2 = FloatVector.fromArray(SPECIES, a, aOff + i + 2 * L)
          .fma(FloatVector.fromArray(SPECIES, b, bOff + i + 2 * L), s2);
      s3 = FloatVector.fromArray(SPECIES, a, aOff + i + 3 * L)
          .fma(FloatVector.fromArray(SPECIES, b, bOff + i + 3 * L), s3);
    }
    for (; i <= len - L; i += L) {
      s0 = FloatVector.fromArray(SPECIES, a, aOff + i).fma(FloatVector.fromArray(SPECIES, b, bOff + i), s0);
    }
    float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      s = Math.fma(a[aOff + i], b[bOff + i], s);
    }
    return s;
  }

  /** Vector API dot product of two equal-length vectors. */
  public static float dot(float[] a, float[] b) {
    checkSameLength(a, b);
    return dot(a, 0, b, 0, a.length);
  }

  /** Scalar reference cosine similarity; 0 when either vector is all zeros. */
  public static float cosineScalar(float[] a, float[] b) {
    checkSameLength(a, b);
    return cosineFrom(dotScalar(a, b), dotScalar(a, a), dotScalar(b, b));
  }

  /** Vector API cosine similarity; 0 when either vector is all zeros. */
  public static float cosine(float[] a, float[] b) {
    checkSameLength(a, b);
    return cosineFrom(dot(a, b), dot(a, a), dot(b, b));
  }

  private static float cosineFrom(float ab, float aa, float bb) {
    if (aa == 0f || bb == 0f) {
      return 0f;
    }
    return (float) (ab / (Math.sqrt(aa) * Math.sqrt(bb)));
  }

  /**
   * Divides {@code v[off .. off+len)} by its L2 norm in place and returns the norm.
   *
   * @throws IllegalArgumentException if the norm is zero or not finite (the direction is undefined)
   */
  public static float normalizeInPlace(float[] v, int off, int len) {
    float sq = dot(v, off, v, off, len);
    if (!(sq > 0f) || !Float.isFinite(sq)) {
      throw new IllegalArgumentException(
          "cannot L2-normalise a vector with squared norm " + sq + " (need finite and > 0)");
    }
    double norm = Math.sqrt(sq);
    float inv = (float) (1.0 / norm);
    int i = 0;
    for (; i <= len - L; i += L) {
      FloatVector.fromArray(SPECIES, v, off + i).mul(inv).intoArray(v, off + i);
    }
    for (; i < len; i++) {
      v[off + i] *= inv;
    }
    return (float) norm;
  }

  /** Normalises the whole array in place; see {@link #normalizeInPlace(float[], int, int)}. */
  public static float normalizeInPlace(float[] v) {
    return normalizeInPlace(v, 0, v.length);
  }

  /**
   * Normalises each row of the flat {@code rows x dim} matrix in place and returns the row norms.
   *
   * @throws IllegalArgumentException naming the row if a row has zero or non-finite norm
   */
  public static float[] normalizeRows(float[] flat, int rows, int dim) {
    checkMatrix(flat, rows, dim);
    float[] norms = new float[rows];
    for (int i = 0; i < rows; i++) {
      try {
        norms[i] = normalizeInPlace(flat, i * dim, dim);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
      }
    }
    return norms;
  }

  /** Copies a rectangular {@code float[rows][dim]} into a flat row-major array. */
  public static float[] flatten(float[][] matrix) {
    if (matrix.length == 0) {
      return new float[0];
    }
    int dim = matrix[0].length;
    float[] flat = new float[Math.multiplyExact(matrix.length, dim)];
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + matrix[i].length + " columns but row 0 has " + dim + "; need a rectangular matrix");
      }
      System.arraycopy(matrix[i], 0, flat, i * dim, dim);
    }
    return flat;
  }

  /** Splits a flat row-major {@code rows x dim} array into rows (copies). */
  public static float[][] unflatten(float[] flat, int rows, int dim) {
    checkMatrix(flat, rows, dim);
    float[][] out = new float[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = row(flat, dim, i);
    }
    return out;
  }

  /** A copy of row {@code i} of a flat row-major matrix with {@code dim} columns. */
  public static float[] row(float[] flat, int dim, int i) {
    checkRange("flat", flat, (long) i * dim, dim);
    float[] r = new float[dim];
    System.arraycopy(flat, i * dim, r, 0, dim);
    return r;
  }

  private static void checkMatrix(float[] flat, int rows, int dim) {
    if (rows < 0 || dim < 0 || flat.length != (long) rows * dim) {
      throw new IllegalArgumentException(
          "flat matrix has " + flat.length + " floats, need rows*dim = " + rows + "*" + dim + " (rows, dim >= 0)");
    }
  }

  private static void checkSameLength(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
    }
  }

  private static void checkRange(String name, float[] v, long off, int len) {
    if (off < 0 || len < 0 || off + len > v.length) {
      throw new IllegalArgumentException(
          name + ": range [" + off + ", " + (off + len) + ") outside array of length " + v.length);
    }
  }
}
