package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class AdamLogisticRegressionTest {
  @Test
  void separableBinaryProblemIsLearnedAndStopsEarly() {
    // 4,000 rows: 63 mini-batches of 64 per pass, so the 4 passes before the first check move every weight by up
    // to 252 Adam steps of lr 1e-3 (enough to beat the random initial weights of up to 1/sqrt(8))
    int[] y = new int[4000];
    double[][] x = Synthetic.blobs(4000, 8, 2, 6.0, 1.0, 1, y);
    int[] yVal = new int[200];
    double[][] xVal = Synthetic.blobs(200, 8, 2, 6.0, 1.0, 2, yVal);
    int[] yTest = new int[300];
    double[][] xTest = Synthetic.blobs(300, 8, 2, 6.0, 1.0, 3, yTest);
    AdamLogisticRegression m = AdamLogisticRegression.fit(x, y, xVal, yVal, 1e-5, 1111);
    assertEquals(1.0, m.validationAccuracy());
    assertEquals(1.0, m.accuracy(xTest, yTest));
    assertArrayEquals(new int[] {0, 1}, m.classes());
    // once perfect it can never improve: training stops after tenacity + 1 = 6 more checks of 4 passes
    assertTrue(m.passes() % 4 == 0 && m.passes() >= 4 * 7 && m.passes() < 200, "passes " + m.passes());
  }

  @Test
  void separableMulticlassProblemWithHeldOutSplit() {
    int[] y = new int[6000];
    double[][] x = Synthetic.blobs(6000, 8, 6, 7.0, 1.0, 3, y);
    int[] yTest = new int[120];
    double[][] xTest = Synthetic.blobs(120, 8, 6, 7.0, 1.0, 4, yTest);
    AdamLogisticRegression m = AdamLogisticRegression.fitWithSplit(x, y, 1e-4, 1111);
    assertEquals(1.0, m.accuracy(xTest, yTest));
    assertEquals(6, m.classes().length);
  }

  @Test
  void learnsAHarderProblemBetterThanChanceAndIsDeterministic() {
    // one informative direction among 20 noise columns, 10 % label noise: Adam must move away from its init
    SplittableRandom r = new SplittableRandom(5);
    int n = 4400;
    double[][] x = new double[n][20];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 20; j++) {
        x[i][j] = r.nextGaussian();
      }
      y[i] = (x[i][3] > 0) ^ (r.nextDouble() < 0.1) ? 1 : 0;
    }
    double[][] xTrain = Arrays.copyOfRange(x, 0, 4000);
    int[] yTrain = Arrays.copyOfRange(y, 0, 4000);
    double[][] xTest = Arrays.copyOfRange(x, 4000, n);
    int[] yTest = Arrays.copyOfRange(y, 4000, n);
    AdamLogisticRegression a = AdamLogisticRegression.fitWithSplit(xTrain, yTrain, 1e-3, 1111);
    AdamLogisticRegression b = AdamLogisticRegression.fitWithSplit(xTrain, yTrain, 1e-3, 1111);
    assertTrue(a.accuracy(xTest, yTest) > 0.8, "accuracy " + a.accuracy(xTest, yTest));
    assertArrayEquals(a.predict(xTest), b.predict(xTest));
    assertEquals(a.passes(), b.passes());
  }

  @Test
  void rejectsBadSettings() {
    double[][] x = {{1}, {2}, {3}, {4}};
    int[] y = {0, 1, 0, 1};
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> AdamLogisticRegression.fit(x, y, x, y, -1, 1));
    assertTrue(e.getMessage().contains("l2reg = -1.0"), e.getMessage());
    e = assertThrows(CptbenchException.class, () -> AdamLogisticRegression.fitWithSplit(x, y, 1e-3, 1));
    assertTrue(e.getMessage().contains("no validation rows"), e.getMessage());
  }
}
