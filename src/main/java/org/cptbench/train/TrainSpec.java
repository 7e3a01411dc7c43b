package org.cptbench.train;

import java.util.List;
import java.util.TreeSet;
import org.cptbench.CptbenchException;

/**
 * How one encoder is trained.
 *
 * @param steps optimizer steps (the step budget)
 * @param batchSize pairs per step (M); the other M-1 pairs are each pair's negatives
 * @param learningRate peak learning rate of AdamW
 * @param warmupSteps linear warm-up steps
 * @param decay learning-rate decay after warm-up
 * @param weightDecay AdamW decoupled weight decay (matrices and embeddings only; not biases, LayerNorm or tau)
 * @param clipNorm global gradient-norm clipping threshold (0 = off)
 * @param temperature learned or fixed tau
 * @param seed root seed: model initialisation and data order descend from it
 * @param checkpoints steps at which a checkpoint is written (the final step always is)
 * @param chunkSize GradCache chunk size in pairs: batches larger than this are computed in chunks with the exact
 *     full-batch gradient (0 = never chunk)
 */
public record TrainSpec(
    int steps,
    int batchSize,
    double learningRate,
    int warmupSteps,
    LearningRateSchedule.Decay decay,
    double weightDecay,
    double clipNorm,
    Temperature temperature,
    long seed,
    List<Integer> checkpoints,
    int chunkSize) {

  public static final int DEFAULT_CHUNK = 256;

  public TrainSpec {
    if (steps < 1) {
      throw new CptbenchException("train.steps: " + steps + " must be >= 1");
    }
    if (batchSize < 2) {
      throw new CptbenchException("train.batchSize: " + batchSize + " must be >= 2 (in-batch negatives)");
    }
    if (weightDecay < 0 || weightDecay >= 1) {
      throw new CptbenchException("train.weightDecay: " + weightDecay + " must be in [0, 1)");
    }
    if (clipNorm < 0) {
      throw new CptbenchException("train.clipNorm: " + clipNorm + " must be >= 0 (0 = off)");
    }
    if (chunkSize < 0) {
      throw new CptbenchException("train.chunkSize: " + chunkSize + " must be >= 0 (0 = no GradCache)");
    }
    if (temperature == null) {
      throw new CptbenchException("train.temperature: missing");
    }
    if (decay == null) {
      throw new CptbenchException("train.decay: missing; allowed: [cosine, linear, constant]");
    }
    TreeSet<Integer> cps = new TreeSet<>();
    for (Integer c : checkpoints == null ? List.<Integer>of() : checkpoints) {
      if (c == null || c < 1 || c > steps) {
        throw new CptbenchException(
            "train.checkpoints: step " + c + " is outside 1.." + steps + " (the step budget)");
      }
      cps.add(c);
    }
    cps.add(steps);
    checkpoints = List.copyOf(cps);
    new LearningRateSchedule(learningRate, warmupSteps, steps, decay, 0.1);
  }

  /** Defaults: AdamW lr 5e-4, 10% warm-up, cosine decay, wd 0.01, clip 1.0, learned tau ln(1/0.07). */
  public static TrainSpec defaults(int steps, int batchSize, long seed) {
    return new TrainSpec(
        steps,
        batchSize,
        5e-4,
        Math.max(1, steps / 10),
        LearningRateSchedule.Decay.COSINE,
        0.01,
        1.0,
        Temperature.learnedDefault(),
        seed,
        List.of(),
        DEFAULT_CHUNK);
  }

  public LearningRateSchedule schedule() {
    return new LearningRateSchedule(learningRate, warmupSteps, steps, decay, 0.1);
  }

  /** Whether a step of this batch size runs with gradient caching. */
  public boolean gradCache() {
    return chunkSize > 0 && batchSize > chunkSize;
  }
}
