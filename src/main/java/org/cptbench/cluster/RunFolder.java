package org.cptbench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cptbench.CptbenchException;
import org.cptbench.config.EvalSettings;
import org.cptbench.config.SuiteSpec;
import org.cptbench.run.CellSpec;
import org.cptbench.run.CheckpointEvaluation;
import org.cptbench.run.SuiteGrid;
import org.cptbench.run.SuiteRunner;
import org.cptbench.util.Json;

/**
 * A run folder as the submitter left it ({@code suite.yaml}, {@code run.json}), read back by a task, {@code status}
 * and the report job: the suite, the tasks and data checksums the submitter saw (so that every task rebuilds the
 * same cell ids without checksumming the data again), and the cells.
 *
 * @param dataDir the data folder of the run ({@code run.json}'s, unless overridden)
 * @param finalOnly the linear-probe tasks evaluated at the final checkpoint only ({@code eval.probeAt: final})
 */
public record RunFolder(
    Path dir, SuiteSpec suite, Path dataDir, List<String> tasks, Map<String, String> checksums,
    List<CellSpec> cells, Set<String> finalOnly) {

  public RunFolder {
    tasks = List.copyOf(tasks);
    checksums = java.util.Collections.unmodifiableMap(new TreeMap<>(checksums));
    cells = List.copyOf(cells);
    finalOnly = Set.copyOf(finalOnly);
  }

  /** Reads {@code dir}; {@code dataDir} null means the one recorded in run.json. */
  public static RunFolder read(Path dir, Path dataDir) {
    Path yaml = dir.resolve("suite.yaml");
    Path runJson = dir.resolve("run.json");
    if (!Files.isRegularFile(yaml) || !Files.isRegularFile(runJson)) {
      throw new CptbenchException(dir + " is not a run folder (no suite.yaml and run.json; ./harness run writes"
          + " them)");
    }
    try {
      SuiteSpec suite = SuiteSpec.parse(Files.readString(yaml), yaml.toString());
      JsonNode run = Json.MAPPER.readTree(runJson.toFile());
      Path data = dataDir != null ? dataDir : Path.of(require(run, "dataDir", runJson).asText());
      List<String> tasks = new ArrayList<>();
      require(run, "tasks", runJson).forEach(t -> tasks.add(t.asText()));
      Map<String, String> checksums = new TreeMap<>();
      require(run, "datasets", runJson).properties().forEach(e -> checksums.put(e.getKey(), e.getValue().asText()));
      SuiteRunner runner = new SuiteRunner(suite, dir, data, System.err);
      List<CellSpec> cells = SuiteGrid.expand(suite, runner.context(tasks, checksums));
      Set<String> finalOnly =
          suite.eval().probeAt() == EvalSettings.ProbeAt.FINAL ? runner.probeTasks(tasks) : Set.of();
      return new RunFolder(dir, suite, data, tasks, checksums, cells, finalOnly);
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + runJson + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode require(JsonNode run, String field, Path file) {
    JsonNode v = run.get(field);
    if (v == null || v.isNull()) {
      throw new CptbenchException(file + ": field '" + field + "' missing");
    }
    return v;
  }

  /** The cell with this id (a unique prefix of it is enough). */
  public CellSpec cell(String id) {
    List<CellSpec> m = cells.stream().filter(c -> c.id().startsWith(id)).toList();
    if (m.size() != 1) {
      throw new CptbenchException((m.isEmpty() ? "no cell '" : "more than one cell starts with '") + id + "' in "
          + dir + "; its cells: " + cells.stream().map(CellSpec::id).toList());
    }
    return m.getFirst();
  }

  public Path cellDir(CellSpec cell) {
    return dir.resolve("cells").resolve(cell.id());
  }

  /**
   * Whether a cell is finished: trained ({@code train.done}) and evaluated at every checkpoint on every task (linear
   * probes at the final step only when {@code eval.probeAt: final}).
   */
  public boolean finished(CellSpec cell) {
    Path d = cellDir(cell);
    if (!Files.exists(d.resolve("train.done"))) {
      return false;
    }
    List<Integer> steps = cell.train().checkpoints();
    for (int step : steps) {
      for (String t : tasks) {
        if (finalOnly.contains(t) && step != steps.getLast()) {
          continue;
        }
        if (!Files.exists(CheckpointEvaluation.resultFile(d, step, t))) {
          return false;
        }
      }
    }
    return true;
  }
}
