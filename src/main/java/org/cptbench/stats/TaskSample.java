package org.cptbench.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The per-item evidence of two configurations on one task: for each training seed of configuration A and of
 * configuration B, the task's metric as an {@link ItemStatistic} over the same test items (item {@code i} is the same
 * query / pair / test example in every statistic). {@code strata} assigns every item to a resampling stratum: all
 * zeros for a plain test set, the fold index for cross-validated probes (items are then resampled within folds).
 */
public record TaskSample(String task, List<ItemStatistic> a, List<ItemStatistic> b, int[] strata) {
  public TaskSample {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(strata, "strata");
    if (a.isEmpty() || b.isEmpty()) {
      throw new IllegalArgumentException(task + ": need at least one seed per configuration, got " + a.size()
          + " and " + b.size());
    }
    a = List.copyOf(a);
    b = List.copyOf(b);
    for (ItemStatistic s : a) {
      checkSize(task, s, strata.length);
    }
    for (ItemStatistic s : b) {
      checkSize(task, s, strata.length);
    }
    for (int s : strata) {
      if (s < 0) {
        throw new IllegalArgumentException(task + ": negative stratum " + s);
      }
    }
    strata = strata.clone();
  }

  /** One seed per side, one stratum: the plain paired comparison. */
  public static TaskSample paired(String task, ItemStatistic a, ItemStatistic b) {
    return new TaskSample(task, List.of(a), List.of(b), new int[a.size()]);
  }

  /** Several seeds per side, one stratum. */
  public static TaskSample seeded(String task, List<ItemStatistic> a, List<ItemStatistic> b) {
    return new TaskSample(task, a, b, new int[a.getFirst().size()]);
  }

  /** Cross-validated probes: items resampled within their folds. */
  public static TaskSample folded(String task, List<ItemStatistic> a, List<ItemStatistic> b, int[] folds) {
    return new TaskSample(task, a, b, folds);
  }

  public int items() {
    return strata.length;
  }

  @Override
  public int[] strata() {
    return strata.clone();
  }

  /** Item indices of each stratum, in item order. */
  int[][] strataMembers() {
    int k = Arrays.stream(strata).max().orElse(0) + 1;
    int[] sizes = new int[k];
    for (int s : strata) {
      sizes[s]++;
    }
    int[][] members = new int[k][];
    for (int s = 0; s < k; s++) {
      members[s] = new int[sizes[s]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < strata.length; i++) {
      members[strata[i]][fill[strata[i]]++] = i;
    }
    return members;
  }

  private static void checkSize(String task, ItemStatistic s, int n) {
    if (s.size() != n) {
      throw new IllegalArgumentException(task + ": a statistic covers " + s.size() + " items, the task has " + n
          + "; both configurations must be scored on the same items");
    }
  }
}
