package org.cptbench.report;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.cptbench.data.TaskKind;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The scores of a run per checkpoint, x100, as the report shows them. For every cell and checkpoint step:
 *
 * <ul>
 *   <li>one value per task: its primary metric ({@link TaskKind});
 *   <li>{@value #PROBE_AVG}: the mean accuracy over the probe tasks; {@value #STS_AVG}: the mean Spearman over the
 *       sts tasks; {@value #SEARCH_AVG}: the mean primary metric over the retrieval, qa and code tasks. An average
 *       is missing (not computed over fewer tasks) when the cell lacks one of the run's tasks of that group at that
 *       step, so that every average in a table covers the same tasks.
 * </ul>
 *
 * These per-seed values are then aggregated over the seeds of each configuration (mean, sample standard deviation,
 * count; Tablesaw {@code summarize ... by}). The final step of a configuration is the largest checkpoint step of any
 * of its cells.
 */
public final class Scores {
  public static final String PROBE_AVG = "Probe avg";
  public static final String STS_AVG = "STS avg";
  public static final String SEARCH_AVG = "Search avg";

  private final Results results;
  private final List<Config> configs;
  private final Map<String, Config> byKey = new HashMap<>();
  private final Table perSeed;
  private final Table aggregated;
  private final Map<String, MeanStd> stats = new HashMap<>();
  private final Map<Config, Integer> finalStep = new HashMap<>();
  private final Map<Config, List<Integer>> steps = new HashMap<>();
  private final Map<Config, Integer> seeds = new HashMap<>();
  private final List<String> averages = new ArrayList<>();
  private final List<String> searchTasks = new ArrayList<>();

  public Scores(Results results) {
    this.results = results;
    Map<Config, Integer> seedCount = new TreeMap<>();
    results.cells().values().forEach(c -> seedCount.merge(c.config(), 1, Integer::sum));
    this.configs = List.copyOf(seedCount.keySet());
    seeds.putAll(seedCount);
    configs.forEach(c -> byKey.put(key(c), c));

    Table rows = results.table().copy();
    StringColumn config = StringColumn.create("config");
    for (int r = 0; r < rows.rowCount(); r++) {
      config.append(key(results.cells().get(rows.stringColumn("cell").get(r)).config()));
    }
    rows.addColumns(config);
    Table last = rows.summarize("step", max).by("config");
    for (int r = 0; r < last.rowCount(); r++) {
      finalStep.put(byKey.get(last.stringColumn(0).get(r)), (int) last.doubleColumn(1).getDouble(r));
    }
    for (Config c : configs) {
      steps.put(
          c, rows.where(rows.stringColumn("config").isEqualTo(key(c))).intColumn("step").unique().asList().stream()
              .sorted().toList());
    }

    BooleanColumn primary = BooleanColumn.create("primary");
    StringColumn measure = StringColumn.create("measure");
    for (int r = 0; r < rows.rowCount(); r++) {
      Results.Task task = results.tasks().get(rows.stringColumn("task").get(r));
      primary.append(task.primaryMetric().equals(rows.stringColumn("metric").get(r)));
      measure.append(taskMeasure(task));
    }
    rows.addColumns(primary, measure);
    DoubleColumn scaled = rows.doubleColumn("value").multiply(100).setName("value100");
    rows.addColumns(scaled);
    Table taskScores =
        rows.where(primary.isTrue()).selectColumns("config", "cell", "seed", "step", "measure", "value100");

    Table all = taskScores.copy();
    addAverage(all, taskScores, rows, PROBE_AVG, k -> k == TaskKind.PROBE);
    addAverage(all, taskScores, rows, STS_AVG, k -> k == TaskKind.STS);
    addAverage(all, taskScores, rows, SEARCH_AVG, TaskKind::isSearch);
    this.perSeed = all.setName("per-seed scores (x100)");

    for (TaskKind kind : List.of(TaskKind.RETRIEVAL, TaskKind.QA, TaskKind.CODE)) {
      results.tasks().values().stream().filter(t -> t.kind() == kind).forEach(t -> searchTasks.add(taskMeasure(t)));
    }

    Table agg = all.summarize("value100", mean, stdDev, count).by("config", "step", "measure");
    DoubleColumn stdColumn = DoubleColumn.create("std");
    IntColumn nColumn = IntColumn.create("n");
    for (int r = 0; r < agg.rowCount(); r++) {
      int n = (int) agg.doubleColumn(5).getDouble(r);
      MeanStd ms = new MeanStd(agg.doubleColumn(3).getDouble(r), agg.doubleColumn(4).getDouble(r), n);
      stdColumn.append(ms.std());
      nColumn.append(n);
      stats.put(
          statKey(agg.stringColumn("config").get(r), agg.intColumn("step").getInt(r), agg.stringColumn("measure").get(r)),
          ms);
    }
    Table out =
        Table.create(
            "checkpoint scores (x100)",
            agg.stringColumn("config").copy(),
            agg.intColumn("step").copy(),
            agg.stringColumn("measure").copy(),
            agg.doubleColumn(3).copy().setName("mean"),
            stdColumn,
            nColumn);
    this.aggregated = out.sortOn("config", "measure", "step");
  }

  private void addAverage(Table all, Table taskScores, Table rows, String name, Predicate<TaskKind> group) {
    List<String> members =
        results.tasks().values().stream().filter(t -> group.test(t.kind())).map(Scores::taskMeasure).toList();
    if (members.isEmpty()) {
      return;
    }
    averages.add(name);
    Table in = taskScores.where(taskScores.stringColumn("measure").isIn(members));
    Table byCell = in.summarize("value100", mean, count).by("config", "cell", "seed", "step");
    // every (cell, step) that has any result gets a row, missing when a task of the group is absent
    Table keys = rows.selectColumns("config", "cell", "seed", "step").dropDuplicateRows();
    Map<String, Integer> found = new HashMap<>();
    for (int r = 0; r < byCell.rowCount(); r++) {
      found.put(byCell.stringColumn("cell").get(r) + "@" + byCell.intColumn("step").getInt(r), r);
    }
    for (int r = 0; r < keys.rowCount(); r++) {
      String cell = keys.stringColumn("cell").get(r);
      int step = keys.intColumn("step").getInt(r);
      Integer at = found.get(cell + "@" + step);
      double v =
          at != null && (int) byCell.doubleColumn(5).getDouble(at) == members.size()
              ? byCell.doubleColumn(4).getDouble(at)
              : Double.NaN;
      all.stringColumn("config").append(keys.stringColumn("config").get(r));
      all.stringColumn("cell").append(cell);
      all.stringColumn("seed").append(keys.stringColumn("seed").get(r));
      all.intColumn("step").append(step);
      all.stringColumn("measure").append(name);
      all.doubleColumn("value100").append(v);
    }
  }

  /** The column header of a task: {@code name (metric)}, e.g. {@code scifact (nDCG@10)}. */
  public static String taskMeasure(Results.Task task) {
    return task.name() + " (" + task.primaryMetric() + ")";
  }

  /** The unique key of a configuration in the tables (its full label). */
  static String key(Config c) {
    return c.label(List.of());
  }

  private static String statKey(String config, int step, String measure) {
    return config + "\u0000" + step + "\u0000" + measure;
  }

  public Results results() {
    return results;
  }

  /** The configurations, sorted. */
  public List<Config> configs() {
    return configs;
  }

  Config config(String key) {
    return byKey.get(key);
  }

  /** The averages the run has tasks for, among {@value #PROBE_AVG}, {@value #STS_AVG}, {@value #SEARCH_AVG}. */
  public List<String> averages() {
    return averages;
  }

  /** The search-task columns of the comparison table (retrieval, then qa, then code; file order within). */
  public List<String> searchTasks() {
    return searchTasks;
  }

  public int finalStep(Config c) {
    return finalStep.get(c);
  }

  /** The checkpoint steps of a configuration, ascending. */
  public List<Integer> steps(Config c) {
    return steps.get(c);
  }

  /** The number of cells (seeds) of a configuration. */
  public int seeds(Config c) {
    return seeds.get(c);
  }

  /** The seed statistics of a measure at a step ({@link MeanStd#NONE} if absent). */
  public MeanStd at(Config c, int step, String measure) {
    return stats.getOrDefault(statKey(key(c), step, measure), MeanStd.NONE);
  }

  /** One row per cell, step and measure: config, cell, seed, step, measure, value100 (missing for an incomplete average). */
  public Table perSeed() {
    return perSeed;
  }

  /** One row per configuration, step and measure: config, step, measure, mean, std, n. */
  public Table aggregated() {
    return aggregated;
  }
}
