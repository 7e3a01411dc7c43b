package org.cptbench.eval.probe;

import org.cptbench.CptbenchException;

/**
 * Settings of a probe run.
 *
 * @param folds {@code k} of the (outer and inner) stratified k-fold splits; SentEval's {@code kfold}, 10 in the
 *     SentEval papers (its code default is 5); {@code >= 2}
 * @param seed seed of the fold shuffles (SentEval: 1111)
 * @param tolerance gradient tolerance handed to Smile's L-BFGS ({@code smile.logistic.tolerance}): stop when
 *     {@code max_i |g_i| * max(|w_i|, 1) / max(f, 1) < tolerance}, {@code f} the summed loss. As {@code f} is about
 *     {@code n} times the mean loss, 1e-4 is at least as strict as scikit-learn's {@code tol=1e-4} on the gradient
 *     of its mean-loss objective; the protocol default is therefore 1e-4 (Smile's own default 1e-5 changed the
 *     objective by under 1e-5 relative on 10,000 x 256 synthetic embeddings and needed 47 instead of 35 passes
 *     over the data for 2 classes); {@code > 0}
 * @param maxIterations L-BFGS iteration cap ({@code smile.logistic.iterations}, Smile default 500); {@code >= 1}
 * @param standardize z-score each feature with the training part's mean and standard deviation before fitting.
 *     SentEval does not (it feeds raw embeddings to {@code LogisticRegression}), and scaling changes what a given
 *     {@code C} means, so {@code false} is the SentEval protocol
 * @param threads worker threads for independent fits (folds, penalties); results do not depend on it; {@code >= 1}
 */
public record ProbeOptions(
    int folds, long seed, double tolerance, int maxIterations, boolean standardize, int threads) {
  /** SentEval's seed. */
  public static final long SENTEVAL_SEED = 1111L;

  public ProbeOptions {
    if (folds < 2) {
      throw new CptbenchException("probe option folds = " + folds + " (must be >= 2; SentEval uses 10)");
    }
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new CptbenchException("probe option tolerance = " + tolerance + " (must be finite and > 0)");
    }
    if (maxIterations < 1) {
      throw new CptbenchException("probe option maxIterations = " + maxIterations + " (must be >= 1)");
    }
    if (threads < 1) {
      throw new CptbenchException("probe option threads = " + threads + " (must be >= 1)");
    }
  }

  /** The SentEval protocol: 10 folds, seed 1111, raw features, tolerance 1e-4, 500 iterations, 2 threads. */
  public static ProbeOptions senteval() {
    return new ProbeOptions(10, SENTEVAL_SEED, 1e-4, 500, false, 2);
  }

  public ProbeOptions withSeed(long newSeed) {
    return new ProbeOptions(folds, newSeed, tolerance, maxIterations, standardize, threads);
  }

  public ProbeOptions withFolds(int newFolds) {
    return new ProbeOptions(newFolds, seed, tolerance, maxIterations, standardize, threads);
  }

  public ProbeOptions withThreads(int newThreads) {
    return new ProbeOptions(folds, seed, tolerance, maxIterations, standardize, newThreads);
  }

  public ProbeOptions withConvergence(double newTolerance, int newMaxIterations) {
    return new ProbeOptions(folds, seed, newTolerance, newMaxIterations, standardize, threads);
  }

  public ProbeOptions withStandardize(boolean newStandardize) {
    return new ProbeOptions(folds, seed, tolerance, maxIterations, newStandardize, threads);
  }
}
