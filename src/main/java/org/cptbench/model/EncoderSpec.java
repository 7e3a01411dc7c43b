package org.cptbench.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cptbench.CptbenchException;

/**
 * The shape of a cpt encoder: token + learned position embeddings, {@code layers} pre-LN Transformer layers of
 * width {@code width} with {@code heads} attention heads and a GELU MLP of {@code ffn} hidden units, then a final
 * LayerNorm. {@code maxTokens} is the total sequence length including both delimiters.
 *
 * @param vocabSize tokenizer vocabulary size (special tokens included)
 * @param layers number of Transformer layers
 * @param width model (hidden) dimension; also the embedding dimension
 * @param heads attention heads; must divide {@code width}
 * @param ffn hidden units of each layer's MLP
 * @param maxTokens longest sequence, delimiters included (at least 3)
 * @param attention causal (GPT-like) or bidirectional
 * @param pooling eos (hidden state at the end delimiter) or mean
 * @param gelu the MLP's GELU: exact ({@code erf}, the default) or GPT-2's tanh approximation ({@code tanh})
 */
public record EncoderSpec(
    int vocabSize,
    int layers,
    int width,
    int heads,
    int ffn,
    int maxTokens,
    Attention attention,
    Pooling pooling,
    Gelu gelu) {

  /** Named size presets; {@code tiny} and {@code small} are the benchmark presets of the peer program. */
  public static final Map<String, EncoderSpec> PRESETS = presets();

  public EncoderSpec {
    positive("vocabSize", vocabSize, 16);
    positive("layers", layers, 1);
    positive("width", width, 8);
    positive("heads", heads, 1);
    positive("ffn", ffn, 1);
    positive("maxTokens", maxTokens, 3);
    if (width % heads != 0) {
      throw new CptbenchException(
          "encoder.heads: " + heads + " does not divide encoder.width " + width + "; choose a divisor");
    }
    if (attention == null) {
      throw new CptbenchException("encoder.attention: missing; allowed: [causal, bidirectional]");
    }
    if (pooling == null) {
      throw new CptbenchException("encoder.pooling: missing; allowed: [eos, mean]");
    }
    if (gelu == null) {
      throw new CptbenchException("encoder.gelu: missing; allowed: [erf, tanh]");
    }
  }

  /** A shape with the exact (erf) GELU, cptbench's original encoder. */
  public EncoderSpec(
      int vocabSize, int layers, int width, int heads, int ffn, int maxTokens, Attention attention, Pooling pooling) {
    this(vocabSize, layers, width, heads, ffn, maxTokens, attention, pooling, Gelu.ERF);
  }

  private static void positive(String key, int value, int min) {
    if (value < min) {
      throw new CptbenchException("encoder." + key + ": " + value + " is too small; must be >= " + min);
    }
  }

  private static Map<String, EncoderSpec> presets() {
    Map<String, EncoderSpec> m = new LinkedHashMap<>();
    m.put("tiny", new EncoderSpec(8192, 2, 128, 4, 512, 32, Attention.CAUSAL, Pooling.EOS));
    m.put("small", new EncoderSpec(16384, 4, 256, 4, 1024, 64, Attention.CAUSAL, Pooling.EOS));
    m.put("base", new EncoderSpec(32768, 6, 384, 6, 1536, 128, Attention.CAUSAL, Pooling.EOS));
    return Map.copyOf(m);
  }

  /** A preset by name; the error lists the known presets. */
  public static EncoderSpec preset(String name) {
    EncoderSpec spec = PRESETS.get(name);
    if (spec == null) {
      throw new CptbenchException(
          "encoder.preset: unknown preset '" + name + "'; allowed: [tiny, small, base]");
    }
    return spec;
  }

  public int headDim() {
    return width / heads;
  }

  /** Matrix-multiply FLOPs (2 per multiply-add) of one forward pass of one full-length sequence of T tokens. */
  public double forwardFlopsPerSequence(int tokens) {
    double perToken = layers * (2.0 * (4.0 * width * width + 2.0 * width * ffn) + 4.0 * tokens * width);
    return perToken * tokens;
  }

  public EncoderSpec withVocabSize(int v) {
    return new EncoderSpec(v, layers, width, heads, ffn, maxTokens, attention, pooling, gelu);
  }

  public EncoderSpec withMaxTokens(int t) {
    return new EncoderSpec(vocabSize, layers, width, heads, ffn, t, attention, pooling, gelu);
  }

  public EncoderSpec withGelu(Gelu g) {
    return new EncoderSpec(vocabSize, layers, width, heads, ffn, maxTokens, attention, pooling, g);
  }
}
