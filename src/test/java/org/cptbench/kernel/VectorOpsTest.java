package org.cptbench.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorOpsTest {
  @Test
  void dotOfHandExample() {
    float[] a = {1, 2, 3};
    float[] b = {4, 5, 6};
    assertEquals(32f, VectorOps.dotScalar(a, b));
    assertEquals(32f, VectorOps.dot(a, b));
  }

  @Test
  void dotWithOffsets() {
    float[] a = {9, 9, 1, 2, 9};
    float[] b = {3, 4, 9};
    // a[2..4) . b[0..2) = 1*3 + 2*4 = 11
    assertEquals(11f, VectorOps.dot(a, 2, b, 0, 2));
    assertEquals(11f, VectorOps.dotScalar(a, 2, b, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> VectorOps.dot(a, 4, b, 0, 2));
  }

  @Test
  void vectorDotMatchesScalarAndDoubleForAllLengths() {
    long seed = 20260101L;
    Random rnd = new Random(seed);
    for (int len = 0; len <= 200; len++) {
      float[] a = new float[len];
      float[] b = new float[len];
      double exact = 0;
      double absSum = 0;
      for (int i = 0; i < len; i++) {
        a[i] = (float) rnd.nextGaussian();
        b[i] = (float) rnd.nextGaussian();
        exact += (double) a[i] * b[i];
        absSum += Math.abs((double) a[i] * b[i]);
      }
      double tol = 1e-6 * (absSum + 1);
      assertEquals(exact, VectorOps.dot(a, b), tol, "seed " + seed + " len " + len);
      assertEquals(exact, VectorOps.dotScalar(a, b), tol, "seed " + seed + " len " + len);
    }
  }

  @Test
  void cosineOfHandExamples() {
    float[] x = {1, 0};
    float[] y = {1, 1};
    assertEquals(1 / Math.sqrt(2), VectorOps.cosine(x, y), 1e-7);
    assertEquals(1 / Math.sqrt(2), VectorOps.cosineScalar(x, y), 1e-7);
    assertEquals(-1f, VectorOps.cosine(new float[] {2, 4}, new float[] {-1, -2}), 1e-7);
    assertEquals(0f, VectorOps.cosine(new float[] {1, 0, 0}, new float[] {0, 3, 0}));
    assertEquals(0f, VectorOps.cosine(new float[] {0, 0}, new float[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> VectorOps.cosine(new float[2], new float[3]));
  }

  @Test
  void normalizeHandExample() {
    float[] v = {3, 4};
    assertEquals(5f, VectorOps.normalizeInPlace(v), 1e-6);
    assertArrayEquals(new float[] {0.6f, 0.8f}, v, 1e-7f);
  }

  @Test
  void normalizeRowsGivesUnitRowsAndNamesBadRow() {
    long seed = 7L;
    Random rnd = new Random(seed);
    int rows = 5;
    int dim = 37;
    float[] m = new float[rows * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) rnd.nextGaussian() * 10;
    }
    VectorOps.normalizeRows(m, rows, dim);
    for (int i = 0; i < rows; i++) {
      assertEquals(1.0, VectorOps.dotScalar(m, i * dim, m, i * dim, dim), 1e-5, "seed " + seed + " row " + i);
    }
    float[] withZero = {1, 1, 0, 0};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VectorOps.normalizeRows(withZero, 2, 2));
    assertTrue(e.getMessage().startsWith("row 1:"), e.getMessage());
  }

  @Test
  void flattenAndUnflattenRoundTrip() {
    float[][] m = {{1, 2, 3}, {4, 5, 6}};
    float[] flat = VectorOps.flatten(m);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, flat);
    float[][] back = VectorOps.unflatten(flat, 2, 3);
    assertArrayEquals(m[0], back[0]);
    assertArrayEquals(m[1], back[1]);
    assertArrayEquals(new float[] {4, 5, 6}, VectorOps.row(flat, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> VectorOps.flatten(new float[][] {{1, 2}, {3}}));
    assertThrows(IllegalArgumentException.class, () -> VectorOps.unflatten(flat, 4, 2));
  }
}
