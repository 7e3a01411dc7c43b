package org.cptbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cptbench.eval.EvalOptions;
import org.cptbench.eval.EvalOutput;
import org.cptbench.eval.TaskEvaluator;
import org.cptbench.eval.TaskResult;
import org.cptbench.model.CptEncoder;
import org.cptbench.model.Precision;
import org.cptbench.train.TrainingRun;
import org.cptbench.util.Json;

/**
 * Evaluates a cell's checkpoints on the suite's tasks into {@code CELL/evals/step-N/<task>.json} ({@code task, kind,
 * step, metrics, definitions, details}); a result already on disk is never recomputed. Linear probes in
 * {@code finalOnly} run at the final step only.
 */
public final class CheckpointEvaluation {
  private final Path dataDir;
  private final EvalOptions options;
  private final Set<String> finalOnly;
  private final PrintStream log;
  private final Precision precision;

  public CheckpointEvaluation(Path dataDir, EvalOptions options, Set<String> finalOnly, PrintStream log) {
    this(dataDir, options, finalOnly, log, Precision.FP32);
  }

  /** As above, encoding in {@code precision} (resolved for the engine's default device when {@code auto}). */
  public CheckpointEvaluation(
      Path dataDir, EvalOptions options, Set<String> finalOnly, PrintStream log, Precision precision) {
    this.dataDir = dataDir;
    this.options = options;
    this.finalOnly = Set.copyOf(finalOnly);
    this.log = log;
    this.precision = precision;
  }

  /** The result file of a task at a checkpoint step. */
  public static Path resultFile(Path cellDir, int step, String task) {
    return cellDir.resolve("evals").resolve("step-" + step).resolve(EvalOutput.fileName(task) + ".json");
  }

  /** Evaluates every checkpoint in {@code steps} (the last one is the final step) of the cell in {@code cellDir}. */
  public void evaluate(Path cellDir, List<Integer> steps, List<String> tasks) {
    int finalStep = steps.getLast();
    for (int step : steps) {
      CptEncoder enc = null;
      try {
        for (String task : tasks) {
          Path out = resultFile(cellDir, step, task);
          if (Files.exists(out) || (finalOnly.contains(task) && step != finalStep)) {
            continue;
          }
          if (enc == null) {
            enc = CptEncoder.load(TrainingRun.checkpointDir(cellDir, step),
                ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice(), precision);
          }
          CptEncoder e = enc;
          long t0 = System.nanoTime();
          TaskResult r = TaskEvaluator.evaluate(dataDir, task, org.cptbench.eval.Embedder.of(e, null), options);
          org.cptbench.eval.ItemScoreFiles.write(out.getParent(), r); // per-item evidence for paired statistics
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("task", r.task());
          json.put("kind", r.kind());
          json.put("step", step);
          json.put("metrics", r.metrics());
          json.put("definitions", r.definitions());
          json.put("details", r.details());
          Json.writeFile(out, json);
          log.printf(Locale.ROOT, "  step %d %s %s (%.1fs)%n", step, task, brief(r.metrics()),
              (System.nanoTime() - t0) / 1e9);
        }
      } finally {
        if (enc != null) {
          enc.close();
        }
      }
    }
  }

  private static String brief(Map<String, Double> metrics) {
    StringBuilder sb = new StringBuilder();
    metrics.entrySet().stream().limit(4).forEach(e ->
        sb.append(String.format(Locale.ROOT, "%s=%.4f ", e.getKey(), e.getValue())));
    return sb.toString().trim();
  }

  /** Reads a task result JSON written by {@link #evaluate}. */
  static JsonNode read(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
