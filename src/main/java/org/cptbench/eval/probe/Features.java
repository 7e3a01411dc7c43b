package org.cptbench.eval.probe;

import org.cptbench.CptbenchException;

/**
 * Checks and converts embedding matrices for the probes. A feature matrix is {@code n} rows of the same width
 * {@code d >= 1} with finite values; labels are one int per row.
 */
public final class Features {
  private Features() {}

  /** Widens {@code x} to double after checking it (rectangular, non-empty, finite); names the bad row. */
  public static double[][] toDouble(String name, float[][] x) {
    if (x == null || x.length == 0) {
      throw new CptbenchException(name + ": no rows (need at least 1 feature vector)");
    }
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      float[] row = x[i];
      checkWidth(name, i, row == null ? -1 : row.length, x[0] == null ? -1 : x[0].length);
      double[] r = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        r[j] = row[j];
      }
      out[i] = r;
    }
    return check(name, out);
  }

  /** Checks {@code x} (rectangular, non-empty, finite) and returns it; names the bad row. */
  public static double[][] check(String name, double[][] x) {
    if (x == null || x.length == 0) {
      throw new CptbenchException(name + ": no rows (need at least 1 feature vector)");
    }
    int d = x[0] == null ? -1 : x[0].length;
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      checkWidth(name, i, row == null ? -1 : row.length, d);
      for (int j = 0; j < row.length; j++) {
        if (!Double.isFinite(row[j])) {
          throw new CptbenchException(
              name + ": row " + i + " column " + j + " is " + row[j] + " (features must be finite)");
        }
      }
    }
    return x;
  }

  /**
   * Copies of the rows divided by their L2 norms ({@code x / max(||x||, 1e-12)}, as {@code
   * torch.nn.functional.normalize}).
   */
  public static double[][] l2Normalized(String name, double[][] x) {
    check(name, x);
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double sq = 0;
      for (double v : x[i]) {
        sq += v * v;
      }
      double norm = Math.max(Math.sqrt(sq), 1e-12);
      out[i] = new double[x[i].length];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = x[i][j] / norm;
      }
    }
    return out;
  }

  /** Checks that there is one label per row. */
  static void checkLabels(String name, double[][] x, int[] y) {
    if (y == null) {
      throw new CptbenchException(name + ": labels are missing");
    }
    if (y.length != x.length) {
      throw new CptbenchException(
          name + ": " + x.length + " feature rows but " + y.length + " labels (need one label per row)");
    }
  }

  /** Checks that two matrices have the same width (train and test of one task). */
  static void checkSameWidth(String name, double[][] a, double[][] b) {
    if (a[0].length != b[0].length) {
      throw new CptbenchException(
          name + ": feature width " + b[0].length + " differs from the training width " + a[0].length);
    }
  }

  /** The rows of {@code x} at {@code idx}, shared (not copied). */
  static double[][] rows(double[][] x, int[] idx) {
    double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  /** The labels at {@code idx}. */
  static int[] labels(int[] y, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = y[idx[i]];
    }
    return out;
  }

  private static void checkWidth(String name, int row, int width, int expected) {
    if (width < 1) {
      throw new CptbenchException(name + ": row " + row + " is empty (need at least 1 feature)");
    }
    if (width != expected) {
      throw new CptbenchException(
          name + ": row " + row + " has " + width + " features but row 0 has " + expected
              + " (all rows must have the same width)");
    }
  }
}
