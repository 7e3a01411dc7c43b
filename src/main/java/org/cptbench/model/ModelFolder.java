package org.cptbench.model;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.model.gpt2.Gpt2Config;
import org.cptbench.model.gpt2.Gpt2Weights;
import org.cptbench.text.CptTokenizer;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;

/**
 * The model folders cptbench reads wherever it takes a checkpoint ({@code --encoder}, {@code --init}): a cptbench
 * checkpoint ({@link Checkpoint}: config.json with {@code format}, weights.ndlist, tokenizer.json) or a Hugging Face
 * GPT-2 folder ({@link Gpt2Config config.json} with GPT-2's keys, {@value #GPT2_WEIGHTS} with GPT-2's tensor names
 * ({@link Gpt2Weights}), tokenizer.json), e.g. {@code gpt2} or {@code distilgpt2} as downloaded, or what
 * {@link #exportGpt2} wrote.
 */
public final class ModelFolder {
  public static final String GPT2_WEIGHTS = "model.safetensors";

  /** How a folder stores its model. */
  public enum Layout {
    CPTBENCH,
    GPT2
  }

  private ModelFolder() {}

  /** The layout of {@code dir}, or an error saying what a model folder holds. */
  public static Layout detect(Path dir) {
    Path config = dir.resolve(Checkpoint.CONFIG);
    if (!Files.isRegularFile(config)) {
      throw new CptbenchException(
          dir + " is not a cptbench checkpoint (no " + Checkpoint.CONFIG + "; train one with `./harness train`) nor a"
              + " Hugging Face GPT-2 folder (config.json, model.safetensors, tokenizer.json)");
    }
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(config.toFile());
    } catch (IOException e) {
      throw new CptbenchException(config + ": not valid JSON: " + e.getMessage(), e);
    }
    if (n != null && n.has("format")) {
      return Layout.CPTBENCH; // Checkpoint.readConfig checks the format's value
    }
    if (n != null && n.isObject() && Gpt2Config.looksLikeGpt2(n)) {
      if (!Files.isRegularFile(dir.resolve(GPT2_WEIGHTS))) {
        throw new CptbenchException(
            dir + ": a GPT-2 folder without " + GPT2_WEIGHTS + " (only safetensors weights are read, not"
                + " pytorch_model.bin)");
      }
      return Layout.GPT2;
    }
    throw new CptbenchException(
        config
            + ": neither a cptbench checkpoint config (no 'format') nor a GPT-2 config (no n_embd, n_layer, n_head)");
  }

  /** The encoder shape a folder declares, without reading its weights. */
  public static EncoderSpec readSpec(Path dir) {
    return switch (detect(dir)) {
      case CPTBENCH ->
          Checkpoint.specFromJson(
              Checkpoint.readConfig(dir).path("encoder"), dir.resolve(Checkpoint.CONFIG).toString());
      case GPT2 -> Gpt2Config.read(dir.resolve(Checkpoint.CONFIG));
    };
  }

  /**
   * Opens a model folder of either layout: shape, weights (in a sub-manager of {@code parent}) and tokenizer.
   *
   * @throws CptbenchException naming the file (and tensor) that is missing or malformed
   */
  public static LoadedModel load(Path dir, NDManager parent) {
    Layout layout = detect(dir);
    EncoderSpec spec = readSpec(dir);
    Path tokenizerFile = dir.resolve(Checkpoint.TOKENIZER);
    if (!Files.isRegularFile(tokenizerFile)) {
      throw new CptbenchException(dir + ": no " + Checkpoint.TOKENIZER);
    }
    TransformerWeights weights;
    try {
      weights =
          layout == Layout.CPTBENCH
              ? TransformerWeights.load(dir.resolve(Checkpoint.WEIGHTS), spec, parent)
              : Gpt2Weights.load(dir.resolve(GPT2_WEIGHTS), spec, parent);
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + dir.resolve(Checkpoint.WEIGHTS) + ": " + e.getMessage(), e);
    }
    try {
      CptTokenizer tokenizer = CptTokenizer.load(tokenizerFile);
      if (tokenizer.vocabSize() > spec.vocabSize()) {
        tokenizer.close();
        throw new CptbenchException(
            tokenizerFile + ": ids up to " + (tokenizer.vocabSize() - 1) + ", but the model's vocabulary has "
                + spec.vocabSize() + " entries");
      }
      return new LoadedModel(dir, layout, spec, weights, tokenizer, fingerprint(dir, layout));
    } catch (RuntimeException e) {
      weights.close();
      throw e;
    }
  }

  /** SHA-256 of the files that define the encoder (cptbench: weights and tokenizer; GPT-2: config too). */
  public static String fingerprint(Path dir, Layout layout) {
    if (layout == Layout.CPTBENCH) {
      return Checkpoint.fingerprint(dir);
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String f : List.of(Checkpoint.CONFIG, GPT2_WEIGHTS, Checkpoint.TOKENIZER)) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(f)), md)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new CptbenchException("cannot read model folder " + dir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes an encoder as a Hugging Face GPT-2 folder {@code out}: config.json ({@link Gpt2Config#toJson}),
   * {@value #GPT2_WEIGHTS} ({@link Gpt2Weights#save}) and a copy of {@code tokenizerJson}. Each file is written
   * atomically; {@code transformers.GPT2Model.from_pretrained(out)} loads it.
   */
  public static void exportGpt2(EncoderSpec spec, TransformerWeights weights, Path tokenizerJson, Path out) {
    var config = Gpt2Config.toJson(spec);
    try {
      Files.createDirectories(out);
      Gpt2Weights.save(weights, spec, out.resolve(GPT2_WEIGHTS));
      AtomicFiles.write(
          out.resolve(Checkpoint.TOKENIZER),
          tmp -> Files.copy(tokenizerJson, tmp, StandardCopyOption.REPLACE_EXISTING));
      Json.writeFile(out.resolve(Checkpoint.CONFIG), config);
    } catch (IOException e) {
      throw new CptbenchException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
