package org.cptbench.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.text.CptTokenizer;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Hashing;
import org.cptbench.util.Json;

/**
 * One language-model pre-training run into a folder, with the guarantees of {@link TrainingRun}: {@code
 * tokenizer.json}, {@code train-log.csv} ({@link LanguageModelLog}) and atomic {@code checkpoints/step-N/} (weights,
 * AdamW moments, tokenizer, config.json with {@code "objective": "causal-lm"}). Re-running into the same folder
 * resumes from the newest checkpoint of the same configuration (encoder, pre-training settings, tokenizer, packed
 * corpus and initial model), so a run killed at any moment ends exactly as an uninterrupted one. A checkpoint is also
 * a cptbench encoder checkpoint: {@code eval}, {@code embed} and {@code train --init} read it.
 */
public final class PretrainingRun {
  private PretrainingRun() {}

  /** What a finished run produced: the final checkpoint and the packed corpus's size. */
  public record Result(Path checkpoint, EncoderSpec spec, long tokens, int documents) {}

  /** As below in fp32. */
  public static Result run(
      EncoderSpec spec,
      LanguageModelSpec lm,
      List<String> documents,
      Path tokenizerFile,
      InitModel init,
      Path out,
      Map<String, Object> provenance,
      Consumer<LanguageModelTrainer.Stats> listener) {
    return run(spec, lm, Precision.FP32, documents, tokenizerFile, init, out, provenance, listener);
  }

  /**
   * Pre-trains to {@code lm.steps()} with forward passes in {@code precision} ({@code auto} is resolved for the
   * device), resuming if possible. The resolved precision and the device are recorded in each checkpoint's {@code
   * config.json} ({@code compute}, as {@link TrainingRun} records them) and in its provenance; anything but fp32 on
   * the cpu is part of the configuration hash, so a run resumes only from checkpoints of the same precision.
   *
   * @param documents the corpus's documents in order (each becomes its BPE ids followed by end-of-text)
   * @param tokenizerFile a tokenizer.json with {@value EndOfText#TOKEN}; its vocabulary size replaces the spec's
   * @param init a model to start from instead of random weights (continued pre-training), or null
   */
  public static Result run(
      EncoderSpec spec,
      LanguageModelSpec lm,
      Precision precision,
      List<String> documents,
      Path tokenizerFile,
      InitModel init,
      Path out,
      Map<String, Object> provenance,
      Consumer<LanguageModelTrainer.Stats> listener) {
    try (org.cptbench.util.FolderLock lock = org.cptbench.util.FolderLock.acquire(out, "harness pretrain")) {
      Path localTokenizer = out.resolve(Checkpoint.TOKENIZER);
      if (!Files.exists(localTokenizer) || Files.mismatch(localTokenizer, tokenizerFile) != -1) {
        AtomicFiles.write(localTokenizer, tmp -> Files.copy(tokenizerFile, tmp, StandardCopyOption.REPLACE_EXISTING));
      }
      PackedTokens data;
      EncoderSpec actual;
      try (CptTokenizer tokenizer = CptTokenizer.load(localTokenizer)) {
        actual = spec.withVocabSize(tokenizer.vocabSize());
        int eot = EndOfText.id(localTokenizer);
        data = PackedTokens.pack(Arrays.asList(tokenizer.pieces(documents)), eot, lm.seqLen(), lm.valSequences(),
            lm.batchSize());
      }
      if (init != null) {
        init.requireShape(actual);
      }
      Map<String, Object> hashed = new LinkedHashMap<>();
      hashed.put("encoder", Checkpoint.specJson(actual));
      hashed.put("pretrain", lm.toJson());
      hashed.put("tokenizer", Hashing.sha256(localTokenizer));
      hashed.put("corpus", streamHash(data));
      if (init != null) {
        hashed.put("init", init.fingerprint());
      }
      ai.djl.Device device = ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice(); // the trainer's manager's
      Precision resolved = precision.resolve(device);
      Map<String, Object> compute = TrainingRun.computeJson(device, resolved);
      if (!compute.equals(TrainingRun.computeJson(ai.djl.Device.cpu(), Precision.FP32))) {
        hashed.put("compute", compute); // fp32 on the cpu keeps the hash of checkpoints made before precision
      }
      String configHash = Hashing.sha256(Json.compact(hashed));
      Map<String, Object> info = new LinkedHashMap<>(provenance);
      info.put("documents", data.documents());
      info.put("trainTokens", data.train().length);
      info.put("validationTokens", data.validation().length);
      info.put("precision", resolved.label());
      info.put("precisionRequested", precision.label());
      info.put("bf16Support", org.cptbench.model.Bf16Support.describe(device));
      try (LanguageModelTrainer trainer = new LanguageModelTrainer(actual, lm, resolved)) {
        if (!trainer.device().equals(device)) {
          throw new IllegalStateException("trainer on " + trainer.device() + ", recorded " + device);
        }
        if (init != null) {
          init.loadInto(trainer);
        }
        TrainingRun.Saved saved = TrainingRun.latestCheckpoint(out, configHash);
        if (saved != null) {
          trainer.restoreState(saved.dir(), saved.step());
        }
        try (LanguageModelLog log = new LanguageModelLog(out.resolve(TrainingRun.LOG), trainer.completedSteps())) {
          try {
            trainer.train(
                data,
                lm.steps(),
                s -> {
                  log.append(s);
                  listener.accept(s);
                },
                step -> {
                  Map<String, Object> config = new LinkedHashMap<>();
                  config.put("format", Checkpoint.FORMAT);
                  config.put("objective", "causal-lm");
                  config.put("step", step);
                  config.put("encoder", Checkpoint.specJson(actual));
                  config.put("pretrain", lm.toJson());
                  config.put("compute", compute);
                  config.put("endOfText", EndOfText.TOKEN);
                  config.put("configHash", configHash);
                  if (init != null) {
                    config.put("init", Map.of("path", init.dir().toString(), "fingerprint", init.fingerprint()));
                  }
                  config.put("provenance", info);
                  config.put("generatedBy", "cptbench pretrain");
                  TrainingRun.publishCheckpoint(out, step, localTokenizer, config, trainer::saveState);
                });
          } catch (TrainingDiverged e) {
            TrainingRun.Saved lastGood = TrainingRun.latestCheckpoint(out, configHash);
            throw e.withLastGood(lastGood == null ? null : lastGood.dir(), lastGood == null ? 0 : lastGood.step());
          }
        }
      }
      return new Result(TrainingRun.checkpointDir(out, lm.steps()), actual, data.tokens(), data.documents());
    } catch (IOException e) {
      throw new UncheckedIOException("pre-training into " + out + " failed", e);
    }
  }

  /** SHA-256 of the packed token stream (training part, then held-out part), little-endian int32. */
  static String streamHash(PackedTokens data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (int[] part : new int[][] {data.train(), data.validation()}) {
        ByteBuffer b = ByteBuffer.allocate(4 * part.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(part);
        md.update(b);
        md.update((byte) ';');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
