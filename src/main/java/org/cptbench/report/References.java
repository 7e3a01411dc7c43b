package org.cptbench.report;

import org.cptbench.data.TaskKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Predicate;

/**
 * The optional {@code RUN/references.csv} ({@code reference,task,kind,metric,value,definition}, written by
 * {@link org.cptbench.run.ReferenceEvaluation}): scores of encoders the suite does not train ({@code bm25},
 * {@code minilm-l6}), shown as labelled reference rows beside the configurations, never as cells. Only the run's
 * tasks count; scores are x100 like {@link Scores}, and a reference's average over a task group is missing unless it
 * has every task of the group (as for the cells).
 *
 * @param scores reference to task to metric to value (a fraction), in file order
 */
public record References(SequencedMap<String, Map<String, Map<String, Double>>> scores) {
  public static final String FILE = org.cptbench.run.ReferenceEvaluation.CSV;
  public static final List<String> HEADER = List.of("reference", "task", "kind", "metric", "value", "definition");
  public static final References NONE = new References(new LinkedHashMap<>());

  /** Reads {@code RUN/references.csv}; {@link #NONE} when the run has none. */
  public static References read(Path runDir) {
    Path file = runDir.resolve(FILE);
    if (!Files.exists(file)) {
      return NONE;
    }
    CsvInput in = CsvInput.read(file, HEADER);
    SequencedMap<String, Map<String, Map<String, Double>>> scores = new LinkedHashMap<>();
    for (int r = 0; r < in.rowCount(); r++) {
      String ref = in.get(r, "reference").strip();
      String task = in.get(r, "task").strip();
      String metric = in.get(r, "metric").strip();
      if (ref.isEmpty() || task.isEmpty() || metric.isEmpty()) {
        throw in.error(r, "reference, task and metric must not be empty");
      }
      String text = in.get(r, "value").strip();
      double v;
      try {
        v = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw in.error(r, "value must be a number in [-1, 1], got '" + text + "'");
      }
      if (!(v >= -1 && v <= 1)) {
        throw in.error(r, "value must be in [-1, 1] (a fraction, or a correlation), got " + text);
      }
      Map<String, Double> metrics =
          scores.computeIfAbsent(ref, k -> new LinkedHashMap<>()).computeIfAbsent(task, k -> new LinkedHashMap<>());
      if (metrics.put(metric, v) != null) {
        throw in.error(r, "duplicate score of " + ref + " on " + task + ", " + metric);
      }
    }
    return new References(scores);
  }

  /** The references with at least one score on a task of {@code results}, in file order. */
  public List<String> names(Results results) {
    List<String> out = new ArrayList<>();
    scores.forEach((ref, tasks) -> {
      if (tasks.keySet().stream().anyMatch(results.tasks()::containsKey)) {
        out.add(ref);
      }
    });
    return out;
  }

  /** The row label of a reference: {@code reference: bm25}. */
  public static String label(String reference) {
    return "reference: " + reference;
  }

  /** A metric of a task, x100; NaN when the reference lacks it. */
  public double value(String reference, String task, String metric) {
    Double v = scores.getOrDefault(reference, Map.of()).getOrDefault(task, Map.of()).get(metric);
    return v == null ? Double.NaN : 100 * v;
  }

  /**
   * A column of the comparison table for a reference, x100: an average ({@link Scores#PROBE_AVG} ...) over all the
   * run's tasks of its group (NaN when it lacks one), or a task column {@code name (metric)}.
   */
  public double measure(String reference, String column, Results results) {
    Predicate<TaskKind> group =
        switch (column) {
          case Scores.PROBE_AVG -> k -> k == TaskKind.PROBE;
          case Scores.STS_AVG -> k -> k == TaskKind.STS;
          case Scores.SEARCH_AVG -> TaskKind::isSearch;
          default -> null;
        };
    if (group == null) {
      for (Results.Task t : results.tasks().values()) {
        if (Scores.taskMeasure(t).equals(column)) {
          return value(reference, t.name(), t.primaryMetric());
        }
      }
      return Double.NaN;
    }
    double sum = 0;
    int n = 0;
    for (Results.Task t : results.tasks().values()) {
      if (group.test(t.kind())) {
        double v = value(reference, t.name(), t.primaryMetric());
        if (Double.isNaN(v)) {
          return Double.NaN;
        }
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** {@code 71.3}, or an em dash when missing. */
  static String format(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
  }
}
