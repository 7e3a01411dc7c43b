package org.cptbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import org.cptbench.CptbenchException;

/**
 * The generative (GPT-style) head of a {@link CptTransformer}: next-token logits through an output projection tied
 * to the token embedding (Radford et al. 2018/2019; Press and Wolf 2017), and the causal language-model loss
 *
 * <pre>
 *   logits[i] = h[i] · E^T              (E = tok_emb [vocab, width], h = last hidden state after ln_f)
 *   L = -1/N * sum_i log softmax(logits[i])[target[i]]   over every position i of every sequence
 * </pre>
 *
 * where {@code target[i]} is the token that follows position i (inputs and targets are the same packed token
 * stream shifted by one). The head owns no parameters: it reads {@code tok_emb} of the transformer's weights, so
 * its gradient flows into the same embedding the encoder uses for its input.
 *
 * <p>In the model's {@link Precision#BF16} the forward pass runs under {@link Autocast}, as {@code torch.autocast}
 * runs GPT-style pre-training: the Transformer's products and the output projection {@code h · E^T} in bf16, the
 * softmax's statistics in fp32, and the two products of the direct gradient ({@code p E} and {@code p^T h}) in bf16,
 * as autograd would run the bf16 projection's backward. {@link #lossSum} (validation) takes the fp32 log-softmax of
 * the bf16 logits; {@link #backwardLossSum} writes the probabilities in bf16 directly ({@link TorchOps#softmax}) and
 * takes the training loss from them. LayerNorm, the master weights and their gradients stay fp32. In fp32 nothing
 * changes.
 */
public final class CausalLmHead {
  /** Below this probability of a target, the loss is taken from the log-softmax instead of -log p. */
  static final float TINY = 1e-30f;

  private final CptTransformer model;

  public CausalLmHead(CptTransformer model) {
    if (model.spec().attention() != Attention.CAUSAL) {
      throw new CptbenchException(
          "encoder.attention: bidirectional cannot be pre-trained as a language model (each position would see"
              + " the token it predicts); allowed: [causal]");
    }
    this.model = model;
  }

  public CptTransformer model() {
    return model;
  }

  /** Token ids {@code [rows, t]} (all rows of length t, no padding) as a long tensor. */
  public static NDArray ids(int[][] rows, int from, int to, NDManager manager) {
    int t = rows[from].length;
    long[] flat = new long[(to - from) * t];
    for (int r = from; r < to; r++) {
      if (rows[r].length != t) {
        throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " tokens, expected " + t);
      }
      for (int j = 0; j < t; j++) {
        flat[(r - from) * t + j] = rows[r][j];
      }
    }
    return manager.create(flat, new Shape(to - from, t));
  }

  /** Last hidden states {@code [rows * t, width]} of full-length rows under causal attention. */
  public NDArray hidden(NDArray ids, NDManager manager) {
    long n = ids.getShape().size();
    return model.hidden(ids, null, manager).reshape(n, model.spec().width());
  }

  /** Next-token logits {@code [n, vocab]} of hidden states {@code [n, width]}: {@code h · tok_emb^T}. */
  public NDArray logits(NDArray hidden) {
    return hidden.matMul(model.weights().get("tok_emb").transpose());
  }

  /**
   * The summed (not averaged) next-token cross-entropy of rows {@code [from, to)}: {@code -sum_i log
   * softmax(logits[i])[target[i]]} over every position; a graph node when autograd records.
   */
  public NDArray lossSum(int[][] inputs, int[][] targets, int from, int to, NDManager manager) {
    try (Precision.Scope ac = model.precision().autocast(model.device())) {
      NDArray h = hidden(ids(inputs, from, to, manager), manager);
      NDArray target = ids(targets, from, to, manager).reshape(h.getShape().get(0), 1);
      // bf16: the projection's product in bf16, the log-softmax over fp32 logits (a no-op conversion in fp32)
      return logits(h).toType(DataType.FLOAT32, false).logSoftmax(1).gather(target, 1).sum().neg();
    }
  }

  /**
   * The summed next-token cross-entropy of rows {@code [from, to)} (as {@link #lossSum}), with its gradient times
   * {@code scale} accumulated into the parameters' gradients: the result of {@code backward(lossSum * scale)}, but
   * the output projection's gradient is computed directly instead of through autograd. With {@code p =
   * softmax(logits)} and one-hot targets {@code Y}, {@code dL/dlogits = p - Y}, so
   *
   * <pre>
   *   dL/dh = p E - E[target]          dL/dE (output projection) = p^T h - Y^T h
   * </pre>
   *
   * {@code p E} and {@code p^T h} are two matrix products on values computed without a graph; the {@code E[target]}
   * and {@code Y^T h} terms (an embedding lookup of the targets and its scatter-add gradient) and the flow into the
   * Transformer go through autograd on the surrogate {@code S = sum(h * (p E)) - sum(h * E[target])}, whose gradient
   * with respect to h and to E through the lookup is exactly those terms. Autograd never holds the {@code [tokens,
   * vocab]} log-softmax or its backward buffers. The loss is {@code -sum log p[target]}, or the exact log-softmax
   * where a target's probability is below {@value #TINY}.
   */
  public double backwardLossSum(int[][] inputs, int[][] targets, int from, int to, double scale, NDManager manager) {
    NDArray e = model.weights().get("tok_emb");
    NDArray ids = ids(inputs, from, to, manager);
    long n = ids.getShape().size();
    NDArray target = ids(targets, from, to, manager).reshape(n);
    boolean reduced = model.precision() != Precision.FP32;
    double loss;
    NDArray projectionGrad;
    try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
      NDArray h;
      NDArray ph;
      // forward under the model's precision; the backward pass below runs outside it, as PyTorch recommends
      try (Precision.Scope ac = model.precision().autocast(model.device())) {
        h = hidden(ids, manager);
        try (GradMode off = GradMode.disabled()) {
          NDArray product = h.matMul(e.transpose());
          NDArray index = target.reshape(n, 1);
          // bf16: probabilities straight from the bf16 logits. libtorch's kernel computes the softmax in fp32 and
          // rounds it to bf16 once, the operand both gradient products need (TorchOps.softmax); the loss takes the
          // target's probability from it (within 2^-8 of itself: |error| <= 0.004 nats per token, unbiased
          // rounding), and the 1/tokens scale goes on the two products' fp32 results. fp32: every cast is a no-op.
          NDArray p = reduced ? TorchOps.softmax(product, 1) : product.softmax(1);
          NDArray pt = TorchOps.toFloat32(p.gather(index, 1));
          loss = pt.min().getFloat() > TINY ? -pt.log().sum().getFloat() : exactLoss(product, index);
          product.close();
          ph = TorchOps.toFloat32(p.matMul(e)).muli(Scalars.of(h, scale));
          projectionGrad = TorchOps.toFloat32(p.transpose().matMul(h)).muli(Scalars.of(h, scale));
          p.close();
        }
      }
      NDArray et = target.getNDArrayInternal().embedding(target, e, SparseFormat.DENSE).singletonOrThrow();
      NDArray surrogate = h.mul(ph).sum().sub(h.mul(et).sum().mul(Scalars.of(h, scale)));
      gc.backward(surrogate);
    }
    try (GradMode off = GradMode.disabled()) {
      e.getGradient().addi(projectionGrad); // bf16 adds into the fp32 gradient in fp32
    }
    return loss;
  }

  /** {@code -sum log softmax(logits)[target]} through the fp32 log-softmax (for target probabilities near underflow). */
  private static double exactLoss(NDArray logits, NDArray index) {
    return -logits.toType(DataType.FLOAT32, false).logSoftmax(1).gather(index, 1).sum().getFloat();
  }
}
