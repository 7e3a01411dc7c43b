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
import org.cptbench.train.InitModel;
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
 * RUN/cells/&lt;cell&gt;/cell.json         the cell's parameters
 * RUN/cells/&lt;cell&gt;/train-log.csv, checkpoints/step-N/, train.done
 * RUN/cells/&lt;cell&gt;/evals/step-N/&lt;task&gt;.json  one task at one checkpoint
 * RUN/cells/&lt;cell&gt;/failed.json      the error of a failed cell (retried on the next run)
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
      Map<String, Object> runJson = runJson(tasks, checksums, cells, start, null);
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
      ResultsTable.write(runDir, cells, failures);
      int verdictFails = Expectations.write(runDir, suite);
      Expectations.warnings(runDir).forEach(w -> log.println("WARN " + w));
      Json.writeFile(runDir.resolve("run.json"), runJson(tasks, checksums, cells, start, Instant.now()));
      org.cptbench.report.RunReport.write(runDir);
      return new Outcome(cells.size(), failures.size(), verdictFails);
    }
  }

  private Map<String, Object> runJson(
      List<String> tasks, Map<String, String> checksums, List<CellSpec> cells, Instant start, Instant end) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generatedBy", "./harness run " + suite.name());
    m.put("suite", suite.name());
    m.put("runId", runDir.getFileName().toString());
    m.put("seed", suite.seed());
    m.put("seeds", cells.stream().map(c -> c.train().seed()).distinct().toList());
    m.put("start", start.toString());
    m.put("end", end == null ? null : end.toString());
    m.putAll(Provenance.environment());
    m.put("dataDir", dataDir.toAbsolutePath().toString());
    m.put("datasets", checksums);
    m.put("tasks", tasks);
    m.put("skippedOptionalTasks",
        suite.optionalTasks().stream().filter(t -> !tasks.contains(t)).toList());
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

  private void runCell(CellSpec cell, List<String> tasks) throws IOException {
    Path dir = cellDir(cell);
    Files.createDirectories(dir);
    Json.writeFile(dir.resolve("cell.json"), cell.columns());
    Device device = Engine.getEngine("PyTorch").defaultDevice();
    Precision resolved = resolvedPrecisions.computeIfAbsent(cell.params().precision(), p -> p.resolve(device));
    if (!Files.exists(dir.resolve("train.done"))) {
      InitModel init = cell.params().init().model();
      Path tok = init != null ? init.tokenizer() : tokenizer(cell);
      long t0 = System.nanoTime();
      Map<String, Object> prov = new LinkedHashMap<>();
      prov.put("suite", suite.name());
      prov.put("cell", cell.id());
      prov.put("precisionRequested", cell.params().precision().label());
      prov.put("precisionResolved", resolved.label());
      prov.put("init", cell.params().init().label());
      training.train(cell.encoder(), cell.train(), device, resolved, init, cell.corpus(), tok, dir, prov, s -> {
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

  /** One tokenizer per (corpus, vocabulary, training characters), shared by the cells under RUN/tokenizers/. */
  private Path tokenizer(CellSpec cell) {
    CorpusSpec c = cell.corpus();
    String key = Hashing.sha256(c.corpus() + "|" + cell.encoder().vocabSize() + "|" + c.tokenizerChars())
        .substring(0, 12);
    return tokenizers.computeIfAbsent(key, k -> training.tokenizer(
        c, cell.encoder().vocabSize(), runDir.resolve("tokenizers").resolve(k).resolve("tokenizer.json")));
  }
}
