package org.cptbench.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.cptbench.CptbenchException;

/**
 * How a causal language model is pre-trained ({@code ./harness pretrain}).
 *
 * @param steps optimizer steps
 * @param batchSize sequences per step
 * @param seqLen tokens per sequence (every position predicts the next token; at most the encoder's maxTokens)
 * @param learningRate peak learning rate of AdamW
 * @param warmupSteps linear warm-up steps
 * @param decay learning-rate decay after warm-up (to 10% of the peak)
 * @param weightDecay AdamW decoupled weight decay (matrices and embeddings only)
 * @param clipNorm global gradient-norm clipping threshold (0 = off)
 * @param seed root seed: initialisation (stream 1) and data order (streams 2+epoch) descend from it
 * @param checkpoints steps at which a checkpoint is written (the final step always is)
 * @param evalEvery the held-out slice is scored every this many steps (and at the final step)
 * @param valSequences sequences of seqLen tokens in the held-out slice (taken from the end of the packed corpus)
 */
public record LanguageModelSpec(
    int steps,
    int batchSize,
    int seqLen,
    double learningRate,
    int warmupSteps,
    LearningRateSchedule.Decay decay,
    double weightDecay,
    double clipNorm,
    long seed,
    List<Integer> checkpoints,
    int evalEvery,
    int valSequences) {

  public LanguageModelSpec {
    if (steps < 1) {
      throw new CptbenchException("pretrain.steps: " + steps + " must be >= 1");
    }
    if (batchSize < 1) {
      throw new CptbenchException("pretrain.batchSize: " + batchSize + " must be >= 1 (sequences per step)");
    }
    if (seqLen < 2) {
      throw new CptbenchException("pretrain.seqLen: " + seqLen + " must be >= 2");
    }
    if (weightDecay < 0 || weightDecay >= 1) {
      throw new CptbenchException("pretrain.weightDecay: " + weightDecay + " must be in [0, 1)");
    }
    if (clipNorm < 0) {
      throw new CptbenchException("pretrain.clipNorm: " + clipNorm + " must be >= 0 (0 = off)");
    }
    if (evalEvery < 1) {
      throw new CptbenchException("pretrain.evalEvery: " + evalEvery + " must be >= 1");
    }
    if (valSequences < 1) {
      throw new CptbenchException("pretrain.valSequences: " + valSequences + " must be >= 1");
    }
    if (decay == null) {
      throw new CptbenchException("pretrain.decay: missing; allowed: [cosine, linear, constant]");
    }
    TreeSet<Integer> cps = new TreeSet<>();
    for (Integer c : checkpoints == null ? List.<Integer>of() : checkpoints) {
      if (c == null || c < 1 || c > steps) {
        throw new CptbenchException("pretrain.checkpoints: step " + c + " is outside 1.." + steps);
      }
      cps.add(c);
    }
    cps.add(steps);
    checkpoints = List.copyOf(cps);
    schedule(learningRate, warmupSteps, steps, decay);
  }

  /** Defaults (GPT-2/3 small-scale practice): lr 6e-4, 10% warm-up, cosine to 10%, wd 0.1, clip 1.0. */
  public static LanguageModelSpec defaults(int steps, int batchSize, int seqLen, long seed) {
    return new LanguageModelSpec(
        steps, batchSize, seqLen, 6e-4, Math.max(1, steps / 10), LearningRateSchedule.Decay.COSINE, 0.1, 1.0,
        seed, List.of(), 50, 128);
  }

  public LearningRateSchedule schedule() {
    return schedule(learningRate, warmupSteps, steps, decay);
  }

  private static LearningRateSchedule schedule(double lr, int warmup, int steps, LearningRateSchedule.Decay d) {
    return new LearningRateSchedule(lr, warmup, steps, d, 0.1);
  }

  /** Whether the held-out slice is scored after {@code step}. */
  public boolean evaluatesAt(int step) {
    return step % evalEvery == 0 || step == steps;
  }

  /** The JSON form (checkpoint config, content hashes). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objective", "causal-lm");
    m.put("steps", steps);
    m.put("batchSize", batchSize);
    m.put("seqLen", seqLen);
    m.put("learningRate", learningRate);
    m.put("warmupSteps", warmupSteps);
    m.put("decay", decay.name().toLowerCase(Locale.ROOT));
    m.put("weightDecay", weightDecay);
    m.put("clipNorm", clipNorm);
    m.put("seed", seed);
    m.put("checkpoints", checkpoints);
    m.put("evalEvery", evalEvery);
    m.put("valSequences", valSequences);
    return m;
  }
}
