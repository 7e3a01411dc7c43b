package org.cptbench.report;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * One table per task: configuration x metric at each configuration's final checkpoint step, every metric the task
 * reports, x100 as {@code mean ± std} over seeds (Tablesaw pivots of mean, sample std and count), then one labelled
 * row per reference encoder that scored the task ({@link References}: {@code reference: bm25}; a single value, n 1).
 */
public final class TaskTables {

  /**
   * The tables of one task.
   *
   * @param display configuration label, then one text column per metric
   * @param numeric configuration label, then {@code <metric> mean}, {@code <metric> std}, {@code <metric> n}
   */
  public record TaskTable(Results.Task task, Table display, Table numeric) {}

  private TaskTables() {}

  /** The tables of every task, in file order; configurations labelled by the fields that vary in the run. */
  public static List<TaskTable> build(Scores scores, ConfigLabels labels) {
    return build(scores, labels, References.NONE);
  }

  /** As above, with the reference rows of {@code references} after the configurations. */
  public static List<TaskTable> build(Scores scores, ConfigLabels labels, References references) {
    Results results = scores.results();
    Table rows = results.table();
    Selection atFinal = new BitmapBackedSelection();
    StringColumn config = StringColumn.create("config");
    for (int r = 0; r < rows.rowCount(); r++) {
      Config c = results.cells().get(rows.stringColumn("cell").get(r)).config();
      config.append(labels.label(c));
      if (rows.intColumn("step").getInt(r) == scores.finalStep(c)) {
        atFinal.add(r);
      }
    }
    Table finalRows = rows.copy().addColumns(config, rows.doubleColumn("value").multiply(100).setName("value100"));
    finalRows = finalRows.where(atFinal);

    List<TaskTable> out = new ArrayList<>();
    for (Results.Task task : results.tasks().values()) {
      Table t = finalRows.where(finalRows.stringColumn("task").isEqualTo(task.name()));
      Table means = t.pivot("config", "metric", "value100", mean);
      Table stds = t.pivot("config", "metric", "value100", stdDev);
      Table counts = t.pivot("config", "metric", "value100", count);
      Map<String, Integer> rowOf = new HashMap<>();
      for (int r = 0; r < means.rowCount(); r++) {
        rowOf.put(means.stringColumn(0).get(r), r);
      }
      StringColumn label = StringColumn.create("Configuration");
      Table display = Table.create(task.name());
      Table numeric = Table.create(task.name());
      List<Config> present = scores.configs().stream().filter(c -> rowOf.containsKey(labels.label(c))).toList();
      present.forEach(c -> label.append(labels.label(c)));
      List<String> refs = references.names(results).stream()
          .filter(ref -> task.metrics().stream().anyMatch(m -> !Double.isNaN(references.value(ref, task.name(), m))))
          .toList();
      refs.forEach(ref -> label.append(References.label(ref)));
      display.addColumns(label);
      numeric.addColumns(label.copy());
      for (String metric : task.metrics()) {
        StringColumn text = StringColumn.create(metric);
        DoubleColumn m = DoubleColumn.create(metric + " mean");
        DoubleColumn s = DoubleColumn.create(metric + " std");
        IntColumn n = IntColumn.create(metric + " n");
        for (Config c : present) {
          int r = rowOf.get(labels.label(c));
          MeanStd v =
              means.columnNames().contains(metric) && !means.doubleColumn(metric).isMissing(r)
                  ? new MeanStd(
                      means.doubleColumn(metric).getDouble(r),
                      stds.doubleColumn(metric).getDouble(r),
                      (int) counts.doubleColumn(metric).getDouble(r))
                  : MeanStd.NONE;
          text.append(v.format());
          m.append(v.mean());
          s.append(v.std());
          n.append(v.n());
        }
        for (String ref : refs) {
          double v = references.value(ref, task.name(), metric);
          text.append(References.format(v));
          m.append(v);
          s.append(Double.NaN);
          n.append(Double.isNaN(v) ? 0 : 1);
        }
        display.addColumns(text);
        numeric.addColumns(m, s, n);
      }
      out.add(new TaskTable(task, display, numeric));
    }
    return out;
  }
}
