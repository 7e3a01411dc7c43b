package org.cptbench.train;

import org.cptbench.CptbenchException;

/**
 * Linear warm-up from 0 to {@code peak} over {@code warmupSteps}, then cosine decay to {@code peak * finalFraction}
 * at {@code totalSteps} (or constant, or linear decay). Steps are 1-based: the first optimizer step is step 1.
 */
public record LearningRateSchedule(
    double peak, int warmupSteps, int totalSteps, Decay decay, double finalFraction) {

  /** Shape of the decay after warm-up. */
  public enum Decay {
    COSINE,
    LINEAR,
    CONSTANT
  }

  public LearningRateSchedule {
    if (!(peak > 0) || peak > 1) {
      throw new CptbenchException("train.learningRate: " + peak + " must be in (0, 1]");
    }
    if (warmupSteps < 0) {
      throw new CptbenchException("train.warmupSteps: " + warmupSteps + " must be >= 0");
    }
    if (totalSteps < 1) {
      throw new CptbenchException("train.steps: " + totalSteps + " must be >= 1");
    }
    if (finalFraction < 0 || finalFraction > 1) {
      throw new CptbenchException("train.finalLearningRateFraction: " + finalFraction + " must be in [0, 1]");
    }
  }

  public double at(int step) {
    if (warmupSteps > 0 && step <= warmupSteps) {
      return peak * step / warmupSteps;
    }
    if (decay == Decay.CONSTANT || totalSteps <= warmupSteps) {
      return peak;
    }
    double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
    double shape =
        decay == Decay.COSINE ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1.0 - progress;
    return peak * (finalFraction + (1 - finalFraction) * shape);
  }
}
