package org.cptbench.train;

/**
 * What one optimizer step measured (one row of {@code train-log.csv}). {@code meanCosine} is the mean pairwise
 * cosine similarity of the batch's x embeddings (1 when they all coincide), NaN when not measured.
 */
public record StepStats(
    int step,
    double loss,
    double tau,
    double learningRate,
    double pairsPerSecond,
    double inBatchAccuracy,
    double gradNorm,
    double meanCosine) {

  /** A step whose embedding spread was not measured. */
  public StepStats(
      int step,
      double loss,
      double tau,
      double learningRate,
      double pairsPerSecond,
      double inBatchAccuracy,
      double gradNorm) {
    this(step, loss, tau, learningRate, pairsPerSecond, inBatchAccuracy, gradNorm, Double.NaN);
  }
}
