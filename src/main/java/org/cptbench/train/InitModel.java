package org.cptbench.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.cptbench.CptbenchException;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.ModelFolder;
import org.cptbench.model.TransformerWeights;
import org.cptbench.model.gpt2.Gpt2Weights;
import org.cptbench.text.CptTokenizer;

/**
 * A trained model that initialises training ({@code train --init DIR}, {@code pretrain --init DIR}): a cptbench
 * checkpoint folder, typically the last checkpoint of {@code ./harness pretrain}, or a Hugging Face GPT-2 folder
 * ({@link ModelFolder}). Training then takes its architecture, its weights and its tokenizer; the tokenizer must have
 * the cpt delimiters {@code <[> <]> <{> <}>} as special tokens, or (GPT-2's) the plain tokens {@code [ ] { }}
 * (checked here, so the error comes before any work).
 *
 * @param dir the checkpoint folder
 * @param spec its encoder shape (from config.json)
 * @param tokenizer its tokenizer.json
 * @param fingerprint SHA-256 of its weights and tokenizer (GPT-2: and config; part of the training run's identity)
 * @param layout how the folder stores the model
 */
public record InitModel(Path dir, EncoderSpec spec, Path tokenizer, String fingerprint, ModelFolder.Layout layout) {

  /** Reads and checks a checkpoint folder; every problem names the folder or file. */
  public static InitModel read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CptbenchException("--init: " + dir + " is not a folder (expected a checkpoint folder, e.g. "
          + "PRETRAIN_OUT/checkpoints/step-N)");
    }
    ModelFolder.Layout layout = ModelFolder.detect(dir);
    EncoderSpec spec = ModelFolder.readSpec(dir);
    String weights = layout == ModelFolder.Layout.GPT2 ? ModelFolder.GPT2_WEIGHTS : Checkpoint.WEIGHTS;
    for (String f : new String[] {weights, Checkpoint.TOKENIZER}) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new CptbenchException("--init: " + dir + " has no " + f);
      }
    }
    Path tokenizer = dir.resolve(Checkpoint.TOKENIZER);
    try (CptTokenizer t = CptTokenizer.load(tokenizer)) {
      if (t.vocabSize() > spec.vocabSize()) {
        throw new CptbenchException(tokenizer + ": has " + t.vocabSize() + " ids but the model's vocabSize is "
            + spec.vocabSize());
      }
    }
    return new InitModel(dir, spec, tokenizer, ModelFolder.fingerprint(dir, layout), layout);
  }

  /** Checks that a model of shape {@code target} can take these weights (attention and pooling may differ). */
  public void requireShape(EncoderSpec target) {
    EncoderSpec s = spec;
    if (s.vocabSize() != target.vocabSize() || s.layers() != target.layers() || s.width() != target.width()
        || s.heads() != target.heads() || s.ffn() != target.ffn() || s.maxTokens() != target.maxTokens()) {
      throw new CptbenchException(
          "--init " + dir + ": its encoder (" + Checkpoint.specJson(s) + ") differs from the one to train ("
              + Checkpoint.specJson(target) + "); training from --init takes the initial model's architecture");
    }
  }

  /** Loads the weights and hands them to {@code sink} (which copies them); they are freed afterwards. */
  public void withWeights(Consumer<TransformerWeights> sink) {
    try (NDManager manager = NDManager.newBaseManager();
        TransformerWeights w = layout == ModelFolder.Layout.GPT2
            ? Gpt2Weights.load(dir.resolve(ModelFolder.GPT2_WEIGHTS), spec, manager)
            : TransformerWeights.load(dir.resolve(Checkpoint.WEIGHTS), spec, manager)) {
      sink.accept(w);
    } catch (IOException e) {
      throw new CptbenchException("--init: cannot read " + dir.resolve(Checkpoint.WEIGHTS) + ": " + e.getMessage(), e);
    }
  }

  void loadInto(LanguageModelTrainer trainer) {
    withWeights(trainer::initialiseFrom);
  }

  void loadInto(ContrastivePretrainer trainer) {
    withWeights(trainer::initialiseFrom);
  }
}
