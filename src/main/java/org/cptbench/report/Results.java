package org.cptbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;
import org.cptbench.config.CellParams;
import org.cptbench.data.MalformedInputException;
import org.cptbench.data.TaskKind;
import org.cptbench.eval.TasksFile;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code RUN/results.csv}: the scores of a suite run in long format, one row per (cell, checkpoint step, task,
 * metric), read with Tablesaw and validated row by row (errors name file and line). Its columns are {@code cell},
 * the cell's parameter columns (whatever the suite's cells have; {@code batchSize}, {@code steps} and {@code seed}
 * required), then {@link #RESULT_COLUMNS}. The typed table has {@code batchSize, steps, step} as integers and
 * {@code value} as a double in [-1, 1]; the other columns stay text.
 *
 * @param file the file read
 * @param table the rows, typed
 * @param cells every cell with its configuration and seed, in first-appearance order
 * @param tasks every task with its kind and its metrics in first-appearance order
 */
public record Results(Path file, Table table, SequencedMap<String, Cell> cells, SequencedMap<String, Task> tasks) {

  /** The columns after the parameters. */
  public static final List<String> RESULT_COLUMNS = List.of("step", "task", "kind", "metric", "value", "definition");

  /** The header the suite runner writes today. */
  public static final List<String> HEADER = header(CellParams.COLUMNS);

  /** A header with these parameter columns. */
  public static List<String> header(List<String> params) {
    List<String> h = new ArrayList<>();
    h.add("cell");
    h.addAll(params);
    h.addAll(RESULT_COLUMNS);
    return List.copyOf(h);
  }

  /** A cell: one configuration trained with one seed. */
  public record Cell(String id, Config config, String seed) {}

  /**
   * A task of the run.
   *
   * @param metrics the metric ids it reports, file order
   * @param definitions metric id to its definition text (first one seen)
   * @param mainMetric the main metric the run recorded for it ({@code RUN/tasks.csv}), or null
   */
  public record Task(
      String name, TaskKind kind, List<String> metrics, Map<String, String> definitions, String mainMetric) {
    /** The metric the comparison table reports: the recorded main metric, else {@link TaskKind#primaryMetric}. */
    public String primaryMetric() {
      return kind.primaryMetric(name, metrics, mainMetric);
    }
  }

  /** Why a header is not one of results.csv, or null when it is. */
  static String headerProblem(List<String> h) {
    int n = h.size();
    if (n < 1 + 3 + RESULT_COLUMNS.size() || !h.getFirst().equals("cell")
        || !h.subList(n - RESULT_COLUMNS.size(), n).equals(RESULT_COLUMNS)) {
      return "expected cell, the parameter columns, then " + String.join(",", RESULT_COLUMNS) + " (e.g. "
          + String.join(",", HEADER) + ")";
    }
    List<String> params = h.subList(1, n - RESULT_COLUMNS.size());
    for (String required : List.of("batchSize", "steps", "seed")) {
      if (!params.contains(required)) {
        return "parameter column " + required + " missing";
      }
    }
    if (new HashSet<>(h).size() != n) {
      return "a column name appears twice";
    }
    return null;
  }

  /** Reads and validates {@code file}. */
  public static Results read(Path file) {
    CsvInput in = CsvInput.read(file, Results::headerProblem, String.join(",", HEADER));
    int n = in.rowCount();
    if (n == 0) {
      throw new MalformedInputException(file, 2, "no result rows after the header");
    }
    List<String> header = in.table().columnNames();
    List<String> paramColumns = header.subList(1, header.size() - RESULT_COLUMNS.size()).stream()
        .filter(c -> !c.equals("seed")).toList();
    Map<String, StringColumn> text = new LinkedHashMap<>();
    Map<String, IntColumn> ints = new LinkedHashMap<>();
    for (String c : header) {
      if (c.equals("batchSize") || c.equals("steps") || c.equals("step")) {
        ints.put(c, IntColumn.create(c));
      } else if (!c.equals("value")) {
        text.put(c, StringColumn.create(c));
      }
    }
    DoubleColumn value = DoubleColumn.create("value");

    SequencedMap<String, Cell> cells = new LinkedHashMap<>();
    Map<String, Integer> cellFirstRow = new HashMap<>();
    Map<String, String> configSeedToCell = new HashMap<>();
    SequencedMap<String, TaskBuilder> tasks = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 0; r < n; r++) {
      String cellId = text(in, r, "cell");
      Config config;
      try {
        SequencedMap<String, String> params = new LinkedHashMap<>();
        for (String c : paramColumns) {
          params.put(c, Config.REQUIRED.contains(c) ? Integer.toString(integer(in, r, c, 1)) : text(in, r, c));
        }
        config = new Config(params);
      } catch (org.cptbench.CptbenchException e) {
        throw e instanceof MalformedInputException ? e : in.error(r, e.getMessage());
      }
      String seedText = text(in, r, "seed");
      try {
        Long.parseLong(seedText);
      } catch (NumberFormatException e) {
        throw in.error(r, "seed must be an integer, got '" + seedText + "'");
      }
      Cell c = new Cell(cellId, config, seedText);
      Cell known = cells.putIfAbsent(cellId, c);
      if (known == null) {
        cellFirstRow.put(cellId, r);
        String other = configSeedToCell.putIfAbsent(config + "#" + seedText, cellId);
        if (other != null) {
          throw in.error(
              r,
              "cells "
                  + other
                  + " and "
                  + cellId
                  + " have the same configuration and seed "
                  + seedText
                  + "; repetitions must differ in seed");
        }
      } else if (!known.equals(c)) {
        throw in.error(
            r,
            "cell "
                + cellId
                + " has other parameters than on line "
                + in.lineOf(cellFirstRow.get(cellId))
                + " (a cell id names one configuration and seed)");
      }
      int stepValue = integer(in, r, "step", 0);
      String taskName = text(in, r, "task");
      String kindText = text(in, r, "kind");
      TaskKind taskKind = TaskKind.parse(kindText);
      if (taskKind == null) {
        throw in.error(r, "kind must be one of " + TaskKind.allowed() + ", got '" + kindText + "'");
      }
      String metricId = text(in, r, "metric");
      double v = fraction(in, r);
      String def = in.get(r, "definition");

      TaskBuilder tb = tasks.get(taskName);
      if (tb == null) {
        tb = new TaskBuilder(taskKind, r);
        tasks.put(taskName, tb);
      }
      if (tb.kind != taskKind) {
        throw in.error(
            r,
            "task " + taskName + " has kind " + kindText + " but " + tb.kind.id() + " on line " + in.lineOf(tb.row));
      }
      if (!tb.metrics.contains(metricId)) {
        tb.metrics.add(metricId);
      }
      if (!def.isBlank()) {
        tb.definitions.putIfAbsent(metricId, def);
      }
      String key = cellId + "\u0000" + stepValue + "\u0000" + taskName + "\u0000" + metricId;
      Integer dup = seen.putIfAbsent(key, r);
      if (dup != null) {
        throw in.error(
            r,
            "duplicate result for cell "
                + cellId
                + ", step "
                + stepValue
                + ", task "
                + taskName
                + ", metric "
                + metricId
                + " (first on line "
                + in.lineOf(dup)
                + ")");
      }

      for (String col : header) {
        if (ints.containsKey(col)) {
          ints.get(col).append(col.equals("step") ? stepValue : Integer.parseInt(config.params().get(col)));
        } else if (col.equals("value")) {
          value.append(v);
        } else {
          text.get(col).append(col.equals("definition") ? def : text(in, r, col));
        }
      }
    }
    Table table = Table.create("results");
    for (String c : header) {
      table.addColumns(ints.containsKey(c) ? ints.get(c) : c.equals("value") ? value : text.get(c));
    }
    SequencedMap<String, Task> taskMap = new LinkedHashMap<>();
    Map<String, TasksFile.Row> recorded = TasksFile.read(file.resolveSibling(TasksFile.NAME));
    tasks.forEach(
        (name, b) ->
            taskMap.put(name, new Task(name, b.kind, List.copyOf(b.metrics), new TreeMap<>(b.definitions),
                recorded.containsKey(name) ? recorded.get(name).mainMetric() : null)));
    return new Results(file, table, cells, taskMap);
  }

  private static final class TaskBuilder {
    final TaskKind kind;
    final int row;
    final List<String> metrics = new ArrayList<>();
    final Map<String, String> definitions = new HashMap<>();

    TaskBuilder(TaskKind kind, int row) {
      this.kind = kind;
      this.row = row;
    }
  }

  private static String text(CsvInput in, int r, String column) {
    String s = in.get(r, column).strip();
    if (s.isEmpty()) {
      throw in.error(r, column + " is empty");
    }
    return s;
  }

  private static int integer(CsvInput in, int r, String column, int min) {
    String s = text(in, r, column);
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw in.error(r, column + " must be an integer >= " + min + ", got '" + s + "'");
    }
    if (v < min) {
      throw in.error(r, column + " must be an integer >= " + min + ", got " + v);
    }
    return v;
  }

  private static double fraction(CsvInput in, int r) {
    String s = text(in, r, "value");
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw in.error(r, "value must be a number in [-1, 1], got '" + s + "'");
    }
    if (!(v >= -1 && v <= 1)) {
      throw in.error(r, "value must be in [-1, 1] (a fraction, or a correlation), got " + s);
    }
    return v;
  }
}
