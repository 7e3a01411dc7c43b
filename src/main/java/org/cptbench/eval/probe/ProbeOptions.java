package org.cptbench.eval.probe;

import org.cptbench.CptbenchException;

/**
 * Settings of a probe run.
 *
 * @param folds {@code k} of the (outer and inner) stratified k-fold splits; SentEval's {@code kfold}, 10 in the
 *     SentEval papers (its code default is 5); {@code >= 2}
 * @param seed seed of the fold shuffles (SentEval: 1111) and, for {@link ProbeProtocol#SENTEVAL_PYTORCH}, of the
 *     dev split, the initial weights and the mini-batch order
 * @param tolerance scikit-learn path: gradient tolerance of Smile's L-BFGS on scikit-learn's mean-loss objective
 *     (see {@link LinearProbe}), scikit-learn's {@code tol} (default 1e-4); {@code > 0}
 * @param maxIterations scikit-learn path: L-BFGS iteration cap, scikit-learn's {@code max_iter} (default 100,
 *     which SentEval leaves as it is); {@code >= 1}
 * @param standardize z-score each feature with the training part's mean and standard deviation before fitting.
 *     SentEval does not (it feeds raw embeddings to {@code LogisticRegression}), and scaling changes what a given
 *     {@code C} means, so {@code false} is the SentEval protocol (scikit-learn path only)
 * @param threads worker threads for independent fits (folds, penalties); results do not depend on it; {@code >= 1}
 * @param protocol which of SentEval's two classifier paths ({@link ProbeProtocol})
 * @param l2Normalize L2-normalise each embedding before the probe. SentEval feeds the encoder's vectors as they
 *     are, so {@code false} (the default) is its protocol; {@code true} reproduces a pipeline that ends in a
 *     normalisation layer (e.g. sentence-transformers' {@code Normalize})
 */
public record ProbeOptions(
    int folds,
    long seed,
    double tolerance,
    int maxIterations,
    boolean standardize,
    int threads,
    ProbeProtocol protocol,
    boolean l2Normalize) {
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
    if (protocol == null) {
      throw new CptbenchException("probe option protocol is missing; allowed: " + ProbeProtocol.allowed());
    }
  }

  /**
   * The SentEval protocol, scikit-learn path: 10 folds, seed 1111, the encoder's vectors as they are, tolerance
   * 1e-4 and at most 100 L-BFGS iterations (scikit-learn's defaults), 2 threads.
   */
  public static ProbeOptions senteval() {
    return new ProbeOptions(10, SENTEVAL_SEED, 1e-4, 100, false, 2, ProbeProtocol.SENTEVAL_SKLEARN, false);
  }

  public ProbeOptions withSeed(long newSeed) {
    return new ProbeOptions(folds, newSeed, tolerance, maxIterations, standardize, threads, protocol, l2Normalize);
  }

  public ProbeOptions withFolds(int newFolds) {
    return new ProbeOptions(newFolds, seed, tolerance, maxIterations, standardize, threads, protocol, l2Normalize);
  }

  public ProbeOptions withThreads(int newThreads) {
    return new ProbeOptions(folds, seed, tolerance, maxIterations, standardize, newThreads, protocol, l2Normalize);
  }

  public ProbeOptions withConvergence(double newTolerance, int newMaxIterations) {
    return new ProbeOptions(folds, seed, newTolerance, newMaxIterations, standardize, threads, protocol, l2Normalize);
  }

  public ProbeOptions withStandardize(boolean newStandardize) {
    return new ProbeOptions(folds, seed, tolerance, maxIterations, newStandardize, threads, protocol, l2Normalize);
  }

  public ProbeOptions withProtocol(ProbeProtocol newProtocol) {
    return new ProbeOptions(folds, seed, tolerance, maxIterations, standardize, threads, newProtocol, l2Normalize);
  }

  public ProbeOptions withL2Normalize(boolean newL2Normalize) {
    return new ProbeOptions(folds, seed, tolerance, maxIterations, standardize, threads, protocol, newL2Normalize);
  }

  /** The grid SentEval searches for its inner-k-fold and split classifiers (MR, CR, SUBJ, MPQA, SST-2). */
  public PenaltyGrid innerGrid() {
    return protocol == ProbeProtocol.SENTEVAL_PYTORCH ? PenaltyGrid.SENTEVAL_PYTORCH : PenaltyGrid.SENTEVAL_INNER;
  }

  /** The grid SentEval searches for its k-fold classifier (TREC, MRPC). */
  public PenaltyGrid kfoldGrid() {
    return protocol == ProbeProtocol.SENTEVAL_PYTORCH ? PenaltyGrid.SENTEVAL_PYTORCH : PenaltyGrid.SENTEVAL_KFOLD;
  }

  /** What the grid holds: {@code C} (scikit-learn) or the weight decay (PyTorch). */
  public String penaltyName() {
    return protocol == ProbeProtocol.SENTEVAL_PYTORCH ? "weight decay" : "C";
  }

  /** The classifier and its settings, for definitions. */
  public String describeClassifier() {
    return switch (protocol) {
      case SENTEVAL_SKLEARN ->
          "L2 logistic regression (scikit-learn's lbfgs objective, Smile L-BFGS, tol " + tolerance + ", max_iter "
              + maxIterations + ")";
      case SENTEVAL_PYTORCH ->
          "logistic regression nn.Linear trained with Adam (lr 1e-3, batch 64, epoch_size 4, tenacity 5, max_epoch"
              + " 200, weight decay on all parameters, best model on validation accuracy)";
    };
  }

  /** The features the classifier sees, for definitions. */
  public String describeFeatures() {
    return (l2Normalize ? "L2-normalised encoder vectors" : "the encoder's vectors as they are")
        + (standardize ? ", standardised" : "");
  }
}
