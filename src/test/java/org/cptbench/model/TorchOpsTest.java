package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TorchOpsTest {
  @Test
  void softmaxOfBf16LogitsComputesInFp32AndRoundsTheProbabilitiesOnce() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray logits = m.randomNormal(new Shape(37, 1000)).mul(4f);
      NDArray low = TorchOps.toBf16(logits);
      NDArray exact = low.toType(DataType.FLOAT32, false).softmax(1); // fp32 softmax of the same bf16 logits

      NDArray narrow = TorchOps.softmax(low, 1);
      assertEquals(DataType.UNKNOWN, narrow.getDataType(), "bf16 (DJL reports it as UNKNOWN)");
      // the fp32 softmax rounded to bf16 once (the statistics were kept in fp32): equal to rounding DJL's fp32
      // softmax, except where the two fp32 results straddle a rounding boundary (then one bf16 step, 2^-7 at most)
      NDArray back = narrow.toType(DataType.FLOAT32, false);
      NDArray rounded = TorchOps.toBf16(exact).toType(DataType.FLOAT32, false);
      long differ = back.neq(rounded).sum().getLong();
      assertTrue(differ <= back.size() / 1000, differ + " of " + back.size() + " differ from round(fp32 softmax)");
      float steps = back.sub(rounded).abs().div(rounded).max().getFloat();
      assertTrue(steps <= 1.0 / 128, "more than one bf16 step from round(fp32 softmax): " + steps);
      assertTrue(back.sub(exact).abs().max().getFloat() > 0, "bf16 output is rounded");
      NDArray fp32 = TorchOps.softmax(logits, 1);
      assertEquals(0f, fp32.sub(logits.softmax(1)).abs().max().getFloat(), 1e-7f, "fp32 in, fp32 out");
    }
  }

  @Test
  void causalAttentionEqualsTheExplicitMaskedSoftmaxAndCarriesGradients() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      int b = 3, heads = 2, t = 7, dh = 8;
      NDArray q = m.randomNormal(new Shape(b, heads, t, dh));
      NDArray k = m.randomNormal(new Shape(b, heads, t, dh));
      NDArray v = m.randomNormal(new Shape(b, heads, t, dh));
      float[] mask = new float[t * t];
      for (int i = 0; i < t; i++) {
        for (int j = i + 1; j < t; j++) {
          mask[i * t + j] = Float.NEGATIVE_INFINITY;
        }
      }
      NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(dh)).add(m.create(mask, new Shape(t, t)));
      NDArray reference = scores.softmax(-1).matMul(v);
      assertEquals(0f, TorchOps.causalAttention(q, k, v).sub(reference).abs().max().getFloat(), 1e-5f, "fp32");
      // row 0 attends to key 0 only
      assertEquals(0f, TorchOps.causalAttention(q, k, v).get(":, :, 0, :").sub(v.get(":, :, 0, :")).abs().max()
          .getFloat(), 1e-6f);

      NDArray low = TorchOps.causalAttention(TorchOps.toBf16(q), TorchOps.toBf16(k), TorchOps.toBf16(v));
      assertEquals(DataType.UNKNOWN, low.getDataType(), "bf16 in, bf16 out");
      float err = low.toType(DataType.FLOAT32, false).sub(reference).abs().max().getFloat();
      assertTrue(err > 0 && err < 0.05f, "bf16 attention vs fp32: " + err);

      q.setRequiresGradient(true);
      v.setRequiresGradient(true);
      try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        gc.backward(TorchOps.causalAttention(q, k, v).sum());
      }
      NDArray gq = q.getGradient().duplicate();
      NDArray gv = v.getGradient().duplicate();
      q.getGradient().subi(q.getGradient());
      v.getGradient().subi(v.getGradient());
      try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        NDArray s2 = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(dh)).add(m.create(mask, new Shape(t, t)));
        gc.backward(s2.softmax(-1).matMul(v).sum());
      }
      assertEquals(0f, gq.sub(q.getGradient()).abs().max().getFloat(), 1e-4f, "dL/dq");
      assertEquals(0f, gv.sub(v.getGradient()).abs().max().getFloat(), 1e-4f, "dL/dv");
      assertTrue(gq.abs().max().getFloat() > 0);
    }
  }

  @Test
  void castsToFp32KeepTheGraphOfBf16ArraysWhereDjlsToTypeCutsIt() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = m.randomNormal(new Shape(4, 8));
      x.setRequiresGradient(true);
      try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        NDArray wide = TorchOps.toFloat32(TorchOps.toBf16(x));
        assertEquals(DataType.FLOAT32, wide.getDataType());
        gc.backward(wide.mul(wide).sum()); // d/dx sum(round(x)^2) = 2 round(x)
      }
      float err = x.getGradient().sub(x.mul(2f)).abs().max().getFloat();
      assertTrue(err < 0.05f, "gradient through bf16 and back: " + err);
      assertTrue(TorchOps.toFloat32(x) == x, "fp32 stays the same array");
      try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        NDArray cut = TorchOps.toBf16(x).toType(DataType.FLOAT32, false);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> gc.backward(cut.sum()));
        assertTrue(e.getMessage().contains("does not require grad"), "DJL's cast still cuts the graph? " + e);
      }
    }
  }

  @Test
  void bf16BidirectionalAttentionOverAnUnpaddedBatchPassesGradientsToTheQueryKeyWeights() {
    EncoderSpec spec = new EncoderSpec(64, 1, 32, 2, 64, 12, Attention.BIDIRECTIONAL, Pooling.MEAN);
    try (NDManager m = NDManager.newBaseManager(Device.cpu());
        TransformerWeights w = TransformerWeights.initialise(spec, 7L, m)) {
      w.setRequiresGradient(true);
      int[][] rows = {{1, 5, 9, 2, 7, 3}, {4, 4, 8, 1, 6, 2}};
      float[][] grads = new float[2][];
      Precision[] precisions = {Precision.FP32, Precision.BF16};
      for (int i = 0; i < 2; i++) {
        CptTransformer model = new CptTransformer(spec, w, precisions[i]);
        NDArray ids = CausalLmHead.ids(rows, 0, rows.length, m);
        try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
          NDArray h;
          try (Precision.Scope ac = precisions[i].autocast(Device.cpu())) {
            h = model.hidden(ids, null, m);
          }
          // a loss that depends on the attention pattern: each position's output times a fixed direction
          gc.backward(h.mul(h.get(":, 0:1, :")).sum());
        }
        NDArray g = w.get("layer0.attn.qkv.w").getGradient();
        grads[i] = g.get("0:64, :").toFloatArray(); // the query and key rows [2 x width, width]
        g.subi(g);
      }
      double norm = 0, diff = 0;
      for (int j = 0; j < grads[0].length; j++) {
        norm += grads[0][j] * grads[0][j];
        diff += (grads[0][j] - grads[1][j]) * (grads[0][j] - grads[1][j]);
      }
      assertTrue(norm > 0, "fp32 query/key gradient is zero");
      assertTrue(Math.sqrt(diff / norm) < 0.1, "bf16 query/key gradient relative to fp32: " + Math.sqrt(diff / norm));
    }
  }
}
