package org.cptbench.data.sts;

import java.util.Objects;

/** A sentence pair with its gold similarity score (STS: 0..5, SICK relatedness: 1..5). */
public record ScoredPair(String s1, String s2, double score) {
  public ScoredPair {
    Objects.requireNonNull(s1, "s1");
    Objects.requireNonNull(s2, "s2");
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be a finite number, got " + score);
    }
  }
}
