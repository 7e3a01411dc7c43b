package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cptbench.train.SymmetricInfoNceLoss;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the use-after-free described in {@link Scalars}: between the forward and the backward pass
 * the garbage collector runs and the freed native memory is handed out again (filled with 1234). Before the fix
 * the gradient of {@code x * 3} came back as 1234 (or 2.5e34) instead of 3.
 */
class ScalarsTest {
  private static final float JUNK = 1234f;

  /** Runs the GC (so the cleaners free unreachable direct buffers), then reuses small native blocks. */
  static List<ByteBuffer> churnNativeMemory() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<ByteBuffer> junk = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ByteBuffer b = ByteBuffer.allocateDirect(4 << (i % 4)).order(ByteOrder.nativeOrder());
      for (int j = 0; j < b.capacity(); j += 4) {
        b.putFloat(j, JUNK);
      }
      junk.add(b);
    }
    return junk;
  }

  @Test
  void theGraphKeepsAClosedScalarOperandAlive() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1f, 2f});
      x.setRequiresGradient(true);
      for (int trial = 0; trial < 5; trial++) {
        List<ByteBuffer> junk;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray c = Scalars.of(x, 3.0);
          NDArray y = x.mul(c).sum();
          c.close(); // what DJL does with the operand of mul(Number)
          junk = churnNativeMemory();
          gc.backward(y);
        }
        try (NDArray g = x.getGradient()) {
          float[] grad = g.toFloatArray();
          assertEquals(3f, grad[0], 0f, "trial " + trial + " (" + junk.size() + " junk blocks)");
          assertEquals(3f, grad[1], 0f);
        }
        JniUtils.zeroGrad((PtNDArray) x);
      }
    }
  }

  @Test
  void encoderAndLossGradientsDoNotDependOnWhenTheGarbageCollectorRuns() {
    for (Attention attention : Attention.values()) {
      EncoderSpec spec = new EncoderSpec(64, 2, 32, 4, 64, 16, attention, Pooling.EOS);
      try (NDManager m = NDManager.newBaseManager();
          TransformerWeights w = TransformerWeights.initialise(spec, 7, m)) {
        w.setRequiresGradient(true);
        CptTransformer model = new CptTransformer(spec, w);
        Random r = new Random(3);
        int[][] xs = new int[6][];
        int[][] ys = new int[6][];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = seq(r, 2, 3);
          ys[i] = seq(r, 4, 5);
        }
        Map<String, float[]> calm = gradients(model, m, xs, ys, false);
        Map<String, float[]> churned = gradients(model, m, xs, ys, true);
        for (String name : calm.keySet()) {
          float[] a = calm.get(name);
          float[] b = churned.get(name);
          for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-6f * Math.max(1f, Math.abs(a[i])), attention + " " + name + "[" + i + "]");
          }
        }
      }
    }
  }

  private static Map<String, float[]> gradients(
      CptTransformer model, NDManager m, int[][] xs, int[][] ys, boolean churn) {
    try (NDScope scope = new NDScope();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray x = model.embed(TokenBatch.of(xs, 0, model.spec().pooling()), m);
      NDArray y = model.embed(TokenBatch.of(ys, 0, model.spec().pooling()), m);
      NDArray loss = SymmetricInfoNceLoss.loss(SymmetricInfoNceLoss.logits(x, y, Scalars.of(x, 14.0)));
      List<ByteBuffer> junk = churn ? churnNativeMemory() : List.of();
      gc.backward(loss);
      assertEquals(churn ? 20_000 : 0, junk.size());
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : model.weights().asMap().entrySet()) {
      try (NDArray g = e.getValue().getGradient()) {
        out.put(e.getKey(), g.toFloatArray());
      }
      JniUtils.zeroGrad((PtNDArray) e.getValue());
    }
    return out;
  }

  private static int[] seq(Random r, int start, int end) {
    int[] s = new int[3 + r.nextInt(8)];
    s[0] = start;
    for (int j = 1; j < s.length - 1; j++) {
      s[j] = 6 + r.nextInt(58);
    }
    s[s.length - 1] = end;
    return s;
  }
}
