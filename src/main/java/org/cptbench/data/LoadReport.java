package org.cptbench.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a loader noticed while reading a data set: human-readable warnings (inconsistencies that were tolerated, e.g.
 * qrels naming documents missing from the corpus) and named counts (e.g. {@code qrels.unknownDocuments}), in the order
 * they were recorded. Loaders never drop data silently: whatever they skip is counted here.
 */
public record LoadReport(List<String> warnings, Map<String, Long> counts) {
  public LoadReport {
    Objects.requireNonNull(warnings, "warnings");
    Objects.requireNonNull(counts, "counts");
    warnings = List.copyOf(warnings);
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** A report with nothing in it. */
  public static LoadReport empty() {
    return new LoadReport(List.of(), Map.of());
  }

  /** The count recorded under {@code key}, 0 when none was. */
  public long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  /** Collects warnings and counts while loading. */
  public static final class Builder {
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    public Builder warn(String warning) {
      warnings.add(Objects.requireNonNull(warning, "warning"));
      return this;
    }

    public Builder count(String key, long value) {
      counts.merge(Objects.requireNonNull(key, "key"), value, Long::sum);
      return this;
    }

    public Builder addAll(LoadReport other) {
      warnings.addAll(other.warnings());
      other.counts().forEach(this::count);
      return this;
    }

    public LoadReport build() {
      return new LoadReport(warnings, counts);
    }
  }
}
