package org.cptbench.train;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.data.corpus.TextPair;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.ComputeDevice;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.text.BpeTrainer;
import org.cptbench.text.CptTokenizer;
import org.cptbench.text.Side;
import org.cptbench.text.TokenizerJson;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;
import org.cptbench.util.OutputErrors;

/**
 * One training run into a folder: {@code tokenizer.json} (trained on the training text unless given),
 * {@code train-log.csv}, and {@code checkpoints/step-N/} at every checkpoint step. Re-running into the same folder
 * resumes from the latest complete checkpoint of the same configuration (weights, AdamW moments and tau are
 * restored; the data order is a function of the seed and the step), so an interrupted run ends exactly as an
 * uninterrupted one. Checkpoints are written to a temporary folder and renamed.
 */
public final class TrainingRun {
  public static final String LOG = "train-log.csv";
  public static final String CHECKPOINTS = "checkpoints";

  private TrainingRun() {}

  /** Trains (or trains the tokenizer for) a BPE vocabulary on the texts; idempotent for an existing file. */
  public static Path ensureTokenizer(Path file, Stream<String> texts, int vocabSize, long maxChars) {
    if (!Files.exists(file)) {
      var model = new BpeTrainer(BpeTrainer.Config.defaults().withVocabSize(vocabSize).withMaxChars(maxChars))
          .train(texts);
      TokenizerJson.write(model, file);
    }
    return file;
  }

  /** The folder of the checkpoint at {@code step}. */
  public static Path checkpointDir(Path out, int step) {
    return out.resolve(CHECKPOINTS).resolve("step-" + step);
  }

  /**
   * Runs training to {@code train.steps()}, resuming if possible.
   *
   * @param pairs training pairs (text)
   * @param tokenizerFile a tokenizer.json; its vocabulary size replaces {@code spec.vocabSize()}
   * @param listener receives each step's statistics
   * @return the final encoder shape (with the tokenizer's vocabulary size)
   */
  public static EncoderSpec run(
      EncoderSpec spec,
      TrainSpec train,
      List<TextPair> pairs,
      Path tokenizerFile,
      Path out,
      Map<String, Object> provenance,
      Consumer<StepStats> listener) {
    Device device = ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice();
    return run(spec, train, device, Precision.FP32, pairs, tokenizerFile, null, out, provenance, listener);
  }

  /**
   * As above on {@code device} in {@code precision} (resolved: fp32 or bf16), starting from the weights of
   * {@code init} (when not null) instead of seeded random ones; {@code tokenizerFile} should then be the initial
   * model's tokenizer. Precision and device are recorded in each checkpoint's {@code config.json} ({@code compute})
   * and, when not the default fp32 on the cpu, are part of the configuration hash, as is the initial model's
   * fingerprint: a run resumes only from checkpoints made the same way.
   */
  public static EncoderSpec run(
      EncoderSpec spec,
      TrainSpec train,
      Device device,
      Precision precision,
      List<TextPair> pairs,
      Path tokenizerFile,
      InitModel init,
      Path out,
      Map<String, Object> provenance,
      Consumer<StepStats> listener) {
    if (precision == Precision.AUTO) {
      throw new IllegalArgumentException("resolve precision auto for " + device + " first");
    }
    Map<String, Object> compute = computeJson(device, precision);
    try (org.cptbench.util.FolderLock lock = org.cptbench.util.FolderLock.acquire(out, "harness train")) {
      Path localTokenizer = out.resolve(Checkpoint.TOKENIZER);
      if (!Files.exists(localTokenizer) || Files.mismatch(localTokenizer, tokenizerFile) != -1) {
        AtomicFiles.write(localTokenizer, tmp -> Files.copy(tokenizerFile, tmp,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING));
      }
      try (CptTokenizer tokenizer = CptTokenizer.load(localTokenizer)) {
        EncoderSpec actual = spec.withVocabSize(tokenizer.vocabSize());
        PairData data = tokenize(pairs, tokenizer, actual.maxTokens());
        if (init != null) {
          init.requireShape(actual);
        }
        String configHash = configHash(actual, train, tokenizerFile, init, compute);
        try (ContrastivePretrainer trainer =
            new ContrastivePretrainer(actual, train, tokenizer.padId(), device, precision)) {
          if (init != null) {
            init.loadInto(trainer);
          }
          int resumed = resume(trainer, out, configHash);
          CollapseDetector health = new CollapseDetector(train.batchSize());
          try (TrainLog log = new TrainLog(out.resolve(LOG), resumed);
              GracefulStop stop = new GracefulStop()) {
            try {
              trainer.train(
                  data,
                  train.steps(),
                  s -> {
                    boolean warned = health.firstCollapse() != null;
                    log.append(s, health.observe(s));
                    if (!warned && health.firstCollapse() != null) {
                      System.err.println();
                      System.err.println(health.firstCollapse());
                    }
                    listener.accept(s);
                    if (stop.requested()) { // SIGTERM: a checkpoint at this step boundary, then unwind
                      writeCheckpoint(trainer, actual, train, compute, s.step(), out, localTokenizer, configHash,
                          initProvenance(provenance, init));
                      System.err.println();
                      throw new GracefulStop.Stopped(s.step(), checkpointDir(out, s.step()));
                    }
                  },
                  step -> writeCheckpoint(trainer, actual, train, compute, step, out, localTokenizer, configHash,
                      initProvenance(provenance, init)));
            } catch (TrainingDiverged e) {
              log.append(divergedRow(e), TrainHealth.Status.DIVERGED);
              Saved lastGood = latestCheckpoint(out, configHash);
              throw e.withLastGood(lastGood == null ? null : lastGood.dir(), lastGood == null ? 0 : lastGood.step());
            }
          }
        }
        return actual;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("training into " + out + " failed", e);
    }
  }

  /** The log row of the step that diverged: the non-finite value in its column, NaN where nothing was measured. */
  static StepStats divergedRow(TrainingDiverged e) {
    double loss = e.quantity().equals("the loss") ? e.value() : Double.NaN;
    double gradNorm = e.quantity().equals("the gradient norm") ? e.value() : Double.NaN;
    double tau = e.quantity().startsWith("tau") ? e.value() : Double.NaN;
    return new StepStats(e.step(), loss, tau, Double.NaN, Double.NaN, Double.NaN, gradNorm);
  }

  private static Map<String, Object> initProvenance(Map<String, Object> provenance, InitModel init) {
    if (init == null) {
      return provenance;
    }
    Map<String, Object> m = new LinkedHashMap<>(provenance);
    m.put("init", Map.of("path", init.dir().toString(), "fingerprint", init.fingerprint()));
    return m;
  }

  /** Tokenises pairs: x with the x delimiters, y with the y delimiters. */
  public static PairData tokenize(List<TextPair> pairs, CptTokenizer tokenizer, int maxTokens) {
    if (pairs.isEmpty()) {
      throw new CptbenchException("no training pairs: the corpus gave no neighbouring units");
    }
    List<String> xs = new ArrayList<>(pairs.size());
    List<String> ys = new ArrayList<>(pairs.size());
    for (TextPair p : pairs) {
      xs.add(p.x());
      ys.add(p.y());
    }
    return new PairData(tokenizer.encode(xs, Side.X, maxTokens), tokenizer.encode(ys, Side.Y, maxTokens));
  }

  /** The {@code compute} entry of a checkpoint's config.json: the resolved precision and the device. */
  public static Map<String, Object> computeJson(Device device, Precision precision) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("precision", precision.label());
    m.put("device", ComputeDevice.label(device));
    return m;
  }

  private static String configHash(
      EncoderSpec spec, TrainSpec train, Path tokenizer, InitModel init, Map<String, Object> compute)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoder", Checkpoint.specJson(spec));
    m.put("train", trainJson(train));
    m.put("tokenizer", org.cptbench.util.Hashing.sha256(tokenizer));
    if (init != null) {
      m.put("init", init.fingerprint());
    }
    if (!compute.equals(computeJson(Device.cpu(), Precision.FP32))) {
      m.put("compute", compute); // fp32 on the cpu keeps the hash of checkpoints made before precision existed
    }
    return org.cptbench.util.Hashing.sha256(Json.compact(m));
  }

  /** The JSON form of a training spec. */
  public static Map<String, Object> trainJson(TrainSpec t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps", t.steps());
    m.put("batchSize", t.batchSize());
    m.put("learningRate", t.learningRate());
    m.put("warmupSteps", t.warmupSteps());
    m.put("decay", t.decay().name().toLowerCase(java.util.Locale.ROOT));
    m.put("weightDecay", t.weightDecay());
    m.put("clipNorm", t.clipNorm());
    m.put("temperature", Map.of(
        "learned", t.temperature().learned(), "tau", t.temperature().tau(), "clamp", t.temperature().clamp(),
        "learningRate", t.temperature().learningRate()));
    m.put("seed", t.seed());
    m.put("checkpoints", t.checkpoints());
    m.put("chunkSize", t.chunkSize());
    return m;
  }

  private static int resume(ContrastivePretrainer trainer, Path out, String configHash) throws IOException {
    Saved saved = latestCheckpoint(out, configHash);
    if (saved == null) {
      return 0;
    }
    trainer.restoreState(saved.dir(), saved.step(), saved.config().path("tau").asDouble());
    return saved.step();
  }

  /** A complete checkpoint (one that has {@value Checkpoint#OPTIMIZER}) of a run, with its config.json. */
  public record Saved(int step, Path dir, JsonNode config) {}

  /**
   * The newest complete checkpoint under {@code out/checkpoints} written with {@code configHash}, or null: the
   * point a re-run resumes from.
   */
  public static Saved latestCheckpoint(Path out, String configHash) throws IOException {
    Path dir = out.resolve(CHECKPOINTS);
    if (!Files.isDirectory(dir)) {
      return null;
    }
    Saved best = null;
    try (Stream<Path> children = Files.list(dir)) {
      for (Path c : children.toList()) {
        String name = c.getFileName().toString();
        if (!name.matches("step-\\d+") || !Files.exists(c.resolve(Checkpoint.OPTIMIZER))) {
          continue;
        }
        JsonNode config = Checkpoint.readConfig(c);
        int step = config.path("step").asInt();
        if (configHash.equals(config.path("configHash").asText()) && (best == null || step > best.step())) {
          best = new Saved(step, c, config);
        }
      }
    }
    if (best != null) {
      Checkpoint.verify(
          best.dir(),
          "delete " + best.dir() + " and run the same command again to resume from the previous checkpoint");
    }
    return best;
  }

  /** Writes a training state (weights, optimizer moments) into a folder. */
  @FunctionalInterface
  public interface StateWriter {
    void write(Path dir) throws IOException;
  }

  private static void writeCheckpoint(
      ContrastivePretrainer trainer,
      EncoderSpec spec,
      TrainSpec train,
      Map<String, Object> compute,
      int step,
      Path out,
      Path tokenizer,
      String configHash,
      Map<String, Object> provenance) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("format", Checkpoint.FORMAT);
    config.put("step", step);
    config.put("tau", trainer.tau());
    config.put("logitScale", Math.exp(trainer.tau()));
    config.put("encoder", Checkpoint.specJson(spec));
    config.put("train", trainJson(train));
    config.put("compute", compute);
    config.put("configHash", configHash);
    config.put("provenance", provenance);
    config.put("generatedBy", "cptbench trainer");
    publishCheckpoint(out, step, tokenizer, config, trainer::saveState);
  }

  /**
   * Publishes {@code out/checkpoints/step-N/} atomically: the state, the tokenizer and {@code config} (as
   * config.json) are written into a temporary sibling folder, made readable, and renamed into place (a previous
   * folder of that step is replaced). A kill at any moment leaves either no checkpoint of the step or a complete one.
   */
  public static Path publishCheckpoint(
      Path out, int step, Path tokenizer, Map<String, Object> config, StateWriter state) {
    Path target = checkpointDir(out, step);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempDirectory(target.getParent(), ".step-" + step + ".");
      try {
        // e.g. TrainingDiverged: non-finite weights are never published
        state.write(tmp);
        Files.copy(tokenizer, tmp.resolve(Checkpoint.TOKENIZER));
        Json.writeFile(tmp.resolve(Checkpoint.CONFIG), config);
        Checkpoint.writeChecksums(tmp);
        try (var files = Files.list(tmp)) {
          for (Path f : files.toList()) {
            AtomicFiles.publicReadable(f);
          }
        }
        AtomicFiles.publicReadable(tmp);
      } catch (RuntimeException | IOException e) { // a full disk included: no half-written folder is left behind
        org.cptbench.util.Hashing.deleteRecursively(tmp);
        CptbenchException named = e instanceof CptbenchException ? null : OutputErrors.explain(target, e);
        if (named != null) {
          throw named;
        }
        throw e;
      }
      if (Files.exists(target)) {
        org.cptbench.util.Hashing.deleteRecursively(target);
      }
      AtomicFiles.move(tmp, target);
      return target;
    } catch (IOException e) {
      CptbenchException named = OutputErrors.explain(target, e); // full disk, read-only, no permission
      throw named != null ? named : new UncheckedIOException("cannot write checkpoint " + target, e);
    }
  }
}
