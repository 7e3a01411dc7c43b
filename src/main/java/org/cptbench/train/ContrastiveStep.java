package org.cptbench.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.cptbench.model.CptTransformer;
import org.cptbench.model.GradMode;
import org.cptbench.model.Precision;
import org.cptbench.model.Scalars;
import org.cptbench.model.TokenBatch;

/**
 * Loss and gradients of one contrastive batch, left accumulated in the parameters' {@code .grad}.
 *
 * <p><b>Plain</b>: the 2M sequences (x then y) go through the encoder in one forward pass with autograd, then
 * {@link SymmetricInfoNceLoss} and one backward pass.
 *
 * <p><b>GradCache</b> (Gao et al. 2021, "Scaling Deep Contrastive Learning Batch Size under Memory Limited
 * Setup"), when the batch exceeds the chunk size: (1) embed every chunk of at most {@code chunk} sequences with
 * autograd off; (2) compute the full M x M loss and dL/dv for every embedding and dL/dtau exactly, in blocks of
 * rows ({@link BlockwiseInfoNce}: no M x M buffers); (3) re-embed each chunk with autograd on and back-propagate the cached
 * dL/dv of its rows into the encoder parameters. By the chain rule the accumulated parameter gradient equals the
 * full-batch one; memory holds only one chunk's activations. The encoder has no dropout, so the second pass
 * recomputes exactly the first.
 */
final class ContrastiveStep {
  /** Tokens per fp32 forward pass (batch x length) that keep activations cache-friendly on CPUs. */
  static final int FORWARD_TOKENS = 4096;

  /**
   * Tokens per bf16 forward pass. Every pass casts each weight to bf16 and back-propagates into it (a cast and an
   * fp32 accumulation per weight per pass), so bf16 steps run best in few passes: 32,768 (the whole batch of the
   * small benchmark) trained 30-48 % more pairs per second than 4,096 (README, "bf16 speed, measured").
   */
  static final int FORWARD_TOKENS_BF16 = 32_768;

  private final CptTransformer model;
  private final NDManager manager;
  private final int padId;
  private final int forwardTokens;

  ContrastiveStep(CptTransformer model, NDManager manager, int padId) {
    this(model, manager, padId, model.precision() == Precision.BF16 ? FORWARD_TOKENS_BF16 : FORWARD_TOKENS);
  }

  /** As above with another token budget per forward pass of the plain step (tests align it with GradCache). */
  ContrastiveStep(CptTransformer model, NDManager manager, int padId, int forwardTokens) {
    this.model = model;
    this.manager = manager;
    this.padId = padId;
    this.forwardTokens = forwardTokens;
  }

  /**
   * Result of one forward/backward: mean loss, in-batch top-1 accuracy (x to y) and the mean pairwise cosine of the
   * x embeddings (the embedding spread; 1 when all coincide).
   */
  record Outcome(double loss, double accuracy, double meanCosine) {}

  /**
   * Computes loss and gradients for pairs {@code (xs[i], ys[i])}; {@code logitScale} is exp(tau) (a graph node
   * when tau is learned) or a constant.
   */
  Outcome run(int[][] xs, int[][] ys, java.util.function.Supplier<NDArray> logitScale, int chunk) {
    return run(xs, ys, logitScale, chunk, true);
  }

  /** As above; {@code learnedScale} says whether the logit scale is a function of a trainable tau. */
  Outcome run(
      int[][] xs, int[][] ys, java.util.function.Supplier<NDArray> logitScale, int chunk, boolean learnedScale) {
    int m = xs.length;
    if (chunk <= 0 || m <= chunk) {
      return plain(xs, ys, logitScale);
    }
    return gradCache(xs, ys, logitScale, chunk, learnedScale);
  }

  private Outcome plain(int[][] xs, int[][] ys, java.util.function.Supplier<NDArray> logitScale) {
    int m = xs.length;
    int[][] both = new int[2 * m][];
    System.arraycopy(xs, 0, both, 0, m);
    System.arraycopy(ys, 0, both, m, m);
    try (NDScope scope = new NDScope();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      // the forward pass in micro-batches of ~FORWARD_TOKENS tokens (one autograd graph): same gradient, but
      // each kernel works on cache-sized tensors
      int micro = microBatch(both, forwardTokens);
      NDList parts = new NDList();
      for (int from = 0; from < both.length; from += micro) {
        parts.add(model.embed(
            TokenBatch.of(both, from, Math.min(both.length, from + micro), padId, model.spec().pooling()), manager));
      }
      NDArray v = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
      NDArray logits =
          SymmetricInfoNceLoss.logits(v.get("0:{}", m), v.get("{}:", m), logitScale.get());
      NDArray loss = SymmetricInfoNceLoss.loss(logits);
      gc.backward(loss);
      double spread;
      try (GradMode off = GradMode.disabled()) {
        spread = meanCosine(v.get("0:{}", m));
      }
      return new Outcome(loss.getFloat(), accuracy(logits), spread);
    }
  }

  /** Sequences per forward pass so that one pass holds about {@code forwardTokens} tokens. */
  static int microBatch(int[][] seqs, int forwardTokens) {
    int longest = 1;
    for (int[] s : seqs) {
      longest = Math.max(longest, s.length);
    }
    return Math.max(1, forwardTokens / longest);
  }

  private Outcome gradCache(
      int[][] xs,
      int[][] ys,
      java.util.function.Supplier<NDArray> logitScale,
      int chunk,
      boolean learnedScale) {
    int m = xs.length;
    try (NDScope scope = new NDScope()) {
      // (1) embeddings of every chunk, no activations kept: each chunk's intermediates die with its own scope
      NDList parts = new NDList();
      NDArray all;
      try (GradMode off = GradMode.disabled()) {
        for (int[][] side : new int[][][] {xs, ys}) {
          for (int from = 0; from < m; from += chunk) {
            try (NDScope chunkScope = new NDScope()) {
              NDArray e = model.embed(batch(side, from, chunk), manager);
              NDScope.unregister(e);
              parts.add(e);
            }
          }
        }
        all = NDArrays.concat(parts, 0);
      } finally {
        parts.close();
      }
      // (2) full-batch loss and its exact gradient w.r.t. every embedding and tau, in blocks of rows (no M x M
      // buffers)
      BlockwiseInfoNce.Result r;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray scale = logitScale.get();
        float scaleValue = scale.getFloat();
        r = BlockwiseInfoNce.compute(all.get("0:{}", m), all.get("{}:", m), scaleValue);
        if (learnedScale) {
          // tau's gradient: d(scale * c)/dtau = scale * c = dL/dtau for the constant c = (dL/dtau) / scale
          gc.backward(scale.mul(Scalars.of(scale, r.gradTau() / scaleValue)).sum());
        }
      }
      NDArray cached = r.gradX().concat(r.gradY(), 0);
      double lossValue = r.loss();
      double acc = r.accuracy();
      double spread = meanCosine(all.get("0:{}", m));
      // (3) re-embed chunk by chunk with autograd and push the cached gradients through the encoder
      int offset = 0;
      for (int[][] side : new int[][][] {xs, ys}) {
        for (int from = 0; from < m; from += chunk) {
          try (NDScope chunkScope = new NDScope();
              GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            TokenBatch b = batch(side, from, chunk);
            NDArray v = model.embed(b, manager);
            NDArray g = cached.get("{}:{}", offset, offset + b.size());
            JniUtils.backward((PtNDArray) v, (PtNDArray) g, false, false);
            offset += b.size();
          }
        }
      }
      return new Outcome(lossValue, acc, spread);
    }
  }

  private TokenBatch batch(int[][] side, int from, int chunk) {
    return TokenBatch.of(side, from, Math.min(side.length, from + chunk), padId, model.spec().pooling());
  }

  /**
   * Mean cosine over the M(M-1) ordered pairs of distinct rows of L2-normalised embeddings {@code x}: with s the sum
   * of the rows, |s|^2 = M + sum over i != j of x_i . x_j, so one pass over [M, d] suffices. NaN for M < 2.
   */
  static double meanCosine(NDArray x) {
    long m = x.getShape().get(0);
    if (m < 2) {
      return Double.NaN;
    }
    double sq = x.sum(new int[] {0}).square().sum().getFloat();
    return (sq - m) / ((double) m * (m - 1));
  }

  /** Fraction of rows whose largest logit is on the diagonal (ties count as misses unless the diagonal is first). */
  private static double accuracy(NDArray logits) {
    long[] best = logits.argMax(1).toLongArray();
    int hits = 0;
    for (int i = 0; i < best.length; i++) {
      if (best[i] == i) {
        hits++;
      }
    }
    return (double) hits / best.length;
  }
}
