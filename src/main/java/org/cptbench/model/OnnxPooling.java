package org.cptbench.model;

/**
 * How an ONNX reference encoder turns its last hidden states {@code h[t]} (one per word piece, attention mask
 * {@code m[t]}) into one vector before L2 normalisation.
 */
public enum OnnxPooling {
  /**
   * {@code sum_t m[t] h[t] / max(sum_t m[t], 1e-9)}: the mean over the real (unpadded) positions, [CLS] and [SEP]
   * included, exactly as sentence-transformers' {@code Pooling(pooling_mode_mean_tokens=True)}.
   */
  MEAN,
  /**
   * {@code h[0]}: the hidden state of the first token ([CLS]), sentence-transformers'
   * {@code pooling_mode_cls_token}.
   */
  CLS
}
