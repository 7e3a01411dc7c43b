package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricInfoNceLossTest {

  private static double djlLoss(float[][] x, float[][] y, double tau) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits =
          SymmetricInfoNceLoss.logits(
              m.create(x), m.create(y), m.create(new float[] {(float) tau}, new Shape(1)).exp());
      return SymmetricInfoNceLoss.loss(logits).getFloat();
    }
  }

  @Test
  void threeByThreeCaseComputedByHand() {
    // X = I, Y = [e1, e2, e1], exp(tau) = 2: logits rows [2,0,2], [0,2,0], [0,0,0]
    float[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    float[][] y = {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}};
    double e2 = Math.exp(2);
    double rows = (Math.log(2 * e2 + 1) - 2) + (Math.log(e2 + 2) - 2) + Math.log(3);
    double cols = (Math.log(e2 + 2) - 2) + (Math.log(e2 + 2) - 2) + Math.log(e2 + 2);
    double expected = (rows / 3 + cols / 3) / 2; // = 0.8025692
    assertEquals(0.8025692, expected, 1e-6);
    assertEquals(expected, djlLoss(x, y, Math.log(2)), 1e-5);
    assertEquals(expected, SymmetricInfoNceLoss.reference(x, y, 2), 1e-12);
  }

  @Test
  void gradientWithRespectToTauMatchesFiniteDifferences() {
    float[][] x = randomUnit(6, 8, 1);
    float[][] y = randomUnit(6, 8, 2);
    double tau = 1.3;
    double analytic;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray t = m.create(new float[] {(float) tau}, new Shape(1));
      t.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = SymmetricInfoNceLoss.loss(SymmetricInfoNceLoss.logits(m.create(x), m.create(y), t.exp()));
        gc.backward(loss);
      }
      analytic = t.getGradient().getFloat();
    }
    double h = 1e-4;
    double numeric =
        (SymmetricInfoNceLoss.reference(x, y, Math.exp(tau + h))
                - SymmetricInfoNceLoss.reference(x, y, Math.exp(tau - h)))
            / (2 * h);
    assertEquals(numeric, analytic, 1e-4);
  }

  @Test
  void symmetricInXAndY() {
    float[][] x = randomUnit(5, 4, 3);
    float[][] y = randomUnit(5, 4, 4);
    assertEquals(djlLoss(x, y, 2.0), djlLoss(y, x, 2.0), 1e-5);
  }

  @Test
  void invariantToPermutingTheBatch() {
    float[][] x = randomUnit(7, 4, 5);
    float[][] y = randomUnit(7, 4, 6);
    int[] perm = {3, 0, 6, 1, 5, 2, 4};
    float[][] px = new float[7][];
    float[][] py = new float[7][];
    for (int i = 0; i < 7; i++) {
      px[i] = x[perm[i]];
      py[i] = y[perm[i]];
    }
    assertEquals(djlLoss(x, y, 2.5), djlLoss(px, py, 2.5), 1e-5);
  }

  @Test
  void djlMatchesDoublePrecisionReference() {
    float[][] x = randomUnit(16, 12, 7);
    float[][] y = randomUnit(16, 12, 8);
    assertEquals(SymmetricInfoNceLoss.reference(x, y, Math.exp(2.6593)), djlLoss(x, y, 2.6593), 1e-4);
  }

  static float[][] randomUnit(int n, int d, long seed) {
    Random r = new Random(seed);
    float[][] a = new float[n][d];
    for (float[] row : a) {
      double norm = 0;
      for (int k = 0; k < d; k++) {
        row[k] = (float) r.nextGaussian();
        norm += row[k] * row[k];
      }
      for (int k = 0; k < d; k++) {
        row[k] /= (float) Math.sqrt(norm);
      }
    }
    return a;
  }
}
