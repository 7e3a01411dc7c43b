package org.cptbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cptbench.CptbenchException;

/**
 * One configuration of a suite: every parameter of a cell except its seed. Cells whose configurations are equal are
 * repetitions (seeds) of the same configuration and are averaged in the report.
 *
 * @param encoder encoder preset label, e.g. {@code tiny}
 * @param attention attention mask label, e.g. {@code causal}
 * @param pooling pooling label, e.g. {@code eos}
 * @param temperature temperature label, e.g. {@code learned(0.07)} or {@code fixed(0.05)}
 * @param batchSize training batch size (pairs per step), at least 1
 * @param steps training steps of the cell, at least 1
 */
public record Config(
    String encoder, String attention, String pooling, String temperature, int batchSize, int steps)
    implements Comparable<Config> {

  /** The parameters in table order; {@link #values()} follows it. */
  public static final List<String> FIELDS =
      List.of("encoder", "attention", "pooling", "temperature", "batchSize", "steps");

  private static final Comparator<Config> ORDER =
      Comparator.comparing(Config::encoder)
          .thenComparing(Config::attention)
          .thenComparing(Config::pooling)
          .thenComparing(Config::temperature)
          .thenComparingInt(Config::batchSize)
          .thenComparingInt(Config::steps);

  public Config {
    requireText("encoder", encoder);
    requireText("attention", attention);
    requireText("pooling", pooling);
    requireText("temperature", temperature);
    if (batchSize < 1) {
      throw new CptbenchException("config: batchSize must be >= 1, got " + batchSize);
    }
    if (steps < 1) {
      throw new CptbenchException("config: steps must be >= 1, got " + steps);
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new CptbenchException("config: " + field + " must be a non-empty label, got '" + value + "'");
    }
  }

  /** Whether the temperature is a trained parameter (label {@code learned(...)}). */
  public boolean learnedTemperature() {
    return temperature.startsWith("learned");
  }

  /** The field values as text, in {@link #FIELDS} order. */
  public List<String> values() {
    return List.of(encoder, attention, pooling, temperature, Integer.toString(batchSize), Integer.toString(steps));
  }

  /** This configuration with another batch size (the series key of the batch-size charts). */
  public Config withBatchSize(int newBatchSize) {
    return new Config(encoder, attention, pooling, temperature, newBatchSize, steps);
  }

  /** A short label made of the fields at the given indices of {@link #FIELDS}; all fields when none are given. */
  public String label(List<Integer> fieldIndices) {
    List<Integer> idx = fieldIndices.isEmpty() ? List.of(0, 1, 2, 3, 4, 5) : fieldIndices;
    List<String> parts = new ArrayList<>();
    List<String> values = values();
    for (int i : idx) {
      parts.add(
          switch (i) {
            case 4 -> "bs=" + batchSize;
            case 5 -> "steps=" + steps;
            default -> values.get(i);
          });
    }
    return String.join(", ", parts);
  }

  @Override
  public int compareTo(Config o) {
    return ORDER.compare(this, o);
  }
}
