package org.cptbench.model.safetensors;

import java.util.Arrays;

/**
 * A float32 tensor in row-major order, as written to a safetensors file.
 *
 * @param shape its dimensions (empty for a scalar)
 * @param data {@code product(shape)} values
 */
public record FloatTensor(long[] shape, float[] data) {
  public FloatTensor {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
      }
      n = Math.multiplyExact(n, d);
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + n + " values, data has " + data.length);
    }
  }

  /** A matrix {@code [rows, cols]} transposed to {@code [cols, rows]}. */
  public static FloatTensor transpose(float[] m, int rows, int cols) {
    return new FloatTensor(new long[] {cols, rows}, transposeData(m, rows, cols));
  }

  /** The values of a row-major {@code [rows, cols]} matrix in the row-major order of its transpose. */
  public static float[] transposeData(float[] m, int rows, int cols) {
    if (m.length != (long) rows * cols) {
      throw new IllegalArgumentException(m.length + " values are not a " + rows + " x " + cols + " matrix");
    }
    float[] t = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[r * cols + c];
      }
    }
    return t;
  }
}
