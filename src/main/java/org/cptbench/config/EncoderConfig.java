package org.cptbench.config;

import org.cptbench.model.Attention;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Pooling;

/**
 * Reads an {@code encoder:} mapping: a {@code preset} (tiny, small, base; default tiny) with any of its fields
 * overridden: vocabSize, layers, width, heads, ffn, maxTokens, attention (causal | bidirectional), pooling
 * (eos | mean).
 */
public final class EncoderConfig {
  public static final String[] KEYS = {
    "preset", "vocabSize", "layers", "width", "heads", "ffn", "maxTokens", "attention", "pooling"
  };

  private EncoderConfig() {}

  public static EncoderSpec parse(ConfigNode n) {
    n.allowOnly(KEYS);
    EncoderSpec base = EncoderSpec.preset(n.getString("preset", "tiny"));
    return new EncoderSpec(
        n.getInt("vocabSize", base.vocabSize()),
        n.getInt("layers", base.layers()),
        n.getInt("width", base.width()),
        n.getInt("heads", base.heads()),
        n.getInt("ffn", base.ffn()),
        n.getInt("maxTokens", base.maxTokens()),
        n.has("attention")
            ? Attention.parse(n.source() + ": " + n.key("attention"), n.getString("attention", ""))
            : base.attention(),
        n.has("pooling") ? Pooling.parse(n.source() + ": " + n.key("pooling"), n.getString("pooling", "")) : base.pooling());
  }
}
