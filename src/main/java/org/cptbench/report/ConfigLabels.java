package org.cptbench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Short labels for the configurations of a run: only the fields that differ between configurations (e.g.
 * {@code learned(0.07), bs=32}); all fields when the run has a single configuration.
 */
public final class ConfigLabels {
  private final List<Integer> varying;

  public ConfigLabels(Collection<Config> configs) {
    List<Integer> v = new ArrayList<>();
    for (int i = 0; i < Config.FIELDS.size(); i++) {
      Set<String> values = new HashSet<>();
      for (Config c : configs) {
        values.add(c.values().get(i));
      }
      if (values.size() > 1) {
        v.add(i);
      }
    }
    this.varying = List.copyOf(v);
  }

  /** The indices (into {@link Config#FIELDS}) of the fields that vary. */
  public List<Integer> varying() {
    return varying;
  }

  public String label(Config c) {
    return c.label(varying);
  }

  /**
   * The label of a series of the batch-size charts: the varying fields other than the batch size (the temperature
   * when only temperature and batch size vary); {@code all} when nothing else varies.
   */
  public String labelWithoutBatchSize(Config c) {
    List<Integer> rest = varying.stream().filter(i -> i != 4).toList();
    return rest.isEmpty() ? "all" : c.label(rest);
  }
}
