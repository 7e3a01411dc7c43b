package org.cptbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 */
public final class CausalLmHead {
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
    NDArray h = hidden(ids(inputs, from, to, manager), manager);
    NDArray target = ids(targets, from, to, manager).reshape(h.getShape().get(0), 1);
    return logits(h).logSoftmax(1).gather(target, 1).sum().neg();
  }
}
