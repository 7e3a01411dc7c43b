package org.cptbench.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cptbench.CptbenchException;
import org.cptbench.model.EncoderSpec;
import org.cptbench.train.InitModel;

/**
 * Where a cell's weights start: {@code scratch} (random, seeded), {@code pretrained} (the suite's {@code pretrain:}
 * stage, run once per run before the first cell that needs it) or a model folder ({@link InitModel}: a cptbench
 * checkpoint, e.g. the last checkpoint of {@code ./harness pretrain}, or a GPT-2 folder), whose architecture,
 * weights and tokenizer the cell takes. The suite key is {@code encoder: {init: ...}}, the sweep axis
 * {@code sweep: {init: [scratch, pretrained, DIR]}}.
 *
 * @param label the value as written ({@code scratch}, {@code pretrained} or the folder path; the {@code init} column
 *     of results.csv)
 * @param model the model folder, read and checked; null for scratch and pretrained (resolved by the run)
 */
public record InitChoice(String label, InitModel model) {
  public static final InitChoice SCRATCH = new InitChoice("scratch", null);
  public static final InitChoice PRETRAINED = new InitChoice("pretrained", null);

  /**
   * Reads {@code value} of the key {@code key} (e.g. {@code s.yaml: sweep.init[1]}): {@code scratch} or a folder
   * (relative paths are relative to the working directory); a missing or malformed folder is an error naming the
   * key and the path.
   */
  public static InitChoice parse(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new CptbenchException(key + ": empty; allowed: scratch, pretrained (the suite's pretrain: stage) or a model folder");
    }
    if (value.equals("scratch")) {
      return SCRATCH;
    }
    if (value.equals("pretrained")) {
      return PRETRAINED; // a folder of that name: write ./pretrained
    }
    Path dir = Path.of(value);
    if (!Files.isDirectory(dir)) {
      throw new CptbenchException(key + ": '" + value + "' is not a folder (" + dir.toAbsolutePath()
          + "); allowed: scratch, pretrained (the suite's pretrain: stage) or a model folder (a cptbench checkpoint, e.g. "
          + "PRETRAIN_OUT/checkpoints/step-N, or a GPT-2 folder)");
    }
    try {
      return new InitChoice(value, InitModel.read(dir));
    } catch (CptbenchException e) {
      throw new CptbenchException(key + ": '" + value + "': " + e.getMessage(), e);
    }
  }

  public boolean scratch() {
    return model == null && !pretrained();
  }

  /** Whether the weights come from the suite's {@code pretrain:} stage (resolved by the run). */
  public boolean pretrained() {
    return model == null && label.equals("pretrained");
  }

  /** This choice with the stage's final checkpoint, once the run has pre-trained it. */
  public InitChoice resolve(InitModel stage) {
    return new InitChoice(label, stage);
  }

  /**
   * The shape a cell trains: the initial model's, with the attention and pooling of {@code encoder} ({@code pretrained}:
   * the stage pre-trains {@code encoder}'s shape).
   */
  public EncoderSpec shape(EncoderSpec encoder) {
    if (model == null) {
      return encoder;
    }
    EncoderSpec s = model.spec();
    return new EncoderSpec(s.vocabSize(), s.layers(), s.width(), s.heads(), s.ffn(), s.maxTokens(),
        encoder.attention(), encoder.pooling(), s.gelu());
  }
}
