package org.cptbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tests a family of claims: each claim's paired (two-level) bootstrap comparison ({@link PairedBootstrap}), Holm's
 * adjustment of the p-values across all claims of the family ({@link HolmBonferroni}), and a {@link Verdict} at
 * family-wise level {@code alpha}. Each claim gets its own bootstrap stream ({@code seed + index}), so adding a claim
 * does not change the others' numbers except through the Holm adjustment.
 */
public final class ClaimEvaluator {
  public static final double DEFAULT_ALPHA = 0.05;

  /** A claim with the per-item evidence of its two configurations on its task group. */
  public record Input(Claim claim, List<TaskSample> tasks) {
    public Input {
      Objects.requireNonNull(claim, "claim");
      tasks = List.copyOf(tasks);
      if (tasks.isEmpty()) {
        throw new IllegalArgumentException("claim " + claim.id() + ": no tasks with per-item scores");
      }
    }
  }

  private final PairedBootstrap bootstrap;
  private final double alpha;

  public ClaimEvaluator(PairedBootstrap bootstrap, double alpha) {
    this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha: " + alpha + "; allowed: strictly between 0 and 1");
    }
    this.alpha = alpha;
  }

  public List<ClaimResult> evaluate(List<Input> claims) {
    List<Comparison> comparisons = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      PairedBootstrap b =
          new PairedBootstrap(bootstrap.resamples(), bootstrap.seed() + i, bootstrap.confidence());
      comparisons.add(b.compare(claims.get(i).tasks()));
    }
    double[] p = comparisons.stream().mapToDouble(Comparison::pValue).toArray();
    double[] adjusted = HolmBonferroni.adjust(p);
    List<ClaimResult> out = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i).claim();
      Comparison cmp = comparisons.get(i);
      out.add(new ClaimResult(c, cmp, adjusted[i], Verdict.of(c.expected(), cmp.effect(), adjusted[i], alpha)));
    }
    return out;
  }
}
