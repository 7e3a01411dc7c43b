package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

/**
 * The LM loss of a 1-layer model on a fixed batch against a hand computation in double precision, written from the
 * definitions (pre-LN layer, causal softmax attention, exact GELU, tied output projection, next-token
 * cross-entropy), reading only the weight values from the model.
 */
class CausalLmHeadTest {
  static final EncoderSpec ONE_LAYER = new EncoderSpec(16, 1, 8, 2, 16, 6, Attention.CAUSAL, Pooling.EOS);
  static final int[][] INPUTS = {{3, 7, 7, 12, 0}, {15, 1, 9, 4, 4}};
  static final int[][] TARGETS = {{7, 7, 12, 0, 5}, {1, 9, 4, 4, 11}};

  @Test
  void lossOfAOneLayerModelEqualsTheHandComputedValue() {
    try (NDManager m = NDManager.newBaseManager();
        TransformerWeights w = TransformerWeights.initialise(ONE_LAYER, 42, m);
        GradMode off = GradMode.disabled()) {
      // larger weights than the N(0, 0.02) initialisation, so every part of the layer changes the loss
      for (var e : w.asMap().entrySet()) {
        e.getValue().muli(e.getKey().endsWith(".g") ? 1f : 40f);
        if (e.getKey().endsWith(".b") || e.getKey().endsWith(".g")) {
          e.getValue().addi(0.1f);
        }
      }
      CausalLmHead head = new CausalLmHead(new CptTransformer(ONE_LAYER, w));
      double got = head.lossSum(INPUTS, TARGETS, 0, 2, m).getFloat() / 10.0;
      double want = reference(w, INPUTS, TARGETS);
      assertEquals(want, got, 1e-5, "LM loss vs hand computation");
      // and the loss is not near its uniform-prediction value: the weights matter
      assertEquals(true, Math.abs(want - Math.log(16)) > 0.05, "loss " + want);
    }
  }

  @Test
  void theDirectGradientEqualsAutogradsForEveryParameter() {
    try (NDManager m = NDManager.newBaseManager();
        TransformerWeights a = TransformerWeights.initialise(ONE_LAYER, 7, m);
        TransformerWeights b = TransformerWeights.initialise(ONE_LAYER, 7, m)) {
      for (TransformerWeights w : List.of(a, b)) {
        try (GradMode off = GradMode.disabled()) {
          for (NDArray x : w.all()) {
            x.muli(30f); // sharper predictions than at initialisation
          }
        }
        w.setRequiresGradient(true);
      }
      double scale = 0.1;
      CausalLmHead autograd = new CausalLmHead(new CptTransformer(ONE_LAYER, a));
      double want;
      try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        NDArray sum = autograd.lossSum(INPUTS, TARGETS, 0, 2, m);
        want = sum.getFloat();
        gc.backward(sum.mul(Scalars.of(sum, scale)));
      }
      double got = new CausalLmHead(new CptTransformer(ONE_LAYER, b)).backwardLossSum(INPUTS, TARGETS, 0, 2, scale, m);
      assertEquals(want, got, 1e-4 * Math.abs(want));
      for (String name : a.names()) {
        float[] ga = a.get(name).getGradient().toFloatArray();
        float[] gb = b.get(name).getGradient().toFloatArray();
        double maxAbs = 0;
        for (float v : ga) {
          maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs > 0, name + " has a gradient");
        for (int i = 0; i < ga.length; i++) {
          assertEquals(ga[i], gb[i], 1e-4 * maxAbs + 1e-7, name + "[" + i + "]");
        }
      }
    }
  }

  @Test
  void bidirectionalAttentionIsRejected() {
    EncoderSpec bi = new EncoderSpec(16, 1, 8, 2, 16, 6, Attention.BIDIRECTIONAL, Pooling.EOS);
    try (NDManager m = NDManager.newBaseManager();
        TransformerWeights w = TransformerWeights.initialise(bi, 1, m)) {
      CptbenchException e = assertThrows(CptbenchException.class, () -> new CausalLmHead(new CptTransformer(bi, w)));
      assertEquals(true, e.getMessage().contains("encoder.attention"), e.getMessage());
    }
  }

  /** Mean next-token cross-entropy, computed position by position in double precision. */
  static double reference(TransformerWeights w, int[][] inputs, int[][] targets) {
    Map<String, double[]> p = new java.util.HashMap<>();
    for (var e : w.asMap().entrySet()) {
      float[] f = e.getValue().toFloatArray();
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      p.put(e.getKey(), d);
    }
    int d = ONE_LAYER.width();
    int heads = ONE_LAYER.heads();
    int dh = d / heads;
    int ffn = ONE_LAYER.ffn();
    int v = ONE_LAYER.vocabSize();
    double total = 0;
    int count = 0;
    for (int b = 0; b < inputs.length; b++) {
      int t = inputs[b].length;
      double[][] h = new double[t][d];
      for (int i = 0; i < t; i++) {
        for (int k = 0; k < d; k++) {
          h[i][k] = p.get("tok_emb")[inputs[b][i] * d + k] + p.get("pos_emb")[i * d + k];
        }
      }
      // attention sub-layer
      double[][] a = new double[t][];
      for (int i = 0; i < t; i++) {
        a[i] = layerNorm(h[i], p.get("layer0.ln1.g"), p.get("layer0.ln1.b"));
      }
      double[][] qkv = new double[t][];
      for (int i = 0; i < t; i++) {
        qkv[i] = linear(a[i], p.get("layer0.attn.qkv.w"), p.get("layer0.attn.qkv.b"), 3 * d);
      }
      double[][] ctx = new double[t][d];
      for (int hd = 0; hd < heads; hd++) {
        for (int i = 0; i < t; i++) {
          double[] s = new double[i + 1]; // causal: keys 0..i
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j <= i; j++) {
            double dot = 0;
            for (int k = 0; k < dh; k++) {
              dot += qkv[i][hd * dh + k] * qkv[j][d + hd * dh + k];
            }
            s[j] = dot / Math.sqrt(dh);
            max = Math.max(max, s[j]);
          }
          double z = 0;
          for (int j = 0; j <= i; j++) {
            s[j] = Math.exp(s[j] - max);
            z += s[j];
          }
          for (int j = 0; j <= i; j++) {
            for (int k = 0; k < dh; k++) {
              ctx[i][hd * dh + k] += s[j] / z * qkv[j][2 * d + hd * dh + k];
            }
          }
        }
      }
      for (int i = 0; i < t; i++) {
        double[] o = linear(ctx[i], p.get("layer0.attn.out.w"), p.get("layer0.attn.out.b"), d);
        for (int k = 0; k < d; k++) {
          h[i][k] += o[k];
        }
      }
      // MLP sub-layer, final LayerNorm, tied projection, cross-entropy
      for (int i = 0; i < t; i++) {
        double[] x = layerNorm(h[i], p.get("layer0.ln2.g"), p.get("layer0.ln2.b"));
        double[] f = linear(x, p.get("layer0.mlp.fc.w"), p.get("layer0.mlp.fc.b"), ffn);
        for (int k = 0; k < ffn; k++) {
          f[k] = 0.5 * f[k] * (1 + erf(f[k] / Math.sqrt(2)));
        }
        double[] o = linear(f, p.get("layer0.mlp.proj.w"), p.get("layer0.mlp.proj.b"), d);
        for (int k = 0; k < d; k++) {
          h[i][k] += o[k];
        }
        double[] y = layerNorm(h[i], p.get("ln_f.g"), p.get("ln_f.b"));
        double[] logits = new double[v];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < v; c++) {
          for (int k = 0; k < d; k++) {
            logits[c] += y[k] * p.get("tok_emb")[c * d + k];
          }
          max = Math.max(max, logits[c]);
        }
        double z = 0;
        for (int c = 0; c < v; c++) {
          z += Math.exp(logits[c] - max);
        }
        total += max + Math.log(z) - logits[targets[b][i]];
        count++;
      }
    }
    return total / count;
  }

  private static double[] layerNorm(double[] x, double[] g, double[] b) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    var /= x.length;
    double[] out = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      out[k] = (x[k] - mean) / Math.sqrt(var + 1e-5) * g[k] + b[k];
    }
    return out;
  }

  /** {@code W x + b} with W in PyTorch's [out, in] layout. */
  private static double[] linear(double[] x, double[] w, double[] b, int out) {
    double[] y = new double[out];
    for (int o = 0; o < out; o++) {
      double s = b[o];
      for (int k = 0; k < x.length; k++) {
        s += w[o * x.length + k] * x[k];
      }
      y[o] = s;
    }
    return y;
  }

  /**
   * erf: its Maclaurin series for |x| < 3 (absolute error below 1e-12 there), else 1 - erfc(|x|) with the first
   * terms of erfc's asymptotic series (absolute error below 1e-8 for |x| >= 3).
   */
  static double erf(double x) {
    double ax = Math.abs(x);
    if (ax >= 3) {
      double inv = 1 / (2 * ax * ax);
      double series = 1 - inv + 3 * inv * inv - 15 * inv * inv * inv + 105 * inv * inv * inv * inv;
      return Math.signum(x) * (1 - Math.exp(-ax * ax) / (ax * Math.sqrt(Math.PI)) * series);
    }
    double term = ax;
    double sum = ax;
    for (int n = 1; n < 200; n++) {
      term *= -ax * ax / n;
      double add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) {
        break;
      }
    }
    return Math.signum(x) * 2 / Math.sqrt(Math.PI) * sum;
  }
}
