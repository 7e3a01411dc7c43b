package org.cptbench.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.cptbench.config.EvalSettings;
import org.cptbench.config.SuiteSpec;
import org.cptbench.data.TaskFolder;
import org.cptbench.data.TaskKind;
import org.cptbench.eval.BuiltinTasks;
import org.cptbench.model.Precision;
import org.cptbench.train.CorpusSpec;
import org.cptbench.config.InitChoice;
import org.cptbench.config.PretrainConfig;
import org.cptbench.data.corpus.TextCorpus;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.train.InitModel;
import org.cptbench.train.LanguageModelSpec;
import org.cptbench.train.PretrainStage;
import org.cptbench.train.PretrainingRun;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Hashing;
import org.cptbench.util.Json;

/**
 * Runs a suite into a run folder, resumably:
 *
 * <pre>
 * RUN/run.json                      provenance, resolved config and its hash, seeds, start/end
 * RUN/suite.yaml                    the suite as given
 * RUN/tokenizers/&lt;hash&gt;/tokenizer.json   one per (corpus, vocabulary), shared by the cells
 * RUN/pretrain/pretrain-&lt;hash&gt;/          the pretrain: stage (train-log.csv, checkpoints/), for init: pretrained
 * RUN/cells/&lt;cell&gt;/cell.json         the cell's parameters
 * RUN/cells/&lt;cell&gt;/train-log.csv, checkpoints/step-N/, train.done
 * RUN/cells/&lt;cell&gt;/evals/step-N/&lt;task&gt;.json  one task at one checkpoint
 * RUN/cells/&lt;cell&gt;/failed.json      the error of a failed cell (retried on the next run)
 * RUN/references/&lt;reference&gt;/&lt;task&gt;.json, references.csv   reference rows ({@link ReferenceEvaluation})
 * RUN/results.csv, verdicts.csv, failures.csv, report.md, report.html, charts/, tables/
 * </pre>
 *
 * Every file is written atomically, training resumes from its latest checkpoint, and a finished training or
 * checkpoint evaluation is never redone: after {@code kill -9} the same command ends with the same results. Cells
 * train through {@link TrainingPipeline} (as {@code ./harness train} does) and are evaluated by
 * {@link CheckpointEvaluation}; {@link ResultsTable} and {@link Expectations} write the run's tables.
 */
public final class SuiteRunner {
  private final SuiteSpec suite;
  private final Path runDir;
  private final Path dataDir;
  private final PrintStream log;
  private final TrainingPipeline training;
  private final Map<String, Path> tokenizers = new HashMap<>();
  /** The pre-trained model of each encoder shape, once its stage has run ({@code init: pretrained}). */
  private final Map<String, InitModel> stages = new HashMap<>();
  /** Each requested precision resolved once for this machine ({@code auto} becomes bf16 or fp32). */
  private final Map<Precision, Precision> resolvedPrecisions = new java.util.EnumMap<>(Precision.class);

  public SuiteRunner(SuiteSpec suite, Path runDir, Path dataDir, PrintStream log) {
    this.suite = suite;
    this.runDir = runDir;
    this.dataDir = dataDir;
    this.log = log;
    this.training = new TrainingPipeline(dataDir, log);
  }

  /** Outcome of a run: how many cells failed. */
  public record Outcome(int cells, int failed, int verdictFailures) {}

  /** The tasks this run evaluates: required ones, plus optional ones whose data is present. */
  public List<String> activeTasks() {
    List<String> tasks = new ArrayList<>(suite.tasks());
    for (String t : suite.optionalTasks()) {
      if (BuiltinTasks.isBuiltin(t) || Files.exists(dataDir.resolve(t))) {
        tasks.add(t);
      }
    }
    return tasks;
  }

  /**
   * The tasks among {@code tasks} that are linear probes (the slowest; {@code eval.probeAt} decides at which
   * checkpoints they run): recognised by their folder's layout, not by their name.
   */
  public Set<String> probeTasks(List<String> tasks) {
    Set<String> probes = new HashSet<>();
    for (String t : tasks) {
      if (BuiltinTasks.isBuiltin(t) || !Files.exists(dataDir.resolve(t))) {
        continue; // a missing folder fails in each cell's evaluation, which names it
      }
      try {
        if (TaskFolder.detect(dataDir, t).kind() == TaskKind.PROBE) {
          probes.add(t);
        }
      } catch (CptbenchException e) {
        // an unknown layout, likewise reported by the evaluation
      }
    }
    return probes;
  }

  /** Context that enters every cell id: tasks, eval settings and data checksums. */
  public String context(List<String> tasks, Map<String, String> checksums) {
    return Json.compact(Map.of("tasks", tasks, "eval", suite.eval().written(), "data", checksums));
  }

  public Map<String, String> checksums(List<String> tasks) {
    try {
      List<String> names = new ArrayList<>(tasks.stream().filter(t -> !BuiltinTasks.isBuiltin(t)).toList());
      return Provenance.dataChecksums(dataDir, names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checksum data under " + dataDir, e);
    }
  }

  public Outcome run() {
    Instant start = Instant.now();
    try (RunLock lock = RunLock.acquire(runDir)) {
      List<String> tasks = activeTasks();
      Map<String, String> checksums = checksums(tasks);
      List<CellSpec> cells = SuiteGrid.expand(suite, context(tasks, checksums));
      AtomicFiles.writeString(runDir.resolve("suite.yaml"), suite.yaml());
      // provenance as the run starts (the code that runs): a commit made while it runs must not relabel it
      Map<String, Object> environment = Provenance.environment();
      Map<String, Object> runJson = runJson(tasks, checksums, cells, start, null, environment);
      Json.writeFile(runDir.resolve("run.json"), runJson);
      log.printf(Locale.ROOT, "run %s: %d cells x %d tasks -> %s%n", suite.name(), cells.size(), tasks.size(),
          runDir);
      Map<String, String> failures = new LinkedHashMap<>();
      int i = 0;
      for (CellSpec cell : cells) {
        i++;
        log.printf(Locale.ROOT, "[%d/%d] cell %s %s%n", i, cells.size(), cell.id(), cell.columns());
        try {
          runCell(cell, tasks);
          Files.deleteIfExists(cellDir(cell).resolve("failed.json"));
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
          String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
          failures.put(cell.id(), msg);
          Json.writeFile(cellDir(cell).resolve("failed.json"), Map.of("error", msg, "at", Instant.now().toString()));
          log.printf(Locale.ROOT, "  cell %s FAILED: %s (the suite goes on)%n", cell.id(), msg);
        }
      }
      failures.putAll(references(tasks, checksums));
      ResultsTable.write(runDir, cells, failures);
      int verdictFails = Expectations.write(runDir, suite);
      Expectations.warnings(runDir).forEach(w -> log.println("WARN " + w));
      Json.writeFile(runDir.resolve("run.json"), runJson(tasks, checksums, cells, start, Instant.now(), environment));
      org.cptbench.report.RunReport.write(runDir);
      return new Outcome(cells.size(), failures.size(), verdictFails);
    }
  }

  /**
   * Evaluates the suite's reference encoders (not cells: they are outside the grid and the claims); results on disk
   * are kept, so adding references to a finished run evaluates only those.
   */
  private Map<String, String> references(List<String> tasks, Map<String, String> checksums) {
    List<String> references = suite.references();
    if (references.isEmpty()) {
      try {
        Files.deleteIfExists(runDir.resolve(ReferenceEvaluation.CSV));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.of();
    }
    log.printf(Locale.ROOT, "references %s%n", references);
    String evalContext = Json.compact(Map.of("eval", suite.eval().written(), "seed", suite.seed()));
    return new ReferenceEvaluation(dataDir, suite.eval().options(suite.seed()), evalContext,
        org.cptbench.model.OnnxEncoder.DEFAULT_MODEL_CACHE, org.cptbench.model.EmbeddingCache.DEFAULT_DIR, log)
        .evaluate(runDir, references, tasks, checksums);
  }

  /**
   * The content of {@code run.json} (provenance, tasks, data checksums, cells) for a run that started at {@code
   * start} and ended at {@code end} (null while it runs); also written by the Slurm executor's submitter and report.
   */
  public Map<String, Object> runJson(
      List<String> tasks, Map<String, String> checksums, List<CellSpec> cells, Instant start, Instant end) {
    return runJson(tasks, checksums, cells, start, end, Provenance.environment());
  }

  /** As above with the provenance ({@link Provenance#environment()}) taken when the run started. */
  Map<String, Object> runJson(List<String> tasks, Map<String, String> checksums, List<CellSpec> cells,
      Instant start, Instant end, Map<String, Object> environment) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generatedBy", "./harness run " + suite.name());
    m.put("suite", suite.name());
    m.put("runId", runDir.getFileName().toString());
    m.put("seed", suite.seed());
    m.put("seeds", cells.stream().map(c -> c.train().seed()).distinct().toList());
    m.put("start", start.toString());
    m.put("end", end == null ? null : end.toString());
    m.putAll(environment);
    m.put("dataDir", dataDir.toAbsolutePath().toString());
    m.put("datasets", checksums);
    m.put("tasks", tasks);
    m.put("skippedOptionalTasks",
        suite.optionalTasks().stream().filter(t -> !tasks.contains(t)).toList());
    m.put("references", suite.references());
    m.put("configHash", Hashing.sha256(suite.yaml()));
    m.put("config", suite.yaml());
    List<Map<String, Object>> cs = new ArrayList<>();
    cells.forEach(c -> cs.add(c.columns()));
    m.put("cells", cs);
    return m;
  }

  Path cellDir(CellSpec cell) {
    return runDir.resolve("cells").resolve(cell.id());
  }

  /**
   * Trains and evaluates one cell (resuming from its checkpoints and finished evaluations): an executor's unit of
   * work ({@code harness cell}); the caller records a failure. {@code tasks} as from {@link #activeTasks}.
   */
  public void runCell(CellSpec cell, List<String> tasks) throws IOException {
    Path dir = cellDir(cell);
    Files.createDirectories(dir);
    Json.writeFile(dir.resolve("cell.json"), cell.columns());
    Device device = Engine.getEngine("PyTorch").defaultDevice();
    Precision resolved = resolvedPrecisions.computeIfAbsent(cell.params().precision(), p -> p.resolve(device));
    if (!Files.exists(dir.resolve("train.done"))) {
      InitModel init = initModel(cell, resolved);
      EncoderSpec encoder = cell.params().toBuilder().init(cell.params().init().resolve(init)).build().encoder();
      Path tok = init != null ? init.tokenizer() : tokenizer(cell);
      long t0 = System.nanoTime();
      Map<String, Object> prov = new LinkedHashMap<>();
      prov.put("suite", suite.name());
      prov.put("cell", cell.id());
      prov.put("precisionRequested", cell.params().precision().label());
      prov.put("precisionResolved", resolved.label());
      prov.put("init", cell.params().init().label());
      if (init != null) {
        prov.put("initModel", inRun(init.dir()));
        prov.put("initFingerprint", init.fingerprint());
      }
      training.train(encoder, cell.train(), device, resolved, init, cell.corpus(), tok, dir, prov, s -> {
        if (s.step() % 50 == 0 || s.step() == cell.train().steps()) {
          log.printf(Locale.ROOT, "  step %d/%d loss %.4f acc %.3f tau %.3f %.0f pairs/s%n", s.step(),
              cell.train().steps(), s.loss(), s.inBatchAccuracy(), s.tau(), s.pairsPerSecond());
        }
      });
      AtomicFiles.writeString(dir.resolve("train.done"),
          String.format(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - t0) / 1e9));
    }
    Set<String> finalOnly =
        suite.eval().probeAt() == EvalSettings.ProbeAt.FINAL ? probeTasks(tasks) : Set.of();
    new CheckpointEvaluation(dataDir, suite.eval().options(suite.seed()), finalOnly, log, resolved)
        .evaluate(dir, cell.train().checkpoints(), tasks);
  }

  /**
   * The model a cell starts from: none (scratch), its folder, or for {@code init: pretrained} the final checkpoint
   * of the suite's {@code pretrain:} stage for the cell's encoder shape, pre-trained once under
   * {@code RUN/pretrain/pretrain-<hash>/} (content-addressed and resumable: a second run, or a run interrupted
   * during pre-training, reuses or continues it).
   */
  private InitModel initModel(CellSpec cell, Precision precision) {
    InitChoice choice = cell.params().init();
    if (!choice.pretrained()) {
      return choice.model();
    }
    EncoderSpec encoder = cell.params().encoder();
    return stages.computeIfAbsent(Json.compact(Checkpoint.specJson(encoder)) + "|" + precision.label(),
        k -> pretrainStage(encoder, precision));
  }

  /** A path inside the run folder as {@code RUN/...} (no machine-local prefix), other paths as given. */
  private String inRun(Path p) {
    Path run = runDir.toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(run) ? "RUN/" + run.relativize(abs) : p.toString();
  }

  /** Pre-trains in the cell's (resolved) precision: a bf16 cell's stage is pre-trained in bf16 too. */
  private InitModel pretrainStage(EncoderSpec encoder, Precision precision) {
    PretrainConfig pre = suite.pretrain();
    LanguageModelSpec lm = pre.lmFor(encoder.maxTokens());
    TextCorpus corpus = BuiltinTasks.openCorpus(pre.corpus().corpus(), dataDir);
    log.printf(Locale.ROOT, "  pretrain stage: corpus %s, %d steps x %d sequences x %d tokens%n", corpus.name(),
        lm.steps(), lm.batchSize(), lm.seqLen());
    long t0 = System.nanoTime();
    Path root = runDir.resolve("pretrain");
    PretrainingRun.Result r;
    // cells of one run may start in several processes (Slurm array tasks): the first pre-trains, the others wait
    // for it and then find the stage finished
    try {
      Files.createDirectories(root);
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(root.resolve(".stage-queue"),
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
          java.nio.channels.FileLock turn = waitForTurn(ch)) {
        r = PretrainStage.run(encoder, lm, precision, corpus, pre.corpus().tokenizerChars(), null, root, s -> {
          if (!Double.isNaN(s.valLoss())) {
            log.printf(Locale.ROOT, "  pretrain step %d/%d loss %.4f val_ppl %.1f %.0f tokens/s%n", s.step(),
                lm.steps(), s.loss(), s.valPerplexity(), s.tokensPerSecond());
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the pretrain stage folder " + root, e);
    }
    log.printf(Locale.ROOT, "  pretrain stage: %s (%,d tokens, %.0f s in this process)%n",
        inRun(r.checkpoint()), r.tokens(), (System.nanoTime() - t0) / 1e9);
    return InitModel.read(r.checkpoint());
  }

  private java.nio.channels.FileLock waitForTurn(java.nio.channels.FileChannel ch) throws IOException {
    java.nio.channels.FileLock l = ch.tryLock();
    if (l != null) {
      return l;
    }
    log.printf(Locale.ROOT, "  pretrain stage: another process is pre-training it; waiting%n");
    return ch.lock();
  }

  /** One tokenizer per (corpus, vocabulary, training characters), shared by the cells under RUN/tokenizers/. */
  private Path tokenizer(CellSpec cell) {
    CorpusSpec c = cell.corpus();
    String key = Hashing.sha256(c.corpus() + "|" + cell.encoder().vocabSize() + "|" + c.tokenizerChars())
        .substring(0, 12);
    return tokenizers.computeIfAbsent(key, k -> training.tokenizer(
        c, cell.encoder().vocabSize(), runDir.resolve("tokenizers").resolve(k).resolve("tokenizer.json")));
  }
}
