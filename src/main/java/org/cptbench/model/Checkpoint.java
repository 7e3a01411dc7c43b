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
import java.util.List;
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
  /** SHA-256 of every other file of the folder, in {@code sha256sum}'s format ({@code sha256sum -c} checks it). */
  public static final String CHECKSUMS = "checksums.sha256";

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
    try {
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
    } catch (CptbenchException e) {
      // a bad value (found by fuzzing): the message names the key; add the file it came from
      throw new CptbenchException(where + ": " + e.getMessage(), e);
    }
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

  /** Writes {@value #CHECKSUMS} over every other regular file of {@code dir} (names sorted). */
  public static void writeChecksums(Path dir) {
    StringBuilder sb = new StringBuilder();
    for (Path f : checkedFiles(dir)) {
      sb.append(sha256(f)).append("  ").append(f.getFileName()).append('\n');
    }
    try {
      Files.writeString(dir.resolve(CHECKSUMS), sb.toString());
    } catch (IOException e) {
      throw new CptbenchException("cannot write " + dir.resolve(CHECKSUMS) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks every file listed in {@value #CHECKSUMS} (a checkpoint written before checksums has none: nothing to
   * check). A missing or changed file is an error naming the file, the checkpoint and {@code recovery}.
   */
  public static void verify(Path dir, String recovery) {
    Path sums = dir.resolve(CHECKSUMS);
    if (!Files.isRegularFile(sums)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(sums);
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + sums + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int sep = line.indexOf("  ");
      if (sep != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
        throw new CptbenchException(sums + ":" + (i + 1) + ": expected `SHA256  FILE`, found '" + line + "'; " + recovery);
      }
      String name = line.substring(sep + 2);
      Path f = dir.resolve(name);
      if (name.contains("/") || !Files.isRegularFile(f)) {
        throw new CptbenchException("checkpoint " + dir + " is damaged: " + name + " is missing; " + recovery);
      }
      String actual = sha256(f);
      if (!actual.equals(line.substring(0, 64))) {
        throw new CptbenchException(
            "checkpoint " + dir + " is damaged: " + name + " has sha256 " + actual + ", but " + CHECKSUMS
                + " records " + line.substring(0, 64) + " (truncated or overwritten); " + recovery);
      }
    }
  }

  private static List<Path> checkedFiles(Path dir) {
    try (var files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals(CHECKSUMS))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CptbenchException("cannot list checkpoint " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Path f) {
    try {
      return org.cptbench.util.Hashing.sha256(f);
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
