package org.cptbench.train;

/** What one optimizer step measured (one row of {@code train-log.csv}). */
public record StepStats(
    int step,
    double loss,
    double tau,
    double learningRate,
    double pairsPerSecond,
    double inBatchAccuracy,
    double gradNorm) {}
