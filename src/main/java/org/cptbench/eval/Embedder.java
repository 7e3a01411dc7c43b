package org.cptbench.eval;

import java.util.List;
import org.cptbench.text.Side;

/** Texts to L2-normalised embeddings (an encoder, possibly behind the embedding cache). */
@FunctionalInterface
public interface Embedder {
  float[][] embed(List<String> texts, Side side);

  /** How retrieval tasks rank with this embedder: exact cosine search over its embeddings unless overridden. */
  default Retriever retriever() {
    return Retriever.dense(this);
  }
}
