package org.cptbench.cluster;

import java.util.Arrays;
import java.util.List;
import org.cptbench.kernel.ExactSearch;
import org.cptbench.kernel.TopK;

/**
 * Exact top-k over a corpus searched in shards (one array task per shard): shard {@code s} holds documents {@code
 * [offsets[s], offsets[s+1])} and returned its own top-k ({@link ExactSearch} over its documents, with {@link
 * #localTieOrder} of the global tie order); {@link #merge} keeps the {@code k} best of their union by score
 * descending, then global tie order ascending, with global document indices.
 *
 * <p>The merge equals {@link ExactSearch} over the whole corpus: a document's score is the same FMA chain whatever
 * other documents are indexed with it, and each document of the global top-k is among the top-k of its own shard
 * (fewer than k documents of that shard precede it in the global order).
 */
public final class ShardedTopK {
  private ShardedTopK() {}

  /**
   * The tie order of documents {@code [from, to)} within their shard: the rank of each one's global tie order among
   * them (a permutation of {@code 0..to-from-1}); null global order means index order.
   */
  public static int[] localTieOrder(int[] global, int from, int to) {
    int n = to - from;
    int[] rank = new int[n];
    if (global == null) {
      for (int j = 0; j < n; j++) {
        rank[j] = j;
      }
      return rank;
    }
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(global[from + a], global[from + b]));
    for (int r = 0; r < n; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  /**
   * Merges the shards' results.
   *
   * @param shards each shard's top-k for the same queries, indices local to the shard
   * @param offsets the first global document index of each shard, plus the corpus size last ({@code
   *     shards.size() + 1} entries, ascending)
   * @param tieOrder the global tie order (as for {@link ExactSearch#index}), or null for index order
   * @param k the number of results per query
   */
  public static TopK merge(List<TopK> shards, int[] offsets, int[] tieOrder, int k) {
    if (offsets.length != shards.size() + 1) {
      throw new IllegalArgumentException(
          offsets.length + " offsets for " + shards.size() + " shards; need one per shard plus the corpus size");
    }
    if (shards.isEmpty() || k < 1) {
      throw new IllegalArgumentException("need at least one shard and k >= 1");
    }
    int q = shards.getFirst().queries();
    int n = offsets[offsets.length - 1];
    int kk = Math.min(k, n);
    int[][] indices = new int[q][];
    float[][] scores = new float[q][];
    for (int i = 0; i < q; i++) {
      int total = 0;
      for (TopK s : shards) {
        if (s.queries() != q) {
          throw new IllegalArgumentException("shards answer " + s.queries() + " and " + q + " queries; need equal");
        }
        total += s.indices()[i].length;
      }
      int[] idx = new int[total];
      float[] sc = new float[total];
      int p = 0;
      for (int s = 0; s < shards.size(); s++) {
        TopK t = shards.get(s);
        for (int r = 0; r < t.indices()[i].length; r++) {
          int global = offsets[s] + t.indices()[i][r];
          if (global >= offsets[s + 1]) {
            throw new IllegalArgumentException("shard " + s + " returned document " + t.indices()[i][r]
                + ", beyond its " + (offsets[s + 1] - offsets[s]) + " documents");
          }
          idx[p] = global;
          sc[p++] = t.scores()[i][r];
        }
      }
      Integer[] order = new Integer[total];
      for (int j = 0; j < total; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> {
        if (sc[a] != sc[b]) {
          return sc[a] > sc[b] ? -1 : 1; // as ExactSearch: -0 and +0 tie
        }
        int ta = tieOrder == null ? idx[a] : tieOrder[idx[a]];
        int tb = tieOrder == null ? idx[b] : tieOrder[idx[b]];
        return Integer.compare(ta, tb);
      });
      int m = Math.min(kk, total);
      indices[i] = new int[m];
      scores[i] = new float[m];
      for (int r = 0; r < m; r++) {
        indices[i][r] = idx[order[r]];
        scores[i][r] = sc[order[r]];
      }
    }
    return new TopK(indices, scores);
  }
}
