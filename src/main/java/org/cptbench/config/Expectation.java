package org.cptbench.config;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.CptbenchException;

/**
 * One band of a suite's {@code expect:} list (Anserini-style regression): the score of {@code metric} on
 * {@code task}, for the cells that {@code cell} selects, must lie in [min, max] at the cell's final step (or at
 * {@code step}).
 *
 * @param path where it was written, e.g. {@code suite quick: expect[0]}, for errors
 * @param cell selector: cell parameter column (see {@link CellParams#COLUMNS}) to its value as written in
 *     {@code results.csv}, e.g. {@code {batchSize: 128}}; empty selects every cell
 * @param step the checkpoint step the band applies to; null = each cell's final step
 */
public record Expectation(
    String path, SequencedMap<String, String> cell, String task, String metric, Integer step, double min,
    double max) {

  public static final String[] KEYS = {"cell", "task", "metric", "min", "max", "step"};

  public Expectation {
    cell = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(cell));
    if (!(min <= max)) {
      throw new CptbenchException(path + ": min " + min + " is above max " + max);
    }
  }

  /** Binds one entry of {@code expect:}. */
  public static Expectation parse(ConfigNode n) {
    String where = n.source() + ": " + n.path();
    if (!n.node().isObject()) {
      throw new CptbenchException(where + ": expected a mapping {cell, task, metric, min, max, step}");
    }
    n.allowOnly(KEYS);
    if (!n.has("task") || !n.has("metric") || !(n.has("min") || n.has("max"))) {
      throw new CptbenchException(where + ": needs task, metric and min and/or max");
    }
    SequencedMap<String, String> cell = new LinkedHashMap<>();
    if (n.has("cell")) {
      ConfigNode c = n.child("cell").allowOnly(CellParams.COLUMNS.toArray(String[]::new));
      for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = c.node().fields();
          it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw new CptbenchException(n.source() + ": " + c.key(e.getKey())
              + ": expected a value as results.csv writes it (e.g. 128, learned(0.07)), got a "
              + (e.getValue().isArray() ? "list" : e.getValue().isObject() ? "mapping" : "null"));
        }
        cell.put(e.getKey(), e.getValue().asText());
      }
    }
    return new Expectation(where, cell, n.getString("task", ""), n.getString("metric", ""),
        n.has("step") ? n.getInt("step", 0) : null,
        n.getDouble("min", Double.NEGATIVE_INFINITY), n.getDouble("max", Double.POSITIVE_INFINITY));
  }

  /** Whether the selector picks a cell with these parameter columns. */
  public boolean selects(Map<String, String> columns) {
    return selects(columns, columns);
  }

  /**
   * Whether the selector picks a cell: every selected column equals the cell's value as written now or as written
   * by the previous release ({@link CellParams#legacyColumnText}).
   */
  public boolean selects(Map<String, String> columns, Map<String, String> legacy) {
    for (Map.Entry<String, String> e : cell.entrySet()) {
      if (!e.getValue().equals(columns.get(e.getKey())) && !e.getValue().equals(legacy.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the selector picks this cell. */
  public boolean selects(CellParams p) {
    return selects(p.columnText(), p.legacyColumnText());
  }

  /**
   * Fails when the selector picks none of {@code cells} (a misspelt value would otherwise turn the band into a
   * silent NEW); the error lists the values each selected column takes in the suite.
   */
  public void requireSomeCell(List<CellParams> cells) {
    if (cells.stream().anyMatch(this::selects)) {
      return;
    }
    StringBuilder allowed = new StringBuilder();
    for (String k : cell.keySet()) {
      allowed.append(allowed.isEmpty() ? "" : "; ").append(k).append(": ")
          .append(cells.stream().map(c -> c.columnText().get(k)).distinct().toList());
    }
    throw new CptbenchException(path + ".cell: " + cell + " selects no cell of this suite; values here: " + allowed);
  }
}
