package org.cptbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.util.Json;

/**
 * A checkpoint folder: {@value #CONFIG} (format, encoder shape, training step, tau, training settings),
 * {@value #WEIGHTS} (DJL NDList of named float32 parameters) and {@value #TOKENIZER} (HuggingFace tokenizer). A
 * training checkpoint may also hold {@value #OPTIMIZER} (AdamW moments) so a run can resume exactly.
 */
public final class Checkpoint {
  public static final String FORMAT = "cptbench-checkpoint/1";
  public static final String CONFIG = "config.json";
  public static final String WEIGHTS = "weights.ndlist";
  public static final String TOKENIZER = "tokenizer.json";
  public static final String OPTIMIZER = "optimizer.ndlist";

  private Checkpoint() {}

  /** The JSON form of an encoder shape (enum values in lower case, as users write them). */
  public static Map<String, Object> specJson(EncoderSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("vocabSize", s.vocabSize());
    m.put("layers", s.layers());
    m.put("width", s.width());
    m.put("heads", s.heads());
    m.put("ffn", s.ffn());
    m.put("maxTokens", s.maxTokens());
    m.put("attention", s.attention().name().toLowerCase(java.util.Locale.ROOT));
    m.put("pooling", s.pooling().name().toLowerCase(java.util.Locale.ROOT));
    if (s.gelu() != Gelu.ERF) { // absent means erf: older checkpoints and cell ids stay as they were
      m.put("gelu", s.gelu().name().toLowerCase(java.util.Locale.ROOT));
    }
    return m;
  }

  public static EncoderSpec specFromJson(JsonNode n, String where) {
    for (String key :
        new String[] {"vocabSize", "layers", "width", "heads", "ffn", "maxTokens", "attention", "pooling"}) {
      if (!n.hasNonNull(key)) {
        throw new CptbenchException(where + ": encoder." + key + " is missing");
      }
    }
    return new EncoderSpec(
        n.get("vocabSize").asInt(),
        n.get("layers").asInt(),
        n.get("width").asInt(),
        n.get("heads").asInt(),
        n.get("ffn").asInt(),
        n.get("maxTokens").asInt(),
        Attention.parse("encoder.attention", n.get("attention").asText()),
        Pooling.parse("encoder.pooling", n.get("pooling").asText()),
        n.hasNonNull("gelu") ? Gelu.parse("encoder.gelu", n.get("gelu").asText()) : Gelu.ERF);
  }

  /** Reads and checks {@code dir/config.json}. */
  public static JsonNode readConfig(Path dir) {
    Path config = dir.resolve(CONFIG);
    if (!Files.isRegularFile(config)) {
      throw new CptbenchException(
          dir + " is not a cptbench checkpoint (no " + CONFIG + "); train one with `./harness train`");
    }
    try {
      JsonNode n = Json.MAPPER.readTree(config.toFile());
      if (!FORMAT.equals(n.path("format").asText())) {
        throw new CptbenchException(config + ": format is '" + n.path("format").asText() + "', expected " + FORMAT);
      }
      return n;
    } catch (IOException e) {
      throw new CptbenchException(config + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the weights and tokenizer files: the identity of the encoder a checkpoint defines. */
  public static String fingerprint(Path dir) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String f : new String[] {WEIGHTS, TOKENIZER}) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(f)), md)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new CptbenchException("cannot read checkpoint " + dir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
