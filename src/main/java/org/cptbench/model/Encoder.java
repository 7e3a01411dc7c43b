package org.cptbench.model;

import java.util.List;
import org.cptbench.text.Side;

/**
 * Anything that turns texts into L2-normalised embeddings: a cptbench checkpoint, or a reference model such as
 * all-MiniLM-L6-v2. Side {@link Side#X} is the query / first-sentence side, {@link Side#Y} the document side;
 * symmetric encoders ignore it. Adding a model means implementing these four methods.
 */
public interface Encoder extends AutoCloseable {

  /** Human-readable name, e.g. {@code minilm-l6} or a checkpoint path. */
  String name();

  /** Content hash identifying the exact weights and tokenizer (keys the embedding cache). */
  String fingerprint();

  /** Embedding dimension. */
  int dimension();

  /** One L2-normalised embedding per text, in input order. */
  float[][] embed(List<String> texts, Side side);

  /**
   * One pooled vector per text before the final L2 normalisation ({@link #embed} divides these by their norms),
   * for consumers that take an encoder's vectors as they are (SentEval's probes).
   *
   * @throws org.cptbench.CptbenchException when this encoder cannot give them
   */
  default float[][] embedUnnormalized(List<String> texts, Side side) {
    throw new org.cptbench.CptbenchException(
        "encoder " + name() + " gives L2-normalised embeddings only (no vectors before normalisation)");
  }

  @Override
  void close();
}
