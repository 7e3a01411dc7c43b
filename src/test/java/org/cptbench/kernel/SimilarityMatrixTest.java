package org.cptbench.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityMatrixTest {
  @Test
  void handExample() {
    // X = [[1,2],[3,4],[0,1]], Y = [[1,0],[1,1]] -> X Y^T = [[1,3],[3,7],[0,1]]
    float[] x = {1, 2, 3, 4, 0, 1};
    float[] y = {1, 0, 1, 1};
    assertArrayEquals(new float[] {1, 3, 3, 7, 0, 1}, SimilarityMatrix.multiplyTransposed(x, 3, y, 2, 2, 1));
    assertArrayEquals(new double[] {1, 3, 3, 7, 0, 1}, SimilarityMatrix.reference(x, 3, y, 2, 2));
    // cosines: row 0 = (1,2)/sqrt5 against (1,0) and (1,1)/sqrt2
    float[] c = SimilarityMatrix.cosine(x, 3, y, 2, 2, 1);
    assertEquals(1 / Math.sqrt(5), c[0], 1e-6);
    assertEquals(3 / Math.sqrt(10), c[1], 1e-6);
    assertEquals(0, c[4], 1e-7);
  }

  @Test
  void matchesReferenceAndFmaChainOnOddShapes() {
    int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {9, 33, 17}, {130, 70, 260}, {257, 31, 600}};
    for (int[] sh : shapes) {
      for (int threads = 1; threads <= 3; threads++) {
        long seed = 1000L * sh[0] + 10L * sh[2] + threads;
        Random rnd = new Random(seed);
        int m = sh[0];
        int n = sh[1];
        int d = sh[2];
        float[] x = gaussian(rnd, m * d);
        float[] y = gaussian(rnd, n * d);
        float[] s = SimilarityMatrix.multiplyTransposed(x, m, y, n, d, threads);
        double[] ref = SimilarityMatrix.reference(x, m, y, n, d);
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            String where = "seed " + seed + " shape " + m + "x" + n + "x" + d + " at " + i + "," + j;
            assertEquals(Gemm.dotFmaChain(x, i * d, y, j * d, d), s[i * n + j], where);
            assertEquals(ref[i * n + j], s[i * n + j], 1e-5 * Math.sqrt(d) * 4, where);
          }
        }
      }
    }
  }

  static float[] gaussian(Random rnd, int len) {
    float[] a = new float[len];
    for (int i = 0; i < len; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }
}
