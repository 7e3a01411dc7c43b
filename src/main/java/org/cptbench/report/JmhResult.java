package org.cptbench.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON result file ({@code -rf json}): a benchmark method with one combination of its
 * {@code @Param} values and its primary metric.
 *
 * @param benchmark fully qualified method, e.g. {@code org.cptbench.bench.ExactSearchBenchmark.search}
 * @param mode JMH mode: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params {@code @Param} name to value, sorted by name (empty when the benchmark has none)
 * @param score the primary metric's score (mean over measurement iterations)
 * @param error half-width of JMH's 99.9% confidence interval of the score; NaN with a single iteration
 * @param unit the score's unit, e.g. {@code ops/s} or {@code ms/op}
 * @param jmhVersion JMH version that ran it
 * @param jdk JDK of the forked JVM: {@code jdkVersion}, {@code vmName} and {@code vmVersion}
 * @param jvmArgs the forked JVM's flags
 */
public record JmhResult(
    String benchmark,
    String mode,
    SortedMap<String, String> params,
    double score,
    double error,
    String unit,
    String jmhVersion,
    String jdk,
    List<String> jvmArgs) {

  public JmhResult {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
    params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
    jvmArgs = List.copyOf(jvmArgs);
  }

  /** The class and method, e.g. {@code ExactSearchBenchmark.search}. */
  public String shortName() {
    return shortName(benchmark);
  }

  /** The last two dot-separated parts of a fully qualified benchmark method name. */
  static String shortName(String benchmark) {
    int method = benchmark.lastIndexOf('.');
    int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(cls + 1);
  }

  /** The params as {@code name=value} joined by {@code ", "}, sorted by name. */
  public String paramsText() {
    return formatParams(params);
  }

  static String formatParams(Map<String, String> params) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      s.append(s.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
    }
    return s.toString();
  }
}
