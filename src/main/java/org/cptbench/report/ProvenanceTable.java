package org.cptbench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.CptbenchException;
import org.cptbench.util.Json;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code RUN/run.json} as the report shows it: where a run's numbers come from (written by
 * {@link org.cptbench.run.Provenance}). The {@link #EXPECTED} keys are shown first, in that order ({@code (missing)}
 * when absent), then any other top-level keys in file order; nested values are shown as compact JSON.
 *
 * @param values key to display text
 */
public record ProvenanceTable(SequencedMap<String, String> values) {
  public static final List<String> EXPECTED =
      List.of(
          "suite", "runId", "seed", "start", "end", "gitCommit", "gitDirty", "jdk", "os", "cpu", "threads");

  public static final String MISSING = "(missing)";

  /** Reads {@code file}; it must exist and hold a JSON object. */
  public static ProvenanceTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException(file + ": file not found (the run's provenance, written by the suite runner)");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new CptbenchException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (root == null || !root.isObject()) {
      throw new CptbenchException(file + ": expected a JSON object with the run's provenance");
    }
    SequencedMap<String, String> values = new LinkedHashMap<>();
    for (String key : EXPECTED) {
      values.put(key, root.has(key) ? text(root.get(key)) : MISSING);
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      values.putIfAbsent(e.getKey(), text(e.getValue()));
    }
    return new ProvenanceTable(values);
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : Json.compact(node);
  }

  /** The suite name, or {@code (missing)}. */
  public String suite() {
    return values.get("suite");
  }

  /** A two-column table: key, value. */
  public Table table() {
    StringColumn key = StringColumn.create("Key");
    StringColumn value = StringColumn.create("Value");
    values.forEach(
        (k, v) -> {
          key.append(k);
          value.append(v);
        });
    return Table.create("provenance", key, value);
  }
}
