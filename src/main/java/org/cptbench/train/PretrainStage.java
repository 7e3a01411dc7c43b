package org.cptbench.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cptbench.data.corpus.TextCorpus;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.util.Hashing;
import org.cptbench.util.Json;

/**
 * Pre-training as a building block: {@link #train} (what {@code ./harness pretrain} runs: tokenizer, packing,
 * {@link PretrainingRun}) and {@link #run}, a content-addressed stage for suites: its folder under a root is named by
 * the hash of everything that determines the result (encoder shape, pre-training settings, corpus name and text,
 * tokenizer budget, initial model), so a stage is trained once, resumed after an interruption, and shared by every
 * cell that asks for the same one. The returned folder is the final checkpoint, ready for {@code train --init}.
 */
public final class PretrainStage {
  private PretrainStage() {}

  /** As below in fp32. */
  public static PretrainingRun.Result run(
      EncoderSpec spec,
      LanguageModelSpec lm,
      TextCorpus corpus,
      long tokenizerChars,
      InitModel init,
      Path root,
      Consumer<LanguageModelTrainer.Stats> listener) {
    return run(spec, lm, Precision.FP32, corpus, tokenizerChars, init, root, listener);
  }

  /**
   * Runs (or resumes, or finds finished) the stage in {@code root/pretrain-<hash>/}, its forward passes in {@code
   * precision} (resolved for the device; anything but fp32 is part of the stage's identity).
   *
   * @return the final checkpoint folder
   */
  public static PretrainingRun.Result run(
      EncoderSpec spec,
      LanguageModelSpec lm,
      Precision precision,
      TextCorpus corpus,
      long tokenizerChars,
      InitModel init,
      Path root,
      Consumer<LanguageModelTrainer.Stats> listener) {
    List<String> documents = corpus.texts().toList();
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("encoder", Checkpoint.specJson(spec));
    id.put("pretrain", lm.toJson());
    id.put("corpus", corpus.name());
    id.put("corpusText", textHash(documents));
    id.put("tokenizerChars", tokenizerChars);
    id.put("init", init == null ? "scratch" : init.fingerprint());
    Precision resolved = precision.resolve(ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice());
    if (resolved != Precision.FP32) {
      id.put("precision", resolved.label()); // fp32 keeps the folder names of stages made before precision
    }
    String hash = Hashing.sha256(Json.compact(id));
    Path out = root.resolve("pretrain-" + hash.substring(0, 16));
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("stage", hash);
    provenance.put("corpus", corpus.name());
    return train(spec, lm, resolved, corpus.name(), documents, tokenizerChars, init, out, provenance, listener);
  }

  /** As below in fp32. */
  public static PretrainingRun.Result train(
      EncoderSpec spec,
      LanguageModelSpec lm,
      String corpusName,
      List<String> documents,
      long tokenizerChars,
      InitModel init,
      Path out,
      Map<String, Object> provenance,
      Consumer<LanguageModelTrainer.Stats> listener) {
    return train(spec, lm, Precision.FP32, corpusName, documents, tokenizerChars, init, out, provenance, listener);
  }

  /**
   * Pre-trains into {@code out}: the tokenizer is the initial model's, else a BPE tokenizer with end-of-text trained
   * on the first {@code tokenizerChars} characters of the documents (kept in {@code out/tokenizer.json}). Forward
   * passes run in {@code precision} ({@link PretrainingRun}).
   */
  public static PretrainingRun.Result train(
      EncoderSpec spec,
      LanguageModelSpec lm,
      Precision precision,
      String corpusName,
      List<String> documents,
      long tokenizerChars,
      InitModel init,
      Path out,
      Map<String, Object> provenance,
      Consumer<LanguageModelTrainer.Stats> listener) {
    Path tokenizer;
    EncoderSpec shape = spec;
    if (init != null) {
      tokenizer = init.tokenizer();
      EndOfText.id(tokenizer);
      shape = init.spec();
    } else {
      tokenizer = EndOfText.ensureTokenizer(
          out.resolve(Checkpoint.TOKENIZER), documents.stream(), spec.vocabSize(), tokenizerChars);
    }
    Map<String, Object> info = new LinkedHashMap<>(provenance);
    info.put("corpus", corpusName);
    return PretrainingRun.run(shape, lm, precision, documents, tokenizer, init, out, info, listener);
  }

  static String textHash(List<String> documents) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String d : documents) {
        md.update(d.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
