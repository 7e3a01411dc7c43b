package org.cptbench.data.sts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cptbench.data.LoadReport;

/**
 * Scored pairs of one STS data set and split, grouped by subset. SemEval STS12..16 have one subset per source (e.g.
 * STS12: MSRpar, MSRvid, SMTeuroparl, surprise.OnWN, surprise.SMTnews); SentEval reports Spearman/Pearson per subset
 * and their plain and size-weighted means. STS-B and SICK have a single subset named after the split.
 */
public record StsData(
    String name, String layout, String split, Map<String, List<ScoredPair>> subsets, LoadReport report) {
  public StsData {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(report, "report");
    if (subsets.isEmpty()) {
      throw new IllegalArgumentException("subsets must not be empty for " + name);
    }
    Map<String, List<ScoredPair>> copy = new LinkedHashMap<>();
    subsets.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            throw new IllegalArgumentException("subset " + k + " of " + name + " has no scored pairs");
          }
          copy.put(k, List.copyOf(v));
        });
    subsets = Collections.unmodifiableMap(copy);
  }

  /**
   * The loaders' check before building: a file that gave no scored pair (empty, or every line without a gold score)
   * is the user's error, named with its file.
   */
  static void requireScoredPairs(Path folder, Map<String, java.nio.file.Path> files, Map<String, List<ScoredPair>> subsets) {
    subsets.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            throw new org.cptbench.CptbenchException(
                files.getOrDefault(k, folder) + ": no scored sentence pairs (an empty file, or no line with a gold"
                    + " score)");
          }
        });
  }

  /** All pairs of all subsets, subset by subset. */
  public List<ScoredPair> allPairs() {
    List<ScoredPair> out = new ArrayList<>();
    subsets.values().forEach(out::addAll);
    return out;
  }

  /** The total number of scored pairs. */
  public int size() {
    return subsets.values().stream().mapToInt(List::size).sum();
  }
}
