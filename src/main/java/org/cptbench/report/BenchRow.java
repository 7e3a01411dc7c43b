package org.cptbench.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the benchmark results table ({@code reports/bench/results.csv}): a JMH result with its derived values
 * ({@link BenchDerived}) and where it came from. Rows are keyed by {@link #key()}: (benchmark, params).
 *
 * @param benchmark class and method, e.g. {@code ExactSearchBenchmark.search}
 * @param params {@code name=value} pairs sorted by name, joined by {@code ", "} (empty without params)
 * @param mode JMH mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param score JMH score in {@code unit}
 * @param error 99.9% confidence half-width in {@code unit}, NaN when JMH gave none
 * @param unit JMH score unit
 * @param rate derived items per second (NaN when not defined)
 * @param rateUnit unit of {@code rate}, e.g. {@code queries/s} (empty when not defined)
 * @param gflops derived GFLOP/s (NaN when not defined)
 * @param recorded when the result was recorded (last modification of its JMH JSON file), whole seconds
 * @param jdk JDK of the benchmark JVM
 * @param jmh JMH version
 * @param cpu CPU model of the machine that wrote the report
 */
public record BenchRow(
    String benchmark,
    String params,
    String mode,
    double score,
    double error,
    String unit,
    double rate,
    String rateUnit,
    double gflops,
    Instant recorded,
    String jdk,
    String jmh,
    String cpu) {

  public BenchRow {
    requireText("benchmark", benchmark);
    Objects.requireNonNull(params, "params");
    requireText("mode", mode);
    requireText("unit", unit);
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score: " + score + " for " + benchmark + "; must be a finite number");
    }
    Objects.requireNonNull(recorded, "recorded");
    rateUnit = rateUnit == null ? "" : rateUnit;
    jdk = jdk == null ? "" : jdk;
    jmh = jmh == null ? "" : jmh;
    cpu = cpu == null ? "" : cpu;
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": must be non-empty, got " + (value == null ? "null" : "''"));
    }
  }

  /** A row of a JMH result recorded at {@code recorded} on the machine with CPU {@code cpu}. */
  public static BenchRow of(JmhResult r, Instant recorded, String cpu) {
    BenchDerived d = BenchDerived.of(r.benchmark(), r.params(), r.score(), r.unit());
    return new BenchRow(
        r.shortName(), r.paramsText(), r.mode(), r.score(), r.error(), r.unit(), d.rate(), d.rateUnit(), d.gflops(),
        recorded, r.jdk(), r.jmhVersion(), cpu);
  }

  /** The merge key: benchmark and params (a newer result in another mode replaces an older one). */
  public Key key() {
    return new Key(benchmark, params);
  }

  /** The identity of a row in {@code results.csv}. */
  public record Key(String benchmark, String params) {}
}
