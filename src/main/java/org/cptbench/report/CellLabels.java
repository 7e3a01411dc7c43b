package org.cptbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.CptbenchException;
import org.cptbench.util.Json;

/**
 * Legend labels of cells ({@code <configuration label>, seed=<seed>}), keyed by cell id, and whether each has a
 * learned temperature (its logit scale moved during training). A cell's parameters come from results.csv; a cell
 * without results (e.g. one that failed) is described by its {@code cells/<cell>/cell.json} (its id, parameter
 * columns and seed, as results.csv has them) when that holds them, else it is labelled by its id.
 */
final class CellLabels {
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, Boolean> learned = new LinkedHashMap<>();

  CellLabels(Path runDir, Results results, ConfigLabels configLabels, List<CellTrainLog> logs) {
    for (Results.Cell c : results.cells().values()) {
      labels.put(c.id(), configLabels.label(c.config()) + ", seed=" + c.seed());
    }
    for (CellTrainLog log : logs) {
      if (labels.containsKey(log.cell())) {
        continue;
      }
      Path json = runDir.resolve("cells").resolve(log.cell()).resolve("cell.json");
      JsonNode node = readObject(json);
      Config config = node == null ? null : config(node);
      if (config != null) {
        labels.put(log.cell(), config.label(List.of()) + ", seed=" + node.get("seed").asText() + " (" + log.cell() + ")");
      } else {
        labels.put(log.cell(), log.cell());
      }
    }
    for (CellTrainLog log : logs) {
      learned.put(log.cell(), log.tauVaries());
    }
  }

  private static JsonNode readObject(Path json) {
    if (!Files.isRegularFile(json)) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(json.toFile());
      if (node == null || !node.isObject()) {
        throw new CptbenchException(json + ": expected a JSON object with the cell's parameters");
      }
      return node;
    } catch (IOException e) {
      throw new CptbenchException(json + ": cannot read the cell's parameters: " + e.getMessage(), e);
    }
  }

  private static Config config(JsonNode n) {
    SequencedMap<String, String> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("cell") || e.getKey().equals("seed")) {
        continue;
      }
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        return null;
      }
      params.put(e.getKey(), e.getValue().asText());
    }
    if (!n.hasNonNull("seed")) {
      return null;
    }
    try {
      return new Config(params);
    } catch (CptbenchException e) {
      return null;
    }
  }

  /** Cell id to legend label. */
  Map<String, String> labels() {
    return labels;
  }

  /** Whether the cell's temperature is learned: its logged logit scale exp(tau) changed during training. */
  boolean learned(String cell) {
    return learned.getOrDefault(cell, false);
  }
}
