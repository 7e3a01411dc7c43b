package org.cptbench.eval;

import java.util.List;
import org.cptbench.model.EmbeddingCache;
import org.cptbench.model.Encoder;
import org.cptbench.text.Side;

/** Texts to L2-normalised embeddings (an encoder, possibly behind the embedding cache). */
@FunctionalInterface
public interface Embedder {
  float[][] embed(List<String> texts, Side side);

  /**
   * Whether {@link #embed} gives vectors; false for a lexical ranking function (BM25), which evaluations use only
   * through {@link #retriever}.
   */
  default boolean hasEmbeddings() {
    return true;
  }

  /** How retrieval tasks rank with this embedder: exact cosine search over its embeddings unless overridden. */
  default Retriever retriever() {
    return Retriever.dense(this);
  }

  /**
   * The encoder's vectors before its final L2 normalisation (see {@link Encoder#embedUnnormalized}); the linear
   * probes use them, as SentEval feeds an encoder's vectors as they are.
   *
   * @throws org.cptbench.CptbenchException when this embedder cannot give them
   */
  default float[][] embedUnnormalized(List<String> texts, Side side) {
    throw new org.cptbench.CptbenchException(
        "this embedder gives L2-normalised embeddings only; build it with Embedder.of(encoder, cache)");
  }

  /** An embedder answering through {@code encoder}, via {@code cache} when it is not null. */
  static Embedder of(Encoder encoder, EmbeddingCache cache) {
    return new Embedder() {
      @Override
      public float[][] embed(List<String> texts, Side side) {
        return cache == null ? encoder.embed(texts, side) : cache.embed(encoder, texts, side);
      }

      @Override
      public float[][] embedUnnormalized(List<String> texts, Side side) {
        return cache == null
            ? encoder.embedUnnormalized(texts, side)
            : cache.embedUnnormalized(encoder, texts, side);
      }
    };
  }
}
