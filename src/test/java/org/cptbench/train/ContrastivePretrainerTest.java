package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cptbench.model.Attention;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Pooling;
import org.junit.jupiter.api.Test;

class ContrastivePretrainerTest {
  static final int PAD = 0;
  static final EncoderSpec MICRO = new EncoderSpec(64, 2, 32, 4, 64, 16, Attention.CAUSAL, Pooling.EOS);

  /** Random sequences {@code [start] tokens [end]} of varied length (so batches are padded). */
  static PairData randomPairs(int n, long seed) {
    Random r = new Random(seed);
    int[][] xs = new int[n][];
    int[][] ys = new int[n][];
    for (int i = 0; i < n; i++) {
      xs[i] = seq(r, 2, 3);
      ys[i] = seq(r, 4, 5);
    }
    return new PairData(xs, ys);
  }

  private static int[] seq(Random r, int start, int end) {
    int len = 3 + r.nextInt(10);
    int[] s = new int[len];
    s[0] = start;
    for (int j = 1; j < len - 1; j++) {
      s[j] = 6 + r.nextInt(58);
    }
    s[len - 1] = end;
    return s;
  }

  private static TrainSpec spec(int steps, int batch, long seed, int chunk, double lr) {
    return new TrainSpec(
        steps, batch, lr, 2, LearningRateSchedule.Decay.COSINE, 0.01, 1.0, Temperature.learnedDefault(), seed,
        List.of(), chunk);
  }

  private static List<StepStats> run(EncoderSpec enc, TrainSpec t, PairData data) {
    List<StepStats> log = new ArrayList<>();
    try (ContrastivePretrainer p = new ContrastivePretrainer(enc, t, PAD)) {
      p.train(data, t.steps(), log::add, s -> {});
    }
    return log;
  }

  @Test
  void sameSeedAndConfigGiveAnIdenticalLossTrace() {
    PairData data = randomPairs(64, 11);
    TrainSpec t = spec(6, 16, 42, 0, 1e-3);
    double[] a = run(MICRO, t, data).stream().mapToDouble(StepStats::loss).toArray();
    double[] b = run(MICRO, t, data).stream().mapToDouble(StepStats::loss).toArray();
    assertArrayEquals(a, b, 0.0, "loss traces differ for seed 42");
    double[] c = run(MICRO, spec(6, 16, 43, 0, 1e-3), data).stream().mapToDouble(StepStats::loss).toArray();
    assertTrue(a[0] != c[0], "a different seed should give a different model");
  }

  @Test
  void overfitsEightPairsToFullInBatchAccuracy() {
    PairData data = randomPairs(8, 5);
    TrainSpec t = spec(120, 8, 1, 0, 3e-3);
    List<StepStats> log = run(MICRO, t, data);
    StepStats last = log.get(log.size() - 1);
    assertEquals(1.0, last.inBatchAccuracy(), 0.0, "in-batch accuracy after 120 steps: " + last);
    assertTrue(last.loss() < log.get(0).loss() / 4, "loss should fall: " + log.get(0) + " -> " + last);
  }

  @Test
  void gradCacheGivesTheFullBatchLossAndGradients() {
    for (Attention attention : Attention.values()) {
      EncoderSpec enc = new EncoderSpec(64, 2, 32, 4, 64, 16, attention, Pooling.MEAN);
      PairData data = randomPairs(10, 3);
      try (ContrastivePretrainer p = new ContrastivePretrainer(enc, spec(1, 10, 9, 0, 1e-3), PAD)) {
        ContrastiveStep step = new ContrastiveStep(p.model(), p.model().weights().manager(), PAD);
        NDArray tau = p.model().weights().manager().create(new float[] {2.0f});
        tau.setRequiresGradient(true);
        ContrastiveStep.Outcome full = step.run(data.xs(), data.ys(), tau::exp, 0);
        Map<String, float[]> g1 = grads(p, tau);
        ContrastiveStep.Outcome cached = step.run(data.xs(), data.ys(), tau::exp, 3);
        Map<String, float[]> g2 = grads(p, tau);
        assertEquals(full.loss(), cached.loss(), 1e-5);
        assertEquals(full.accuracy(), cached.accuracy(), 0.0);
        for (String name : g1.keySet()) {
          float[] a = g1.get(name);
          float[] b = g2.get(name);
          double scale = 1e-6;
          for (float v : a) {
            scale = Math.max(scale, Math.abs(v));
          }
          for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-4 * scale, attention + " gradient of " + name + "[" + i + "]");
          }
        }
      }
    }
  }

  @Test
  void gradCacheTrainingTraceMatchesPlainTrace() {
    PairData data = randomPairs(48, 21);
    double[] plain = run(MICRO, spec(5, 24, 7, 0, 1e-3), data).stream().mapToDouble(StepStats::loss).toArray();
    double[] cached = run(MICRO, spec(5, 24, 7, 5, 1e-3), data).stream().mapToDouble(StepStats::loss).toArray();
    assertArrayEquals(plain, cached, 1e-4);
  }

  @Test
  void nonFiniteLossStopsWithTheStep() {
    PairData data = randomPairs(16, 2);
    try (ContrastivePretrainer p = new ContrastivePretrainer(MICRO, spec(5, 8, 1, 0, 1e-3), PAD)) {
      NDArray emb = p.model().weights().get("tok_emb");
      float[] nan = new float[(int) emb.size()];
      java.util.Arrays.fill(nan, Float.NaN);
      try (org.cptbench.model.GradMode off = org.cptbench.model.GradMode.disabled()) {
        emb.set(nan);
      }
      var e = org.junit.jupiter.api.Assertions.assertThrows(
          org.cptbench.CptbenchException.class, () -> p.train(data, 5, s -> {}, s -> {}));
      assertTrue(e.getMessage().contains("at step 1"), e.getMessage());
    }
  }

  /** Copies and clears every parameter gradient (and tau's). */
  private static Map<String, float[]> grads(ContrastivePretrainer p, NDArray tau) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : p.model().weights().asMap().entrySet()) {
      try (NDArray g = e.getValue().getGradient()) {
        out.put(e.getKey(), g.toFloatArray());
      }
      JniUtils.zeroGrad((PtNDArray) e.getValue());
    }
    try (NDArray g = tau.getGradient()) {
      out.put("tau", g.toFloatArray());
    }
    JniUtils.zeroGrad((PtNDArray) tau);
    return out;
  }
}
