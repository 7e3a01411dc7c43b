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
 * when absent), then any other top-level keys in file order. For reading ({@link #blocks}) every value becomes
 * {@code key: value} rows of one two-column table: a list of values is joined with commas, an object gives one row
 * per entry ({@code libraries.djl}); a list of objects ({@code cells}) becomes its own table and the suite's YAML
 * ({@code config}) a code block.
 *
 * @param values key to display text (nested values as compact JSON)
 * @param root the file's JSON object
 */
public record ProvenanceTable(SequencedMap<String, String> values, JsonNode root) {
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
    return new ProvenanceTable(values, root);
  }

  /** The data dir as run.json records it, or null. */
  public String dataDir() {
    JsonNode d = root.get("dataDir");
    return d == null || !d.isTextual() ? null : d.asText();
  }

  /**
   * The provenance for reading: a {@code Key | Value} table of every scalar (nested objects flattened into
   * {@code parent.child} rows, lists of scalars joined), then each list of objects as a table and the suite's YAML as
   * a code block.
   */
  public List<ReportBlock> blocks() {
    StringColumn key = StringColumn.create("Key");
    StringColumn value = StringColumn.create("Value");
    List<ReportBlock> after = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      JsonNode node = root.get(e.getKey());
      if (node == null) {
        key.append(e.getKey());
        value.append(e.getValue());
      } else if (e.getKey().equals("config") && node.isTextual() && node.asText().contains("\n")) {
        after.add(new ReportBlock.Paragraph("The suite as run (`config`, its sha256 is `configHash`):"));
        after.add(new ReportBlock.Code("yaml", node.asText()));
      } else if (node.isArray() && node.size() > 0 && allObjects(node)) {
        after.add(new ReportBlock.Paragraph("`" + e.getKey() + "`:"));
        after.add(new ReportBlock.TableBlock(objectTable(e.getKey(), node)));
      } else {
        flatten(e.getKey(), node, key, value);
      }
    }
    List<ReportBlock> out = new java.util.ArrayList<>();
    out.add(new ReportBlock.TableBlock(Table.create("provenance", key, value)));
    out.addAll(after);
    return out;
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static void flatten(String prefix, JsonNode node, StringColumn key, StringColumn value) {
    if (node.isObject() && node.size() > 0) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(prefix + "." + e.getKey(), e.getValue(), key, value);
      }
      return;
    }
    key.append(prefix);
    if (node.isArray()) {
      List<String> items = new java.util.ArrayList<>();
      node.forEach(n -> items.add(text(n)));
      value.append(String.join(", ", items));
    } else {
      value.append(text(node));
    }
  }

  /** One row per object, one column per key (first-seen order). */
  private static Table objectTable(String name, JsonNode array) {
    List<String> keys = new java.util.ArrayList<>();
    array.forEach(o -> o.properties().forEach(e -> {
      if (!keys.contains(e.getKey())) {
        keys.add(e.getKey());
      }
    }));
    Table t = Table.create(name);
    for (String k : keys) {
      StringColumn c = StringColumn.create(k);
      array.forEach(o -> c.append(o.has(k) ? text(o.get(k)) : ""));
      t.addColumns(c);
    }
    return t;
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
