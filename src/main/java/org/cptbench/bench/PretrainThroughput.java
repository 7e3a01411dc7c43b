package org.cptbench.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.train.LanguageModelSpec;
import org.cptbench.train.LanguageModelTrainer;
import org.cptbench.train.LearningRateSchedule;
import org.cptbench.train.Seeds;

/**
 * Throughput of a language-model pre-training step (forward, backward and AdamW over {@code batch} sequences of
 * {@code seq} tokens, next-token loss at every position through the tied output projection), on random token ids
 * generated before timing, as {@code train_peer.py --objective lm} measures it: untimed warm-up steps, then timed
 * windows, the median reported. tokens/s counts {@code batch x seq} input tokens per step (the peer's count).
 * Training FLOPs are 3x the forward matrix-multiply FLOPs: the Transformer's ({@link
 * EncoderSpec#forwardFlopsPerSequence}) plus the output projection, {@code 2 x width x vocab} per predicted token
 * ({@code seq} predictions per sequence here; the peer predicts {@code seq - 1}). In bf16 the forward passes run
 * under autocast as {@code train_peer.py --objective lm --bf16} runs them.
 */
public final class PretrainThroughput {
  private PretrainThroughput() {}

  /**
   * One measured configuration; {@code precision} resolved (fp32 or bf16); {@code settleSeconds} as in {@link
   * TrainThroughput.Config}.
   */
  public record Config(
      EncoderSpec spec, int batch, int seq, int warmup, int steps, int windows, Precision precision,
      double settleSeconds) {
    /** fp32, without settling. */
    public Config(EncoderSpec spec, int batch, int seq, int warmup, int steps, int windows) {
      this(spec, batch, seq, warmup, steps, windows, Precision.FP32, 0);
    }
  }

  public static Map<String, Object> measure(Config c) {
    EncoderSpec spec = c.spec();
    int t = c.seq();
    int pool = 4;
    int[][][] inputs = new int[pool][][];
    int[][][] targets = new int[pool][][];
    SplittableRandom r = new SplittableRandom(Seeds.derive(7, 0));
    for (int p = 0; p < pool; p++) {
      inputs[p] = new int[c.batch()][t];
      targets[p] = new int[c.batch()][t];
      for (int i = 0; i < c.batch(); i++) {
        int[] s = new int[t + 1];
        for (int j = 0; j <= t; j++) {
          s[j] = 6 + r.nextInt(spec.vocabSize() - 6);
        }
        System.arraycopy(s, 0, inputs[p][i], 0, t);
        System.arraycopy(s, 1, targets[p][i], 0, t);
      }
    }
    LanguageModelSpec lm = new LanguageModelSpec(1_000_000, c.batch(), t, 1e-4, 0,
        LearningRateSchedule.Decay.CONSTANT, 0.01, 0, 13, List.of(), 1_000_000, 1);
    double fwdFlopsPerSeq = spec.forwardFlopsPerSequence(t) + 2.0 * spec.width() * spec.vocabSize() * t;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("preset", Map.of("layers", spec.layers(), "width", spec.width(), "ffn", spec.ffn(), "vocab",
        spec.vocabSize(), "seq", t, "heads", spec.heads()));
    out.put("batch", c.batch());
    List<Double> windows;
    try (LanguageModelTrainer trainer = new LanguageModelTrainer(spec, lm, c.precision())) {
      out.put("precision", trainer.precision().label());
      int[] step = {0};
      TimedWindows timed = TimedWindows.run(() -> {
        step[0]++;
        trainer.step(step[0], inputs[step[0] % pool], targets[step[0] % pool]);
      }, c.warmup(), c.settleSeconds(), c.windows(), c.steps());
      out.put("train_settle", timed.settle());
      out.put("train_jit_ms_timed", timed.jitMsTimed());
      windows = timed.rates((double) c.batch() * t);
    }
    double tokensPerS = TrainThroughput.median(windows);
    out.put("train_tokens_per_s", tokensPerS);
    out.put("train_tokens_per_s_windows", windows);
    out.put("train_gflops", tokensPerS / t * 3 * fwdFlopsPerSeq / 1e9);
    out.put("peak_rss_mb", TrainThroughput.peakRssMb());
    return out;
  }
}
