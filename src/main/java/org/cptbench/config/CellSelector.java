package org.cptbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.CptbenchException;

/**
 * One side of a suite claim's {@code compare:} ({@link ClaimSpec}): cell parameter columns (see
 * {@link CellParams#COLUMNS}) to their values as {@code results.csv} writes them, as in {@code expect} selectors, plus
 * an optional checkpoint {@code step} (e.g. {@code {batchSize: 128}} or {@code {step: 400}}).
 *
 * @param path where it was written, e.g. {@code suite quick: claims[0].compare.better}, for errors
 * @param cell the column values; empty selects every cell
 * @param step the checkpoint step; null = the claim's {@code at}
 */
public record CellSelector(String path, SequencedMap<String, String> cell, Integer step) {
  public static final String STEP = "step";

  public CellSelector {
    cell = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(cell));
    if (step != null && step < 1) {
      throw new CptbenchException(path + ".step: " + step + " must be a checkpoint step >= 1");
    }
  }

  /** Binds a mapping of columns (and {@code step}). */
  public static CellSelector parse(ConfigNode n) {
    String where = n.source() + ": " + n.path();
    if (!n.node().isObject()) {
      throw new CptbenchException(where + ": expected a mapping of cell columns " + CellParams.COLUMNS
          + " and/or step, got " + ConfigNode.describe(n.node()));
    }
    String[] allowed = new String[CellParams.COLUMNS.size() + 1];
    CellParams.COLUMNS.toArray(allowed);
    allowed[allowed.length - 1] = STEP;
    n.allowOnly(allowed);
    SequencedMap<String, String> cell = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.node().fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equals(STEP)) {
        continue;
      }
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new CptbenchException(n.source() + ": " + n.key(e.getKey())
            + ": expected a value as results.csv writes it (e.g. 128), got " + ConfigNode.describe(e.getValue()));
      }
      cell.put(e.getKey(), e.getValue().asText());
    }
    return new CellSelector(where, cell, n.has(STEP) ? n.getInt(STEP, 0) : null);
  }

  /** Whether every selected column equals the cell's value (as written now or by the previous release). */
  public boolean selects(CellParams p) {
    Map<String, String> now = p.columnText();
    Map<String, String> legacy = p.legacyColumnText();
    for (Map.Entry<String, String> e : cell.entrySet()) {
      if (!e.getValue().equals(now.get(e.getKey())) && !e.getValue().equals(legacy.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Fails when the selector picks none of {@code cells}; the error lists the values each column takes. */
  public void requireSomeCell(List<CellParams> cells) {
    if (cells.stream().anyMatch(this::selects)) {
      return;
    }
    StringBuilder allowed = new StringBuilder();
    for (String k : cell.keySet()) {
      allowed.append(allowed.isEmpty() ? "" : "; ").append(k).append(": ")
          .append(cells.stream().map(c -> c.columnText().get(k)).distinct().toList());
    }
    throw new CptbenchException(path + ": " + cell + " selects no cell of this suite; values here: " + allowed);
  }
}
