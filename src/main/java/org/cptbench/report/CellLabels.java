package org.cptbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.util.Json;

/**
 * Legend labels of cells ({@code <configuration label>, seed=<seed>}) and whether each has a learned temperature.
 * A cell's parameters come from results.csv; a cell without results (e.g. one that failed) is described by its
 * {@code cells/<cell>/cell.json} (fields {@code encoder, attention, pooling, temperature, batchSize, steps, seed})
 * when that holds them all, else it is labelled by its id.
 */
final class CellLabels {
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, Boolean> learned = new LinkedHashMap<>();

  CellLabels(Path runDir, Results results, ConfigLabels configLabels, List<CellTrainLog> logs) {
    for (Results.Cell c : results.cells().values()) {
      labels.put(c.id(), configLabels.label(c.config()) + ", seed=" + c.seed());
      learned.put(c.id(), c.config().learnedTemperature());
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
        learned.put(log.cell(), config.learnedTemperature());
      } else {
        labels.put(log.cell(), log.cell());
        learned.put(log.cell(), log.tauVaries());
      }
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
    for (String f : List.of("encoder", "attention", "pooling", "temperature", "batchSize", "steps", "seed")) {
      if (!n.hasNonNull(f) || !n.get(f).isValueNode()) {
        return null;
      }
    }
    if (!n.get("batchSize").canConvertToInt() || !n.get("steps").canConvertToInt()) {
      return null;
    }
    try {
      return new Config(
          n.get("encoder").asText(),
          n.get("attention").asText(),
          n.get("pooling").asText(),
          n.get("temperature").asText(),
          n.get("batchSize").asInt(),
          n.get("steps").asInt());
    } catch (CptbenchException e) {
      return null;
    }
  }

  /** Cell id to legend label. */
  Map<String, String> labels() {
    return labels;
  }

  /** Whether the cell's temperature is learned (from its label; from its log when its parameters are unknown). */
  boolean learned(String cell) {
    return learned.getOrDefault(cell, false);
  }
}
