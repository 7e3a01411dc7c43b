package org.cptbench.report;

import java.util.Locale;
import java.util.Map;
import org.cptbench.model.EncoderSpec;

/**
 * Throughput in the benchmark's own items and arithmetic rate, derived from a JMH score. First the score becomes
 * {@code ops/s}: a throughput unit {@code ops/T} divided by the seconds of T, a time unit {@code T/op} as
 * {@code 1 / (score * seconds of T)} (modes avgt, sample, ss). Then, per benchmark class of {@code src/jmh/java}
 * (parameters from the result's {@code @Param} values):
 *
 * <ul>
 *   <li>{@code ExactSearchBenchmark}: queries/s = ops/s * queries; GFLOP/s = 2 * docs * dim * queries * ops/s / 1e9
 *   <li>{@code EncoderForwardBenchmark}: sequences/s = ops/s * batch; GFLOP/s = sequences/s * F / 1e9 with F =
 *       {@link EncoderSpec#forwardFlopsPerSequence} of the preset at its maxTokens
 *   <li>{@code TrainStepBenchmark}: pairs/s = ops/s * batch; GFLOP/s = pairs/s * 2 * 3 * F / 1e9 (two sequences per
 *       pair, backward ~ 2x forward; as {@code ./harness bench train})
 *   <li>{@code InfoNceBenchmark}: pairs/s = ops/s * m; GFLOP/s = 3 * 2 * m^2 * dim * ops/s / 1e9
 *   <li>{@code DotProductBenchmark}: GFLOP/s = 2 * length * ops/s / 1e9
 *   <li>{@code TokenizerBenchmark}: texts/s = ops/s * texts
 *   <li>{@code RankingMetricsBenchmark}: queries/s = ops/s * queries
 * </ul>
 *
 * Anything else (another benchmark, a missing or non-numeric parameter, an unknown unit) has no derived value (NaN).
 *
 * @param opsPerSecond the score as operations per second
 * @param rate items per second, NaN when not defined
 * @param rateUnit e.g. {@code queries/s}; empty when {@code rate} is NaN
 * @param gflops 1e9 floating-point operations per second (a multiply-add counts 2), NaN when not defined
 */
public record BenchDerived(double opsPerSecond, double rate, String rateUnit, double gflops) {
  static final BenchDerived NONE = new BenchDerived(Double.NaN, Double.NaN, "", Double.NaN);

  public BenchDerived {
    rateUnit = Double.isNaN(rate) || rateUnit == null ? "" : rateUnit;
  }

  /** The derived values of one result. */
  public static BenchDerived of(String benchmark, Map<String, String> params, double score, String unit) {
    double ops = opsPerSecond(score, unit);
    if (Double.isNaN(ops)) {
      return NONE;
    }
    String shortName = JmhResult.shortName(benchmark);
    String cls = shortName.contains(".") ? shortName.substring(0, shortName.indexOf('.')) : shortName;
    return switch (cls) {
      case "ExactSearchBenchmark" -> {
        double q = num(params, "queries");
        yield new BenchDerived(ops, ops * q, "queries/s", 2 * num(params, "docs") * num(params, "dim") * q * ops / 1e9);
      }
      case "EncoderForwardBenchmark" -> {
        double seqs = ops * num(params, "batch");
        yield new BenchDerived(ops, seqs, "sequences/s", seqs * forwardFlops(params) / 1e9);
      }
      case "TrainStepBenchmark" -> {
        double pairs = ops * num(params, "batch");
        yield new BenchDerived(ops, pairs, "pairs/s", pairs * 2 * 3 * forwardFlops(params) / 1e9);
      }
      case "InfoNceBenchmark" -> {
        double m = num(params, "m");
        yield new BenchDerived(ops, ops * m, "pairs/s", 3 * 2 * m * m * num(params, "dim") * ops / 1e9);
      }
      case "DotProductBenchmark" -> new BenchDerived(ops, Double.NaN, "", 2 * num(params, "length") * ops / 1e9);
      case "TokenizerBenchmark" -> new BenchDerived(ops, ops * num(params, "texts"), "texts/s", Double.NaN);
      case "RankingMetricsBenchmark" ->
          new BenchDerived(ops, ops * num(params, "queries"), "queries/s", Double.NaN);
      default -> new BenchDerived(ops, Double.NaN, "", Double.NaN);
    };
  }

  /** The score in operations per second; NaN for a unit that is neither {@code ops/T} nor {@code T/op}. */
  static double opsPerSecond(double score, String unit) {
    String u = unit.strip();
    int slash = u.indexOf('/');
    if (slash < 0) {
      return Double.NaN;
    }
    String num = u.substring(0, slash);
    String den = u.substring(slash + 1);
    if (num.equals("ops")) {
      return score / seconds(den);
    }
    if (den.equals("op")) {
      return 1 / (score * seconds(num));
    }
    return Double.NaN;
  }

  /** Seconds in one JMH time unit ({@code ns us ms s min hr day}); NaN for anything else. */
  static double seconds(String timeUnit) {
    return switch (timeUnit.toLowerCase(Locale.ROOT)) {
      case "ns" -> 1e-9;
      case "us", "µs" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "min" -> 60;
      case "hr" -> 3600;
      case "day" -> 86400;
      default -> Double.NaN;
    };
  }

  private static double num(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Forward FLOPs of one full-length sequence of the {@code preset} param; NaN for an unknown preset. */
  private static double forwardFlops(Map<String, String> params) {
    String preset = params.get("preset");
    if (preset == null || !EncoderSpec.PRESETS.containsKey(preset)) {
      return Double.NaN;
    }
    EncoderSpec spec = EncoderSpec.preset(preset);
    return spec.forwardFlopsPerSequence(spec.maxTokens());
  }
}
