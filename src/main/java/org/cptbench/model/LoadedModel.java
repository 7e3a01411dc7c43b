package org.cptbench.model;

import java.nio.file.Path;
import org.cptbench.text.CptTokenizer;

/**
 * A model folder opened by {@link ModelFolder#load}: the encoder's shape, its weights (owned by a sub-manager of the
 * caller's manager), its tokenizer, and the fingerprint of its files. Closing it closes weights and tokenizer.
 *
 * @param dir the folder
 * @param layout cptbench checkpoint or Hugging Face GPT-2
 * @param spec the encoder shape (for GPT-2: causal attention, eos pooling unless the config says otherwise)
 * @param weights parameters in cptbench's names and layout
 * @param tokenizer the folder's tokenizer.json
 * @param fingerprint SHA-256 of the files that define the encoder
 */
public record LoadedModel(
    Path dir,
    ModelFolder.Layout layout,
    EncoderSpec spec,
    TransformerWeights weights,
    CptTokenizer tokenizer,
    String fingerprint)
    implements AutoCloseable {

  /** The forward pass over these weights (not a copy). */
  public CptTransformer transformer() {
    return new CptTransformer(spec, weights);
  }

  /** The forward pass over these weights in {@code precision} (resolved: fp32 or bf16). */
  public CptTransformer transformer(Precision precision) {
    return new CptTransformer(spec, weights, precision);
  }

  @Override
  public void close() {
    tokenizer.close();
    weights.close();
  }
}
