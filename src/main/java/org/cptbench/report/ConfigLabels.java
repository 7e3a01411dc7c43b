package org.cptbench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Short labels for the configurations of a run: only the fields that differ between configurations (e.g.
 * {@code learned(0.07), bs=32}), so that two configurations never share a label; all fields when the run has a
 * single configuration.
 */
public final class ConfigLabels {
  private final List<String> varying;

  public ConfigLabels(Collection<Config> configs) {
    List<String> v = new ArrayList<>();
    List<String> fields = configs.isEmpty() ? List.of() : configs.iterator().next().fields();
    for (String f : fields) {
      Set<String> values = new HashSet<>();
      for (Config c : configs) {
        values.add(c.params().get(f));
      }
      if (values.size() > 1) {
        v.add(f);
      }
    }
    this.varying = List.copyOf(v);
  }

  /** The names of the fields that vary. */
  public List<String> varying() {
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
    List<String> rest = varying.stream().filter(f -> !f.equals("batchSize")).toList();
    return rest.isEmpty() ? "all" : c.label(rest);
  }
}
