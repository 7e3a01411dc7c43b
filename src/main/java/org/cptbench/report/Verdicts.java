package org.cptbench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The optional {@code RUN/verdicts.csv} (columns {@link #HEADER}): each checked score of the run against its expected
 * range {@code [min, max]}; verdict {@code OK} (inside), {@code FAIL} (outside) or {@code NEW} (no expectation yet,
 * {@code min}/{@code max} may be empty); and {@code WARN} for a cell whose training collapsed or diverged (task
 * {@code training}, metric {@code collapsed} or {@code diverged}, value the first step that had it). {@code value},
 * {@code min} and {@code max} must be numbers when present.
 *
 * @param table every row (text columns)
 */
public record Verdicts(Table table) {
  public static final String FILE = "verdicts.csv";
  public static final List<String> HEADER = List.of("cell", "task", "metric", "value", "min", "max", "verdict");
  public static final List<String> VERDICTS = List.of("OK", "FAIL", "NEW", "WARN");

  /** Reads {@code RUN/verdicts.csv}, or returns null when the run has none. */
  public static Verdicts readIfPresent(Path runDir) {
    Path file = runDir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    CsvInput in = CsvInput.read(file, HEADER);
    for (int r = 0; r < in.rowCount(); r++) {
      String v = in.get(r, "verdict").strip();
      if (!VERDICTS.contains(v)) {
        throw in.error(r, "verdict must be one of " + String.join(", ", VERDICTS) + ", got '" + v + "'");
      }
      for (String col : List.of("cell", "task", "metric")) {
        if (in.get(r, col).isBlank()) {
          throw in.error(r, col + " is empty");
        }
      }
      for (String col : List.of("value", "min", "max")) {
        String s = in.get(r, col).strip();
        if (s.isEmpty() && !col.equals("value")) {
          continue;
        }
        try {
          Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw in.error(r, col + " must be a number, got '" + s + "'");
        }
      }
    }
    return new Verdicts(in.table());
  }

  /** Rows per verdict: OK, FAIL, NEW, WARN (all four, zero included). */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    VERDICTS.forEach(v -> counts.put(v, 0));
    table.stringColumn("verdict").forEach(v -> counts.merge(v.strip(), 1, Integer::sum));
    return counts;
  }

  /** A one-row table of the counts, in the order OK, FAIL, NEW, WARN. */
  public Table countsTable() {
    Table t = Table.create("verdict counts");
    Map<String, Integer> counts = counts();
    for (String v : VERDICTS) {
      t.addColumns(IntColumn.create(v, new int[] {counts.get(v)}));
    }
    return t;
  }

  /** The FAIL rows, with the cell's configuration label added when the cell is known. */
  public Table failures(Map<String, String> cellLabels) {
    return rows("FAIL", cellLabels).setName("failed checks");
  }

  /**
   * The WARN rows (cells whose training collapsed or diverged; {@code value} is the first such step), with the
   * cell's configuration label.
   */
  public Table warnings(Map<String, String> cellLabels) {
    Table t = rows("WARN", cellLabels);
    t.removeColumns("min", "max");
    t.column("value").setName("step");
    t.column("metric").setName("health");
    return t.setName("training warnings");
  }

  private Table rows(String verdict, Map<String, String> cellLabels) {
    Table fails = table.where(table.stringColumn("verdict").isEqualTo(verdict));
    StringColumn config = StringColumn.create("configuration");
    for (String cell : fails.stringColumn("cell")) {
      config.append(cellLabels.getOrDefault(cell, ""));
    }
    Table out = fails.copy();
    out.insertColumn(1, config);
    return out;
  }
}
