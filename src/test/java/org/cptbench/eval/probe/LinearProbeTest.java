package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
  private static final ProbeOptions OPT = ProbeOptions.senteval().withConvergence(1e-8, 1000);

  @Test
  void separableBinaryDataIsClassifiedPerfectly() {
    int[] y = new int[200];
    double[][] x = Synthetic.blobs(200, 8, 2, 6.0, 1.0, 1, y);
    int[] yTest = new int[100];
    double[][] xTest = Synthetic.blobs(100, 8, 2, 6.0, 1.0, 2, yTest);
    LinearProbe p = LinearProbe.fit(x, y, 1.0, ProbeOptions.senteval());
    assertEquals(1.0, p.accuracy(xTest, yTest));
    assertArrayEquals(new int[] {0, 1}, p.classes());
  }

  @Test
  void separableMulticlassDataIsClassifiedPerfectly() {
    int[] y = new int[300];
    double[][] x = Synthetic.blobs(300, 8, 6, 7.0, 1.0, 3, y);
    int[] yTest = new int[120];
    double[][] xTest = Synthetic.blobs(120, 8, 6, 7.0, 1.0, 4, yTest);
    LinearProbe p = LinearProbe.fit(x, y, 1.0, ProbeOptions.senteval());
    assertEquals(1.0, p.accuracy(xTest, yTest));
    assertEquals(6, p.weights().length);
  }

  @Test
  void binaryWeightMatchesHandSolvedOptimumWithLambdaOneOverC() {
    // x = -1 (class 0) and x = +1 (class 1). By symmetry b = 0 and w solves lambda*w = 2/(1 + e^w);
    // C = 1 -> lambda = 1 -> w = 0.674831614342 (Newton's method); C = 4 -> lambda = 0.25 -> w = 1.523699...
    double[][] x = {{-1}, {1}};
    int[] y = {0, 1};
    double[] w = LinearProbe.fit(x, y, 1.0, OPT).weights()[0];
    assertEquals(0.674831614342, w[0], 1e-6);
    assertEquals(0.0, w[1], 1e-6);
    double w4 = LinearProbe.fit(x, y, 4.0, OPT).weights()[0][0];
    assertEquals(0.0, 0.25 * w4 - 2 / (1 + Math.exp(w4)), 1e-6);
  }

  @Test
  void multinomialIsSymmetricSoftmaxNotReferenceClass() {
    // One row per class at the unit vectors. The symmetric penalty makes the weight vectors sum to zero
    // (a shift of all w_c leaves the likelihood unchanged), and each class gets the same weight on its own axis.
    double[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    int[] y = {7, 8, 9};
    LinearProbe p = LinearProbe.fit(x, y, 1.0, OPT);
    double[][] w = p.weights();
    for (int j = 0; j < 3; j++) {
      assertEquals(0.0, w[0][j] + w[1][j] + w[2][j], 1e-6, "column " + j);
    }
    assertEquals(w[0][0], w[1][1], 1e-6);
    assertEquals(w[0][0], w[2][2], 1e-6);
    // own-axis weight a and others -a/2: lambda*a = 1 - p_own, p_own = e^a / (e^a + 2 e^(-a/2))
    double a = w[0][0];
    assertEquals(-a / 2, w[0][1], 1e-6);
    double pOwn = Math.exp(a) / (Math.exp(a) + 2 * Math.exp(-a / 2));
    assertEquals(1 - pOwn, a, 1e-6);
    assertArrayEquals(new int[] {7, 8, 9}, p.predict(x));
  }

  @Test
  void floatInputGivesTheSameModel() {
    float[][] xf = {{-1f, 0.5f}, {1f, 0.25f}, {-2f, 0f}, {2f, 1f}};
    double[][] xd = {{-1, 0.5}, {1, 0.25}, {-2, 0}, {2, 1}};
    int[] y = {0, 1, 0, 1};
    assertArrayEquals(
        LinearProbe.fit(xd, y, 2.0, OPT).weights()[0], LinearProbe.fit(xf, y, 2.0, OPT).weights()[0], 0.0);
  }

  @Test
  void standardizationUsesTrainingStatistics() {
    // Feature 1 is constant (only centred); feature 0 separates; scaled by 1000 it still separates after z-scoring.
    double[][] x = {{-1000, 5}, {-2000, 5}, {1000, 5}, {2000, 5}};
    int[] y = {0, 0, 1, 1};
    LinearProbe p = LinearProbe.fit(x, y, 1.0, OPT.withStandardize(true));
    assertEquals(1.0, p.accuracy(x, y));
    assertEquals(0.0, p.weights()[0][1], 1e-9);
  }

  @Test
  void rejectsBadInput() {
    double[][] x = {{1}, {2}, {3}};
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> LinearProbe.fit(x, new int[] {0, 1}, 1.0, OPT));
    assertTrue(e.getMessage().contains("3 feature rows but 2 labels"), e.getMessage());
    e = assertThrows(CptbenchException.class, () -> LinearProbe.fit(x, new int[] {4, 4, 4}, 1.0, OPT));
    assertTrue(e.getMessage().contains("all 3 training labels are 4"), e.getMessage());
    e = assertThrows(CptbenchException.class, () -> LinearProbe.fit(x, new int[] {0, 1, 0}, 0.0, OPT));
    assertTrue(e.getMessage().contains("C = 0.0"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> LinearProbe.fit(new double[][] {{1, 2}, {3}}, new int[] {0, 1}, 1.0, OPT));
    assertTrue(e.getMessage().contains("row 1 has 1 features but row 0 has 2"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> LinearProbe.fit(new double[][] {{1}, {Double.NaN}}, new int[] {0, 1}, 1.0, OPT));
    assertTrue(e.getMessage().contains("row 1 column 0 is NaN"), e.getMessage());
    LinearProbe p = LinearProbe.fit(x, new int[] {0, 1, 1}, 1.0, OPT);
    e = assertThrows(CptbenchException.class, () -> p.predict(new double[] {1, 2}));
    assertTrue(e.getMessage().contains("has 2 values, model expects 1"), e.getMessage());
  }
}
