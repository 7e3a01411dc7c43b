package org.cptbench.stats;

/**
 * One row of a claims table.
 *
 * @param claim the hypothesis
 * @param comparison effect, interval, raw p-value and seed spread (metric units: fractions / correlations)
 * @param adjustedP Holm-adjusted p across the evaluated claims
 * @param verdict reproduced / contradicted / inconclusive at level alpha
 */
public record ClaimResult(Claim claim, Comparison comparison, double adjustedP, Verdict verdict) {
  /** The effect A - B in points (x 100). */
  public double effectPoints() {
    return 100 * comparison.effect();
  }

  public double ciLowPoints() {
    return 100 * comparison.ciLow();
  }

  public double ciHighPoints() {
    return 100 * comparison.ciHigh();
  }
}
