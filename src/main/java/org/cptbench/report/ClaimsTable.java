package org.cptbench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.CptbenchException;
import org.cptbench.config.CellParams;
import org.cptbench.config.CellSelector;
import org.cptbench.config.ClaimSpec;
import org.cptbench.config.SuiteSpec;
import org.cptbench.stats.Claim;
import org.cptbench.stats.ClaimEvaluator;
import org.cptbench.stats.ClaimResult;
import org.cptbench.stats.EvalFolderSamples;
import org.cptbench.stats.PairedBootstrap;
import org.cptbench.stats.TaskSample;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.StringColumn;

/**
 * The suite's {@code claims:} ({@link ClaimSpec}) tested on a run's per-item files: one row per claim with the
 * effect better - worse in points (x100; the unweighted mean over the group's tasks, and over the matched
 * configurations the selectors leave free, of the difference in each task's primary metric), its 95 % bootstrap
 * interval, p-value, Holm-adjusted p across the suite's evaluated claims and the verdict ({@link ClaimEvaluator},
 * seeds resampled first when there are several). Cells are found by id in {@code results.csv}; their parameters are
 * matched to the suite's {@link CellParams}, never parsed from labels. Cells the two selectors pick are paired on
 * the columns neither selector names (seed aside): {@code {batchSize: 128}} vs {@code {batchSize: 32}} compares
 * learned-temperature cells with learned-temperature cells. A claim that cannot be tested (no task of its group in
 * the run, no per-item files, a missing checkpoint) gets its reason instead of numbers and stays out of the Holm
 * family.
 */
final class ClaimsTable {
  static final List<String> HEADER = List.of("claim", "paper", "better", "worse", "tasks", "effect_points",
      "ci_low_points", "ci_high_points", "p", "p_holm", "verdict", "note");

  private ClaimsTable() {}

  /** The report's Claims section: the table, or why the claims could not be read (then {@code table} is null). */
  record Section(Table table, String problem) {}

  /**
   * The Claims section of a run folder from its {@code suite.yaml}, or null when the run has no suite file or its
   * suite states no claims.
   */
  static Section read(Path runDir, Results results) {
    Path file = runDir.resolve("suite.yaml");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    SuiteSpec suite;
    try {
      suite = SuiteSpec.parse(Files.readString(file), file.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    } catch (CptbenchException e) {
      // a suite written for another release: the rest of the report stands; say why claims are missing if any
      return e.getMessage().contains("claims") ? new Section(null, e.getMessage()) : null;
    }
    Table t = build(runDir, suite, results);
    return t == null ? null : new Section(t, null);
  }

  /** The claims table of {@code runDir} for {@code suite}, or null when the suite states no claims. */
  static Table build(Path runDir, SuiteSpec suite, Results results) {
    if (suite.claims().isEmpty()) {
      return null;
    }
    Map<List<String>, CellParams> byColumns = new HashMap<>();
    suite.cells().forEach(c -> byColumns.put(List.copyOf(c.columnText().values()), c));
    SequencedMap<String, CellParams> cells = new LinkedHashMap<>();
    for (Results.Cell c : results.cells().values()) {
      Map<String, String> cols = new HashMap<>(c.config().params());
      cols.put("seed", c.seed());
      CellParams p = byColumns.get(CellParams.COLUMNS.stream().map(cols::get).toList());
      if (p != null) {
        cells.put(c.id(), p);
      }
    }
    List<ClaimEvaluator.Input> inputs = new ArrayList<>();
    List<Integer> evaluated = new ArrayList<>();
    String[] notes = new String[suite.claims().size()];
    String[] taskLists = new String[suite.claims().size()];
    for (int i = 0; i < suite.claims().size(); i++) {
      ClaimSpec c = suite.claims().get(i);
      List<Results.Task> tasks = results.tasks().values().stream()
          .filter(t -> c.includes(t.name(), t.kind().id())).toList();
      taskLists[i] = String.join(" ", tasks.stream().map(Results.Task::name).toList());
      try {
        if (tasks.isEmpty()) {
          throw new CptbenchException("no task of " + (c.group() != null ? "group " + c.group() : c.taskNames())
              + " in this run");
        }
        List<TaskSample> samples = samples(runDir, c, cells, tasks);
        Claim claim = new Claim(c.id(), c.paper(), label(c, c.better()), label(c, c.worse()),
            Claim.Direction.HIGHER);
        inputs.add(new ClaimEvaluator.Input(claim, samples));
        evaluated.add(i);
      } catch (CptbenchException | IllegalArgumentException e) {
        notes[i] = "not tested: " + e.getMessage();
      }
    }
    List<ClaimResult> out = new ClaimEvaluator(PairedBootstrap.defaults(suite.seed()), ClaimEvaluator.DEFAULT_ALPHA)
        .evaluate(inputs);
    Map<Integer, ClaimResult> resultOf = new HashMap<>();
    for (int k = 0; k < evaluated.size(); k++) {
      resultOf.put(evaluated.get(k), out.get(k));
    }
    Table t = Table.create("claims");
    HEADER.forEach(h -> t.addColumns(StringColumn.create(h)));
    for (int i = 0; i < suite.claims().size(); i++) {
      ClaimSpec c = suite.claims().get(i);
      ClaimResult r = resultOf.get(i);
      List<String> row = new ArrayList<>(List.of(c.id(), c.paper(), label(c, c.better()), label(c, c.worse()),
          taskLists[i]));
      if (r == null) {
        row.addAll(List.of("", "", "", "", "", "", notes[i]));
      } else {
        row.addAll(List.of(num(r.effectPoints(), 2), num(r.ciLowPoints(), 2), num(r.ciHighPoints(), 2),
            num(r.comparison().pValue(), 4), num(r.adjustedP(), 4), r.verdict().id(),
            "seeds " + r.comparison().seedMeansA().length + " vs " + r.comparison().seedMeansB().length));
      }
      for (int k = 0; k < HEADER.size(); k++) {
        t.stringColumn(k).append(row.get(k));
      }
    }
    return t;
  }

  /** One sample per task and matched configuration pair. */
  private static List<TaskSample> samples(
      Path runDir, ClaimSpec c, Map<String, CellParams> cells, List<Results.Task> tasks) {
    SequencedMap<String, List<Path>> better = side(runDir, c, c.better(), c.worse(), cells);
    SequencedMap<String, List<Path>> worse = side(runDir, c, c.worse(), c.better(), cells);
    if (better.isEmpty() || worse.isEmpty()) {
      throw new CptbenchException((better.isEmpty() ? "better" : "worse") + " selects no cell of this run");
    }
    if (!better.keySet().equals(worse.keySet())) {
      throw new CptbenchException("the cells do not pair up on the columns the selectors leave free: better has "
          + better.keySet() + ", worse " + worse.keySet());
    }
    List<TaskSample> out = new ArrayList<>();
    for (Results.Task task : tasks) {
      for (String key : better.keySet()) {
        TaskSample s = EvalFolderSamples.load(better.get(key), worse.get(key), task.name(), task.primaryMetric());
        String name = better.size() == 1 ? task.name() : task.name() + " [" + key + "]";
        out.add(new TaskSample(name, s.a(), s.b(), s.strata()));
      }
    }
    return out;
  }

  /**
   * The evaluation folders of the cells {@code side} selects, grouped by the columns neither selector names (seed
   * aside), in cell order.
   */
  private static SequencedMap<String, List<Path>> side(
      Path runDir, ClaimSpec c, CellSelector side, CellSelector other, Map<String, CellParams> cells) {
    SequencedMap<String, List<Path>> groups = new LinkedHashMap<>();
    Integer step = c.stepOf(side);
    for (Map.Entry<String, CellParams> e : cells.entrySet()) {
      if (!side.selects(e.getValue())) {
        continue;
      }
      int s = step == null ? e.getValue().steps() : step;
      Path dir = runDir.resolve("cells").resolve(e.getKey()).resolve("evals").resolve("step-" + s);
      if (!Files.isDirectory(dir)) {
        throw new CptbenchException("cell " + e.getKey() + " has no evaluation at step " + s + " (" + dir + ")");
      }
      SequencedMap<String, String> free = e.getValue().columnText();
      free.remove("seed");
      free.keySet().removeAll(side.cell().keySet());
      free.keySet().removeAll(other.cell().keySet());
      groups.computeIfAbsent(free.toString(), k -> new ArrayList<>()).add(dir);
    }
    return groups;
  }

  private static String label(ClaimSpec c, CellSelector side) {
    Integer step = c.stepOf(side);
    List<String> parts = new ArrayList<>();
    side.cell().forEach((k, v) -> parts.add(k + "=" + v));
    parts.add(step == null ? "final" : "step " + step);
    return String.join(", ", parts);
  }

  private static String num(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
