package org.cptbench.report;

import java.util.Locale;

/**
 * The mean over seeds of one score and its seed noise: the sample standard deviation (divisor n - 1), NaN when
 * fewer than two seeds have the score. {@code n} counts the seeds with a value; a NaN mean means no seed has one.
 */
public record MeanStd(double mean, double std, int n) {
  public static final MeanStd NONE = new MeanStd(Double.NaN, Double.NaN, 0);

  public MeanStd {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (n < 2) {
      std = Double.NaN;
    }
  }

  public boolean present() {
    return n > 0 && Double.isFinite(mean);
  }

  /** {@code 71.3 ± 1.4} (one decimal), just the mean with one seed, an em dash with none. */
  public String format() {
    if (!present()) {
      return "—";
    }
    return Double.isNaN(std)
        ? String.format(Locale.ROOT, "%.1f", mean)
        : String.format(Locale.ROOT, "%.1f ± %.1f", mean, std);
  }
}
