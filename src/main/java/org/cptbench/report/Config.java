package org.cptbench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.CptbenchException;

/**
 * One configuration of a suite: every parameter column of a cell in {@code results.csv} except its seed, by column
 * name in file order. The report names no parameter except {@code batchSize} and {@code steps} (the x axis of the
 * batch-size charts and the final step): a new sweep axis is one more column and shows up in tables and labels by
 * itself. Cells whose configurations are equal are repetitions (seeds) of one configuration and are averaged.
 *
 * @param params column name to value, e.g. {@code encoder=tiny, ..., batchSize=32, steps=300}
 */
public record Config(SequencedMap<String, String> params) implements Comparable<Config> {

  /** The columns the report itself reads: each must be an integer >= 1. */
  public static final List<String> REQUIRED = List.of("batchSize", "steps");

  /** Label prefixes of parameters whose bare value would be ambiguous; other parameters show as name=value. */
  private static final Map<String, String> PREFIX = Map.of(
      "encoder", "", "attention", "", "pooling", "", "temperature", "", "batchSize", "bs=", "steps", "steps=");

  public Config {
    if (params == null || params.isEmpty()) {
      throw new CptbenchException("config: no parameters");
    }
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new CptbenchException("config: " + e.getKey() + " must be a non-empty label, got '" + e.getValue() + "'");
      }
    }
    for (String r : REQUIRED) {
      if (!params.containsKey(r)) {
        throw new CptbenchException("config: " + r + " missing");
      }
      int v;
      try {
        v = Integer.parseInt(params.get(r));
      } catch (NumberFormatException e) {
        throw new CptbenchException("config: " + r + " must be an integer >= 1, got '" + params.get(r) + "'");
      }
      if (v < 1) {
        throw new CptbenchException("config: " + r + " must be >= 1, got " + v);
      }
    }
    params = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(params));
  }

  /** The parameter names, in column order. */
  public List<String> fields() {
    return List.copyOf(params.keySet());
  }

  /** The values as text, in {@link #fields()} order. */
  public List<String> values() {
    return List.copyOf(params.values());
  }

  public int batchSize() {
    return Integer.parseInt(params.get("batchSize"));
  }

  public int steps() {
    return Integer.parseInt(params.get("steps"));
  }

  /** This configuration with another batch size (the series key of the batch-size charts). */
  public Config withBatchSize(int newBatchSize) {
    SequencedMap<String, String> m = new LinkedHashMap<>(params);
    m.put("batchSize", Integer.toString(newBatchSize));
    return new Config(m);
  }

  /** A short label made of the named fields, e.g. {@code learned(0.07), bs=32}; all fields when none are named. */
  public String label(List<String> names) {
    List<String> parts = new ArrayList<>();
    for (String name : names.isEmpty() ? fields() : names) {
      parts.add(PREFIX.getOrDefault(name, name + "=") + params.get(name));
    }
    return String.join(", ", parts);
  }

  /** Column by column: numerically when both values are integers, else as text. */
  @Override
  public int compareTo(Config o) {
    List<String> a = values();
    List<String> b = o.values();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareValues(String x, String y) {
    try {
      return Long.compare(Long.parseLong(x), Long.parseLong(y));
    } catch (NumberFormatException e) {
      return x.compareTo(y);
    }
  }
}
