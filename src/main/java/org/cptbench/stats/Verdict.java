package org.cptbench.stats;

import java.util.Locale;

/**
 * What the data say about a {@link Claim}, at family-wise level alpha over the suite's claims (Holm-adjusted p):
 * {@code reproduced} when the adjusted p is below alpha and the effect has the expected sign; {@code contradicted}
 * when it is below alpha with the opposite sign; {@code inconclusive} otherwise (the interval is compatible with no
 * effect).
 */
public enum Verdict {
  REPRODUCED,
  CONTRADICTED,
  INCONCLUSIVE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Verdict of(Claim.Direction expected, double effect, double adjustedP, double alpha) {
    if (!(adjustedP < alpha) || effect == 0) {
      return INCONCLUSIVE;
    }
    boolean higher = effect > 0;
    return higher == (expected == Claim.Direction.HIGHER) ? REPRODUCED : CONTRADICTED;
  }
}
