package org.cptbench.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;

/**
 * Writes a {@link BpeModel} as a HuggingFace {@code tokenizer.json} (format version 1.0 of the {@code tokenizers}
 * crate; DJL 0.36 bundles tokenizers 0.21): model {@code BPE} with {@code vocab} (token to id) and {@code merges}
 * as {@code "left right"} strings (the format every crate version reads; byte-level tokens never contain a plain
 * space), no unknown token, pre-tokenizer and decoder {@code ByteLevel} ({@code add_prefix_space=false,
 * use_regex=true}), no normalizer, no post-processor, no truncation or padding, and the six
 * {@link SpecialTokens} as {@code added_tokens} with {@code special=true} and ids 0..5. The output depends only on the
 * model, so equal models give byte-identical files.
 */
public final class TokenizerJson {
  private TokenizerJson() {}

  /** The tokenizer.json document of a model. */
  public static ObjectNode toJson(BpeModel model) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (int id = 0; id < SpecialTokens.ALL.size(); id++) {
      ObjectNode t = added.addObject();
      t.put("id", id);
      t.put("content", SpecialTokens.ALL.get(id));
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
    }
    root.putNull("normalizer");
    root.set("pre_tokenizer", byteLevel(f));
    root.putNull("post_processor");
    root.set("decoder", byteLevel(f));
    ObjectNode m = root.putObject("model");
    m.put("type", "BPE");
    m.putNull("dropout");
    m.putNull("unk_token");
    m.putNull("continuing_subword_prefix");
    m.putNull("end_of_word_suffix");
    m.put("fuse_unk", false);
    m.put("byte_fallback", false);
    m.put("ignore_merges", false);
    ObjectNode vocab = m.putObject("vocab");
    for (int id = 0; id < model.vocabSize(); id++) {
      vocab.put(model.tokens().get(id), id);
    }
    ArrayNode merges = m.putArray("merges");
    for (BpeModel.Merge merge : model.merges()) {
      merges.add(model.tokens().get(merge.left()) + " " + model.tokens().get(merge.right()));
    }
    return root;
  }

  /** The tokenizer.json text of a model (UTF-8, pretty-printed, ends with a newline). */
  public static String toJsonString(BpeModel model) {
    return Json.write(toJson(model)) + "\n";
  }

  /** Writes the model's tokenizer.json atomically. */
  public static void write(BpeModel model, Path file) {
    AtomicFiles.writeString(file, toJsonString(model));
  }

  private static JsonNode byteLevel(JsonNodeFactory f) {
    ObjectNode n = f.objectNode();
    n.put("type", "ByteLevel");
    n.put("add_prefix_space", false);
    n.put("trim_offsets", true);
    n.put("use_regex", true);
    return n;
  }
}
