package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClaimEvaluatorTest {
  static final ClaimEvaluator EVAL = new ClaimEvaluator(new PairedBootstrap(10_000, 11, 0.95), 0.05);

  /** 200 items; A = B + shift + noise. */
  static TaskSample sample(String task, double shift, double noise, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[200];
    double[] b = new double[200];
    for (int i = 0; i < 200; i++) {
      b[i] = rng.nextDouble();
      a[i] = b[i] + shift + noise * (rng.nextDouble() - 0.5);
    }
    return TaskSample.paired(task, new MeanScore(a), new MeanScore(b));
  }

  static Claim claim(String id, Claim.Direction d) {
    return new Claim(id, "paper sentence " + id, "A", "B", d);
  }

  @Test
  void verdictsFollowSignAndAdjustedP() {
    List<ClaimResult> r = EVAL.evaluate(List.of(
        new ClaimEvaluator.Input(claim("up", Claim.Direction.HIGHER), List.of(sample("s", 0.05, 0.2, 1))),
        new ClaimEvaluator.Input(claim("down", Claim.Direction.LOWER), List.of(sample("s", 0.05, 0.2, 2))),
        new ClaimEvaluator.Input(claim("none", Claim.Direction.HIGHER), List.of(sample("s", 0.0, 0.2, 3)))));
    assertEquals(Verdict.REPRODUCED, r.get(0).verdict());
    assertEquals(Verdict.CONTRADICTED, r.get(1).verdict());
    assertEquals(Verdict.INCONCLUSIVE, r.get(2).verdict());
    assertEquals(100 * r.get(0).comparison().effect(), r.get(0).effectPoints(), 1e-12);
    for (ClaimResult c : r) {
      assertEquals(true, c.adjustedP() >= c.comparison().pValue());
    }
  }

  @Test
  void holmTurnsAMarginalFindingInconclusive() {
    // verdict from the raw p alone vs within a family of four whose other members are null
    double[] p = {0.02, 0.5, 0.6, 0.7};
    double[] adj = HolmBonferroni.adjust(p);
    assertEquals(0.08, adj[0], 1e-12);
    assertEquals(Verdict.REPRODUCED, Verdict.of(Claim.Direction.HIGHER, 0.01, p[0], 0.05));
    assertEquals(Verdict.INCONCLUSIVE, Verdict.of(Claim.Direction.HIGHER, 0.01, adj[0], 0.05));
  }

  @Test
  void parsesDirections() {
    assertEquals(Claim.Direction.LOWER, Claim.Direction.parse(" Lower "));
    assertThrows(IllegalArgumentException.class, () -> Claim.Direction.parse("better"));
  }
}
