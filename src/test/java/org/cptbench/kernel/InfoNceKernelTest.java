package org.cptbench.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InfoNceKernelTest {
  @Test
  void handComputedTwoByTwo() {
    // u = v = identity, tau = 0: Z = I. Each row and column: log(e + 1) - 1 = 0.31326169; L = 0.31326169.
    // G_ii = (2 e/(e+1) - 2) / 4 = -0.13447071, dL/dtau = sum_i G_ii Z_ii = -0.26894142.
    float[] x = {1, 0, 0, 1};
    float[] y = {2, 0, 0, 3}; // scaling does not change the normalised rows
    for (InfoNceKernel.Result r :
        new InfoNceKernel.Result[] {InfoNceKernel.forwardBackward(x, y, 2, 2, 0, 1), InfoNceKernel.reference(x, y, 2, 2, 0)}) {
      assertEquals(0.31326169, r.loss(), 1e-7);
      assertEquals(-0.26894142, r.gradTau(), 1e-7);
    }
  }

  @Test
  void singlePairHasZeroLossAndGradient() {
    InfoNceKernel.Result r = InfoNceKernel.forwardBackward(new float[] {1, 2}, new float[] {3, -1}, 1, 2, 2.0, 1);
    assertEquals(0, r.loss(), 1e-12);
    assertEquals(0, r.gradTau(), 1e-12);
    assertEquals(0, r.gradX()[0], 1e-7);
  }

  @Test
  void referenceGradientMatchesFiniteDifferences() {
    long seed = 4242L;
    Random rnd = new Random(seed);
    int m = 5;
    int d = 7;
    float[] x = SimilarityMatrixTest.gaussian(rnd, m * d);
    float[] y = SimilarityMatrixTest.gaussian(rnd, m * d);
    double tau = 1.3;
    InfoNceKernel.Result r = InfoNceKernel.reference(x, y, m, d, tau);
    for (int which = 0; which < 2; which++) {
      float[] a = which == 0 ? x : y;
      float[] grad = which == 0 ? r.gradX() : r.gradY();
      for (int i = 0; i < a.length; i++) {
        float orig = a[i];
        a[i] = orig + 1e-3f;
        double up = InfoNceKernel.reference(x, y, m, d, tau).loss();
        double hUp = (double) a[i] - orig;
        a[i] = orig - 1e-3f;
        double down = InfoNceKernel.reference(x, y, m, d, tau).loss();
        double hDown = orig - (double) a[i];
        a[i] = orig;
        double fd = (up - down) / (hUp + hDown);
        assertEquals(fd, grad[i], 1e-5 + 1e-3 * Math.abs(fd), "seed " + seed + (which == 0 ? " x[" : " y[") + i + "]");
      }
    }
    double h = 1e-5;
    double fdTau =
        (InfoNceKernel.reference(x, y, m, d, tau + h).loss() - InfoNceKernel.reference(x, y, m, d, tau - h).loss())
            / (2 * h);
    assertEquals(fdTau, r.gradTau(), 1e-7, "seed " + seed + " tau");
  }

  @Test
  void optimisedMatchesReference() {
    int[][] shapes = {{2, 3}, {9, 17}, {37, 19}, {130, 64}};
    double[] taus = {0.0, Math.log(1 / 0.07), 6.5};
    for (int[] sh : shapes) {
      for (double tau : taus) {
        for (int threads = 1; threads <= 2; threads++) {
          long seed = 17L * sh[0] + sh[1] + threads;
          Random rnd = new Random(seed);
          int m = sh[0];
          int d = sh[1];
          float[] x = SimilarityMatrixTest.gaussian(rnd, m * d);
          float[] y = x.clone();
          for (int i = 0; i < y.length; i++) {
            y[i] += 0.7f * (float) rnd.nextGaussian();
          }
          String where = "seed " + seed + " M=" + m + " d=" + d + " tau=" + tau + " threads=" + threads;
          InfoNceKernel.Result ref = InfoNceKernel.reference(x, y, m, d, tau);
          InfoNceKernel.Result got = InfoNceKernel.forwardBackward(x, y, m, d, tau, threads);
          double s = Math.exp(tau);
          // float similarities carry ~1e-7 relative error, scaled by s in the logits
          double tol = 1e-6 * s + 1e-6;
          assertEquals(ref.loss(), got.loss(), tol * 10, where + " loss");
          assertEquals(ref.gradTau(), got.gradTau(), tol * 10, where + " dtau");
          assertClose(ref.gradX(), got.gradX(), tol, where + " dx");
          assertClose(ref.gradY(), got.gradY(), tol, where + " dy");
        }
      }
    }
  }

  private static void assertClose(float[] expected, float[] actual, double tolScale, String where) {
    double max = 0;
    for (float e : expected) {
      max = Math.max(max, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolScale * (max + 1e-3) * 10, where + " [" + i + "]");
    }
  }

  @Test
  void rejectsZeroRowsAndBadShapes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InfoNceKernel.forwardBackward(new float[] {1, 0, 0, 0}, new float[] {1, 0, 0, 1}, 2, 2, 0, 1));
    assertTrue(e.getMessage().startsWith("x: row 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> InfoNceKernel.reference(new float[3], new float[4], 2, 2, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> InfoNceKernel.forwardBackward(new float[] {1}, new float[] {1}, 1, 1, Double.NaN, 1));
  }
}
