package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class BlockwiseInfoNceTest {

  @Test
  void matchesAutogradOfTheFullLossAcrossSeveralBlocks() {
    int m = 2 * BlockwiseInfoNce.BLOCK + 37; // three blocks, the last one partial
    int d = 12;
    float[][] x = SymmetricInfoNceLossTest.randomUnit(m, d, 41);
    float[][] y = SymmetricInfoNceLossTest.randomUnit(m, d, 42);
    for (int i = 0; i < m; i += 3) {
      y[i] = x[i].clone(); // some easy positives, so accuracy is neither 0 nor 1
    }
    float tau = 2.9f;
    try (NDManager mgr = NDManager.newBaseManager()) {
      NDArray xa = mgr.create(x);
      NDArray ya = mgr.create(y);
      NDArray t = mgr.create(new float[] {tau}, new Shape(1));
      xa.setRequiresGradient(true);
      ya.setRequiresGradient(true);
      t.setRequiresGradient(true);
      float loss;
      double acc;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = SymmetricInfoNceLoss.logits(xa, ya, t.exp());
        NDArray l = SymmetricInfoNceLoss.loss(logits);
        gc.backward(l);
        loss = l.getFloat();
        long[] best = logits.argMax(1).toLongArray();
        int hits = 0;
        for (int i = 0; i < m; i++) {
          hits += best[i] == i ? 1 : 0;
        }
        acc = (double) hits / m;
      }
      BlockwiseInfoNce.Result r =
          BlockwiseInfoNce.compute(mgr.create(x), mgr.create(y), (float) Math.exp(tau));
      assertEquals(SymmetricInfoNceLoss.reference(x, y, Math.exp(tau)), r.loss(), 1e-4);
      assertEquals(loss, r.loss(), 1e-4);
      assertEquals(acc, r.accuracy(), 1e-9);
      assertEquals(t.getGradient().getFloat(), r.gradTau(), 1e-4);
      assertClose(xa.getGradient().toFloatArray(), r.gradX().toFloatArray());
      assertClose(ya.getGradient().toFloatArray(), r.gradY().toFloatArray());
    }
  }

  private static void assertClose(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    double scale = 1e-6;
    for (float v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-3 * scale, "gradient element " + i);
    }
  }
}
