package org.cptbench.stats;

/**
 * A task's main metric as a function of a bootstrap resample of its test items. A resample is given as
 * multiplicities: {@code counts[i]} is how often item {@code i} was drawn (all ones = the observed test set).
 * Implementations precompute what they can so that one evaluation costs O(items).
 */
public interface ItemStatistic {
  /** Number of test items. */
  int size();

  /** The metric on the multiset of items where item {@code i} occurs {@code counts[i]} times. */
  double value(int[] counts);

  /** How the metric is computed, for result files. */
  String definition();

  /** The metric on the observed items (every count 1). */
  default double observed() {
    int[] ones = new int[size()];
    java.util.Arrays.fill(ones, 1);
    return value(ones);
  }
}
