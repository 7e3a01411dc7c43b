package org.cptbench.model;

import java.util.regex.Pattern;

/**
 * One ONNX reference encoder shipped as classpath resources: a Hugging Face transformer exported to ONNX (inputs
 * {@code input_ids}, {@code attention_mask} and optionally {@code token_type_ids}; output {@code last_hidden_state})
 * plus its {@code tokenizer.json}. Adding a model is one constant in {@link OnnxModels}.
 *
 * @param name the encoder name users type ({@code --encoder NAME}), lower-case letters, digits, '-', '.', '_'
 * @param source where the resources come from (e.g. Maven coordinates), named in errors
 * @param modelResource classpath path of the {@code .onnx} file
 * @param tokenizerResource classpath path of the Hugging Face {@code tokenizer.json}
 * @param pooling how hidden states become one vector
 * @param maxTokens at most this many word pieces per text, [CLS] and [SEP] included (overrides the tokenizer file's
 *     truncation length); 2 to 8192
 * @param prefixX text prepended to {@link org.cptbench.text.Side#X} (query) texts before tokenising, "" for none
 * @param prefixY text prepended to {@link org.cptbench.text.Side#Y} (document) texts, "" for none
 */
public record OnnxModelSpec(
    String name,
    String source,
    String modelResource,
    String tokenizerResource,
    OnnxPooling pooling,
    int maxTokens,
    String prefixX,
    String prefixY) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  public OnnxModelSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: '" + name + "', must be lower-case letters, digits, '.', '_' or '-' (e.g. minilm-l6)");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source of " + name + ": '" + source + "', must name where it comes from");
    }
    if (modelResource == null || !modelResource.endsWith(".onnx")) {
      throw new IllegalArgumentException(
          "modelResource of " + name + ": '" + modelResource + "', must be a classpath path ending in .onnx");
    }
    if (tokenizerResource == null || !tokenizerResource.endsWith(".json")) {
      throw new IllegalArgumentException(
          "tokenizerResource of " + name + ": '" + tokenizerResource + "', must be a classpath path ending in .json");
    }
    if (pooling == null) {
      throw new IllegalArgumentException("pooling of " + name + ": null, allowed MEAN or CLS");
    }
    if (maxTokens < 2 || maxTokens > 8192) {
      throw new IllegalArgumentException(
          "maxTokens of " + name + ": " + maxTokens + ", must be 2 to 8192 (room for [CLS] and [SEP])");
    }
    if (prefixX == null || prefixY == null) {
      throw new IllegalArgumentException("prefixX/prefixY of " + name + ": null, use \"\" for no prefix");
    }
  }

  /** The settings besides the files that change embeddings, as a canonical string (part of the fingerprint). */
  String settingsKey() {
    return "pooling=" + pooling + "\nmaxTokens=" + maxTokens + "\nprefixX=" + prefixX + "\nprefixY=" + prefixY;
  }
}
