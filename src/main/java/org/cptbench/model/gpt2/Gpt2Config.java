package org.cptbench.model.gpt2;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.model.Attention;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Gelu;
import org.cptbench.model.Pooling;
import org.cptbench.util.Json;

/**
 * The {@code config.json} of a Hugging Face GPT-2 model ({@code GPT2Config}) as far as it fixes the forward pass,
 * mapped to an {@link EncoderSpec}: {@code n_embd} = width, {@code n_layer}, {@code n_head}, {@code n_positions} =
 * maxTokens, {@code vocab_size}, {@code n_inner} (null: 4 x n_embd) = ffn, {@code activation_function}
 * ({@code gelu_new}, {@code gelu_pytorch_tanh}, {@code gelu_fast}: tanh GELU; {@code gelu}: exact), causal
 * attention. Settings that would change the computation in ways cptbench does not implement are rejected by key:
 * {@code layer_norm_epsilon} other than 1e-5, {@code scale_attn_weights: false},
 * {@code scale_attn_by_inverse_layer_idx: true}, {@code add_cross_attention: true}, a {@code model_type} other
 * than gpt2. The pooling of a cptbench encoder rides along as {@value #POOLING_KEY} (default eos).
 */
public final class Gpt2Config {
  public static final String POOLING_KEY = "cptbench_pooling";
  static final double LAYER_NORM_EPSILON = 1e-5;

  private Gpt2Config() {}

  /** Whether a config.json object looks like a GPT-2 one (has GPT-2's size keys). */
  public static boolean looksLikeGpt2(JsonNode n) {
    return n.has("n_embd") && n.has("n_layer") && n.has("n_head");
  }

  /** Reads {@code file} (a GPT-2 config.json) as an encoder shape. */
  public static EncoderSpec read(Path file) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new CptbenchException(file + ": not valid JSON: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new CptbenchException(file + ": not a JSON object");
    }
    return toSpec(n, file.toString());
  }

  static EncoderSpec toSpec(JsonNode n, String where) {
    String type = n.path("model_type").asText("gpt2");
    if (!type.equals("gpt2")) {
      throw new CptbenchException(where + ": model_type is '" + type + "'; allowed: gpt2");
    }
    int width = requiredInt(n, "n_embd", where);
    int layers = requiredInt(n, "n_layer", where);
    int heads = requiredInt(n, "n_head", where);
    int positions = requiredInt(n, "n_positions", where);
    int vocab = requiredInt(n, "vocab_size", where);
    int ffn = n.hasNonNull("n_inner") ? requiredInt(n, "n_inner", where) : 4 * width;
    Gelu gelu = gelu(n.path("activation_function").asText("gelu_new"), where);
    double eps = n.path("layer_norm_epsilon").asDouble(LAYER_NORM_EPSILON);
    if (Math.abs(eps - LAYER_NORM_EPSILON) > 1e-12) {
      throw new CptbenchException(where + ": layer_norm_epsilon is " + eps + "; allowed: 1e-05 (cptbench's LayerNorm)");
    }
    requireBoolean(n, "scale_attn_weights", true, where);
    requireBoolean(n, "scale_attn_by_inverse_layer_idx", false, where);
    requireBoolean(n, "add_cross_attention", false, where);
    Pooling pooling =
        n.hasNonNull(POOLING_KEY)
            ? Pooling.parse(where + ": " + POOLING_KEY, n.get(POOLING_KEY).asText())
            : Pooling.EOS;
    return new EncoderSpec(vocab, layers, width, heads, ffn, positions, Attention.CAUSAL, pooling, gelu);
  }

  private static Gelu gelu(String activation, String where) {
    return switch (activation) {
      case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> Gelu.TANH;
      case "gelu" -> Gelu.ERF;
      default ->
          throw new CptbenchException(
              where + ": activation_function is '" + activation
                  + "'; allowed: gelu_new, gelu_pytorch_tanh, gelu_fast (tanh GELU), gelu (exact GELU)");
    };
  }

  private static int requiredInt(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
      throw new CptbenchException(
          where + ": " + key + " is " + (v == null ? "missing" : v) + "; expected a positive integer");
    }
    return v.asInt();
  }

  private static void requireBoolean(JsonNode n, String key, boolean allowed, String where) {
    if (n.hasNonNull(key) && n.get(key).asBoolean() != allowed) {
      throw new CptbenchException(where + ": " + key + " is " + n.get(key) + "; allowed: " + allowed);
    }
  }

  /**
   * The config.json of a cptbench encoder in GPT-2 form, loadable as {@code transformers.GPT2Model}: GPT-2's keys,
   * no dropout, the GELU named as Hugging Face names it.
   *
   * @throws CptbenchException for bidirectional attention, which GPT-2 cannot express
   */
  public static Map<String, Object> toJson(EncoderSpec s) {
    if (s.attention() != Attention.CAUSAL) {
      throw new CptbenchException(
          "encoder.attention: " + s.attention().name().toLowerCase(Locale.ROOT)
              + " cannot be exported as GPT-2; allowed: causal");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architectures", List.of("GPT2Model"));
    m.put("model_type", "gpt2");
    m.put("vocab_size", s.vocabSize());
    m.put("n_positions", s.maxTokens());
    m.put("n_ctx", s.maxTokens());
    m.put("n_embd", s.width());
    m.put("n_layer", s.layers());
    m.put("n_head", s.heads());
    m.put("n_inner", s.ffn());
    m.put("activation_function", s.gelu() == Gelu.TANH ? "gelu_new" : "gelu");
    m.put("layer_norm_epsilon", LAYER_NORM_EPSILON);
    m.put("resid_pdrop", 0.0);
    m.put("embd_pdrop", 0.0);
    m.put("attn_pdrop", 0.0);
    m.put("initializer_range", 0.02);
    m.put("scale_attn_weights", true);
    m.put("scale_attn_by_inverse_layer_idx", false);
    m.put("reorder_and_upcast_attn", false);
    m.put("use_cache", true);
    m.put("torch_dtype", "float32");
    m.put(POOLING_KEY, s.pooling().name().toLowerCase(Locale.ROOT));
    return m;
  }
}
