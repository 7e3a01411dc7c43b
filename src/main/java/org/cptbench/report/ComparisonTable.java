package org.cptbench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper-style comparison table (cpt paper, Tables 1-4): one row per configuration at its final checkpoint step,
 * columns {@value Scores#PROBE_AVG}, {@value Scores#STS_AVG}, {@value Scores#SEARCH_AVG} (those the run has tasks
 * for) and one column per search task with its primary metric, all x100, as {@code mean ± std} over seeds.
 *
 * <p>In each column the best row (highest mean; ties all best) is shown in bold. Another row is flagged with
 * {@code ~} when its gap to the best, {@code best.mean - row.mean}, is smaller than the seed noise
 * {@code max(row.std, best.std)} (sample standard deviations over seeds; the largest one among tied best rows): the
 * difference is then within seed-to-seed variation. Rows with a single seed have no std and are flagged only through
 * the best row's std.
 */
public final class ComparisonTable {

  /**
   * One cell of the table.
   *
   * @param value mean, std and seed count (x100)
   * @param best whether it is the highest mean of its column
   * @param withinNoise whether its gap to the best is smaller than the seed noise
   */
  public record Entry(MeanStd value, boolean best, boolean withinNoise) {
    /** The display text: {@code ~} prefix when within noise, {@code (n=k)} when fewer than {@code seeds} seeds. */
    public String text(int seeds) {
      String s = (withinNoise ? "~" : "") + value.format();
      return value.present() && value.n() < seeds ? s + " (n=" + value.n() + ")" : s;
    }
  }

  private final Scores scores;
  private final List<String> columns;
  private final Map<Config, Map<String, Entry>> entries = new LinkedHashMap<>();

  public ComparisonTable(Scores scores) {
    this.scores = scores;
    List<String> cols = new ArrayList<>(scores.averages());
    cols.addAll(scores.searchTasks());
    this.columns = List.copyOf(cols);
    Map<Config, Map<String, MeanStd>> values = new LinkedHashMap<>();
    for (Config c : scores.configs()) {
      Map<String, MeanStd> row = new LinkedHashMap<>();
      for (String col : columns) {
        row.put(col, scores.at(c, scores.finalStep(c), col));
      }
      values.put(c, row);
    }
    for (Config c : scores.configs()) {
      entries.put(c, new LinkedHashMap<>());
    }
    for (String col : columns) {
      double best = Double.NEGATIVE_INFINITY;
      for (Config c : scores.configs()) {
        MeanStd v = values.get(c).get(col);
        if (v.present()) {
          best = Math.max(best, v.mean());
        }
      }
      double bestStd = Double.NaN;
      for (Config c : scores.configs()) {
        MeanStd v = values.get(c).get(col);
        if (v.present() && v.mean() == best && !Double.isNaN(v.std())) {
          bestStd = Double.isNaN(bestStd) ? v.std() : Math.max(bestStd, v.std());
        }
      }
      for (Config c : scores.configs()) {
        MeanStd v = values.get(c).get(col);
        boolean isBest = v.present() && v.mean() == best;
        double noise = maxIgnoringNaN(v.std(), bestStd);
        boolean within = v.present() && !isBest && !Double.isNaN(noise) && best - v.mean() < noise;
        entries.get(c).put(col, new Entry(v, isBest, within));
      }
    }
  }

  private static double maxIgnoringNaN(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : Math.max(a, b);
  }

  /** The score columns, in table order. */
  public List<String> columns() {
    return columns;
  }

  public List<Config> rows() {
    return scores.configs();
  }

  /** The entry of a configuration in a column. */
  public Entry entry(Config config, String column) {
    Entry e = entries.get(config) == null ? null : entries.get(config).get(column);
    if (e == null) {
      throw new IllegalArgumentException("no entry for " + config + " in column " + column);
    }
    return e;
  }

  /** Table headers of the parameter columns the suite runner writes; any other parameter is headed by its name. */
  private static final Map<String, String> CONFIG_HEADERS = Map.of(
      "encoder", "Encoder", "attention", "Attention", "pooling", "Pooling", "temperature", "Temperature",
      "batchSize", "Batch size", "steps", "Steps");

  /** The table for the report: configuration columns, final step, seeds, then the score columns as text. */
  public ReportBlock.TableBlock display() {
    Table t = configColumns("comparison");
    Set<ReportBlock.TableBlock.Cell> bold = new HashSet<>();
    int first = t.columnCount();
    for (int j = 0; j < columns.size(); j++) {
      StringColumn col = StringColumn.create(columns.get(j));
      int r = 0;
      for (Config c : scores.configs()) {
        Entry e = entry(c, columns.get(j));
        col.append(e.text(scores.seeds(c)));
        if (e.best()) {
          bold.add(new ReportBlock.TableBlock.Cell(r, first + j));
        }
        r++;
      }
      t.addColumns(col);
    }
    return new ReportBlock.TableBlock(t, bold);
  }

  /**
   * The numbers for {@code tables/comparison.csv}: configuration columns, final step, seeds, and for each score
   * column {@code <col> mean}, {@code <col> std}, {@code <col> n}, {@code <col> best} (1/0) and
   * {@code <col> within noise} (1/0).
   */
  public Table numeric() {
    Table t = configColumns("comparison");
    for (String col : columns) {
      DoubleColumn mean = DoubleColumn.create(col + " mean");
      DoubleColumn std = DoubleColumn.create(col + " std");
      IntColumn n = IntColumn.create(col + " n");
      IntColumn best = IntColumn.create(col + " best");
      IntColumn within = IntColumn.create(col + " within noise");
      for (Config c : scores.configs()) {
        Entry e = entry(c, col);
        mean.append(e.value().mean());
        std.append(e.value().std());
        n.append(e.value().n());
        best.append(e.best() ? 1 : 0);
        within.append(e.withinNoise() ? 1 : 0);
      }
      t.addColumns(mean, std, n, best, within);
    }
    return t;
  }

  /**
   * The reference rows under the comparison (never ranked with the configurations): one row per reference with the
   * same score columns, x100, an em dash where it has no score (BM25 has no probe or STS scores); null when the run
   * has no references.
   */
  public Table referenceRows(References references) {
    List<String> names = references.names(scores.results());
    if (names.isEmpty()) {
      return null;
    }
    Table t = Table.create("reference rows");
    StringColumn label = StringColumn.create("Reference");
    names.forEach(label::append);
    t.addColumns(label);
    for (String col : columns) {
      StringColumn c = StringColumn.create(col);
      names.forEach(n -> c.append(References.format(references.measure(n, col, scores.results()))));
      t.addColumns(c);
    }
    return t;
  }

  private Table configColumns(String name) {
    Table t = Table.create(name);
    for (String field : scores.configs().getFirst().fields()) {
      StringColumn col = StringColumn.create(CONFIG_HEADERS.getOrDefault(field, field));
      for (Config c : scores.configs()) {
        col.append(c.params().get(field));
      }
      t.addColumns(col);
    }
    IntColumn step = IntColumn.create("Final step");
    IntColumn seeds = IntColumn.create("Seeds");
    for (Config c : scores.configs()) {
      step.append(scores.finalStep(c));
      seeds.append(scores.seeds(c));
    }
    t.addColumns(step, seeds);
    return t;
  }
}
