package org.cptbench.kernel;

/**
 * Result of a top-k search: for query {@code q}, {@code indices[q][r]} is the document of rank {@code r} (0 = best)
 * and {@code scores[q][r]} its inner product. Each row has {@code min(k, N)} entries, sorted by score descending and,
 * at equal scores, by the documents' tie order ascending. Arrays are shared, not copied.
 */
public record TopK(int[][] indices, float[][] scores) {
  public TopK {
    if (indices == null || scores == null) {
      throw new IllegalArgumentException("indices and scores must not be null");
    }
    if (indices.length != scores.length) {
      throw new IllegalArgumentException(
          "indices has " + indices.length + " rows but scores has " + scores.length + "; need equal");
    }
    for (int q = 0; q < indices.length; q++) {
      if (indices[q].length != scores[q].length) {
        throw new IllegalArgumentException(
            "row " + q + ": " + indices[q].length + " indices but " + scores[q].length + " scores; need equal");
      }
    }
  }

  /** Number of queries. */
  public int queries() {
    return indices.length;
  }
}
