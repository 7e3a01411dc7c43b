package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class PairFeaturesTest {
  private static final double[][] U = {{1, 2}, {0, -3}};
  private static final double[][] V = {{3, -1}, {0.5, -3}};

  @Test
  void sentevalMrpcLayoutIsAbsDiffThenProduct() {
    double[][] f = PairFeatures.build(U, V, PairFeatures.Layout.SENTEVAL_MRPC);
    assertArrayEquals(new double[] {2, 3, 3, -2}, f[0]);
    assertArrayEquals(new double[] {0.5, 0, 0, 9}, f[1]);
  }

  @Test
  void fullLayoutIsUThenVThenAbsDiffThenProduct() {
    double[][] f = PairFeatures.build(U, V, PairFeatures.Layout.FULL);
    assertArrayEquals(new double[] {1, 2, 3, -1, 2, 3, 3, -2}, f[0]);
    float[][] uf = {{1f, 2f}};
    float[][] vf = {{3f, -1f}};
    assertArrayEquals(f[0], PairFeatures.build(uf, vf, PairFeatures.Layout.FULL)[0]);
  }

  @Test
  void rejectsMismatchedPairs() {
    CptbenchException e =
        assertThrows(
            CptbenchException.class,
            () -> PairFeatures.build(U, new double[][] {{1, 2}}, PairFeatures.Layout.FULL));
    assertTrue(e.getMessage().contains("2 first sentences but 1 second"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> PairFeatures.build(U, new double[][] {{1}, {2}}, PairFeatures.Layout.FULL));
    assertTrue(e.getMessage().contains("width 1 differs from the training width 2"), e.getMessage());
  }
}
