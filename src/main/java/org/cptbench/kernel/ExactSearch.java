package org.cptbench.kernel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Exact top-k maximum-inner-product search (brute force, like FAISS {@code IndexFlatIP}) over {@code N} documents of
 * dimension {@code d} stored flat row-major. For L2-normalised vectors the inner product is the cosine similarity.
 *
 * <p>Definition. For query {@code q} and document {@code j} the score is the float FMA chain {@code s = fma(q[p],
 * x_j[p], s)} over {@code p = 0..d-1} from {@code s = +0f} (see {@link Gemm#dotFmaChain}); the result lists the
 * {@code min(k, N)} documents with the highest scores, sorted by score descending and, at equal scores, by {@code
 * tieOrder[j]} ascending. Callers whose document ids are strings pass {@link #tieOrder(List)} so that ties are broken
 * by id in {@link String#compareTo} order (the convention of trec_eval-style run files sorted by score, then doc id);
 * the default tie order is the document index.
 *
 * <p>Algorithm. Documents are packed once into {@link Gemm#NR}-wide micro-panels; queries are processed in blocks of
 * up to 128 (one block per task, tasks shared by a fixed pool of threads). For each document panel the register-tiled
 * Vector API micro-kernel computes an {@code MR x NR} score tile per query micro-panel; each tile row is compared in
 * vector form against the query's heap threshold and only rows with a candidate are offered to the query's bounded
 * heap. {@link #reference} is the straightforward score-everything-and-sort definition and returns identical results.
 */
public final class ExactSearch {
  private static final int MAX_BLOCK_PANELS = 16;

  private final int n;
  private final int d;
  private final float[] packedDocs;
  private final int[] tieOrder;

  private ExactSearch(int n, int d, float[] packedDocs, int[] tieOrder) {
    this.n = n;
    this.d = d;
    this.packedDocs = packedDocs;
    this.tieOrder = tieOrder;
  }

  /**
   * Builds the index over {@code n} documents (row {@code j} at {@code docs[j*d .. j*d+d)}), copying them.
   *
   * @param tieOrder rank of each document in tie-breaking order (a permutation of {@code 0..n-1}), or null for index
   *     order
   */
  public static ExactSearch index(float[] docs, int n, int d, int[] tieOrder) {
    checkShape("docs", docs, n, d);
    checkFinite("docs", docs, n, d);
    int[] ties = checkTieOrder(tieOrder, n);
    return new ExactSearch(n, d, Gemm.packB(docs, 0, 1, d, d, n), ties);
  }

  /** Number of indexed documents. */
  public int size() {
    return n;
  }

  /** Vector dimension. */
  public int dim() {
    return d;
  }

  /** {@link #search(float[], int, int, int)} with one thread per available processor. */
  public TopK search(float[] queries, int q, int k) {
    return search(queries, q, k, Parallel.defaultThreads());
  }

  /** Top-{@code k} documents for each of the {@code q} queries (row-major {@code q x d}), using {@code threads}. */
  public TopK search(float[] queries, int q, int k, int threads) {
    checkShape("queries", queries, q, d);
    checkFinite("queries", queries, q, d);
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + ", need k >= 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + ", need >= 1");
    }
    int kk = Math.min(k, n);
    TopKHeap[] heaps = new TopKHeap[q];
    for (int i = 0; i < q; i++) {
      heaps[i] = new TopKHeap(kk, tieOrder);
    }
    if (kk > 0 && q > 0) {
      float[] packedQueries = Gemm.packA(queries, 0, d, 1, q, d);
      int qPanels = Gemm.panels(q, Gemm.MR);
      int blocks = threads * Gemm.panels(qPanels, threads * MAX_BLOCK_PANELS);
      int panelsPerBlock = Gemm.panels(qPanels, blocks);
      int tasks = Gemm.panels(qPanels, panelsPerBlock);
      Parallel.forEach(
          tasks,
          threads,
          t -> searchBlock(packedQueries, q, t * panelsPerBlock, Math.min(qPanels, (t + 1) * panelsPerBlock), heaps));
    }
    int[][] indices = new int[q][];
    float[][] scores = new float[q][];
    for (int i = 0; i < q; i++) {
      indices[i] = new int[heaps[i].size()];
      scores[i] = new float[heaps[i].size()];
      heaps[i].drainSorted(indices[i], scores[i]);
    }
    return new TopK(indices, scores);
  }

  private void searchBlock(float[] pq, int q, int ip0, int ip1, TopKHeap[] heaps) {
    final int mr = Gemm.MR;
    final int nr = Gemm.NR;
    final int lanes = Gemm.LANES;
    float[] tiles = new float[(ip1 - ip0) * mr * nr];
    int rows = Math.min(q, ip1 * mr) - ip0 * mr;
    int docPanels = Gemm.panels(n, nr);
    for (int jp = 0; jp < docPanels; jp++) {
      for (int k0 = 0; k0 < d; k0 += Gemm.KC) {
        int kLen = Math.min(Gemm.KC, d - k0);
        int pdOff = jp * nr * d + k0 * nr;
        for (int ip = ip0; ip < ip1; ip++) {
          Gemm.kernel(pq, ip * mr * d + k0 * mr, packedDocs, pdOff, kLen, tiles, (ip - ip0) * mr * nr, nr, k0 > 0);
        }
      }
      int doc0 = jp * nr;
      for (int r = 0; r < rows; r++) {
        TopKHeap heap = heaps[ip0 * mr + r];
        float thr = heap.threshold();
        int off = r * nr;
        FloatVector best =
            FloatVector.fromArray(Gemm.SPECIES, tiles, off)
                .max(FloatVector.fromArray(Gemm.SPECIES, tiles, off + lanes));
        if (best.compare(VectorOperators.GE, thr).anyTrue()) {
          int end = Math.min(nr, n - doc0);
          for (int j = 0; j < end; j++) {
            float s = tiles[off + j];
            if (s >= heap.threshold()) {
              heap.offer(s, doc0 + j);
            }
          }
        }
      }
    }
  }

  /**
   * The definition, computed plainly: every score by {@link Gemm#dotFmaChain}, then a full sort by (score
   * descending, tie order ascending), truncated to {@code min(k, n)}.
   */
  public static TopK reference(float[] docs, int n, int d, float[] queries, int q, int k, int[] tieOrder) {
    checkShape("docs", docs, n, d);
    checkShape("queries", queries, q, d);
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + ", need k >= 1");
    }
    int[] ties = checkTieOrder(tieOrder, n);
    int kk = Math.min(k, n);
    int[][] indices = new int[q][kk];
    float[][] scores = new float[q][kk];
    for (int i = 0; i < q; i++) {
      float[] s = new float[n];
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        s[j] = Gemm.dotFmaChain(queries, i * d, docs, j * d, d);
        order[j] = j;
      }
      Arrays.sort(
          order,
          (a, b) -> s[a] > s[b] ? -1 : s[a] < s[b] ? 1 : Integer.compare(ties[a], ties[b]));
      for (int r = 0; r < kk; r++) {
        indices[i][r] = order[r];
        scores[i][r] = s[order[r]];
      }
    }
    return new TopK(indices, scores);
  }

  /**
   * Tie order for string document ids: {@code result[j]} is the rank of {@code ids.get(j)} in {@link
   * String#compareTo} order.
   *
   * @throws IllegalArgumentException if an id is null or occurs twice
   */
  public static int[] tieOrder(List<String> ids) {
    Map<String, Integer> seen = new HashMap<>(ids.size() * 2);
    for (int j = 0; j < ids.size(); j++) {
      String id = ids.get(j);
      if (id == null) {
        throw new IllegalArgumentException("document id at index " + j + " is null");
      }
      Integer prev = seen.putIfAbsent(id, j);
      if (prev != null) {
        throw new IllegalArgumentException(
            "document id '" + id + "' occurs twice (indices " + prev + " and " + j + "); ids must be unique");
      }
    }
    Integer[] order = new Integer[ids.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> ids.get(a).compareTo(ids.get(b)));
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  private static void checkShape(String name, float[] data, int rows, int dim) {
    if (rows < 0) {
      throw new IllegalArgumentException(name + ": rows = " + rows + ", need >= 0");
    }
    if (dim < 1) {
      throw new IllegalArgumentException(name + ": dim = " + dim + ", need >= 1");
    }
    if (data == null || data.length != (long) rows * dim) {
      throw new IllegalArgumentException(
          name + ": " + (data == null ? "null" : data.length + " floats") + ", need rows*dim = " + rows + "*"
              + dim + " = " + (long) rows * dim);
    }
  }

  private static void checkFinite(String name, float[] data, int rows, int dim) {
    for (int i = 0; i < data.length; i++) {
      if (!Float.isFinite(data[i])) {
        throw new IllegalArgumentException(
            name + ": row " + i / dim + " of " + rows + ", component " + i % dim + " is " + data[i]
                + "; vectors must be finite");
      }
    }
  }

  private static int[] checkTieOrder(int[] tieOrder, int n) {
    if (tieOrder == null) {
      int[] identity = new int[n];
      Arrays.setAll(identity, j -> j);
      return identity;
    }
    if (tieOrder.length != n) {
      throw new IllegalArgumentException("tieOrder has " + tieOrder.length + " entries, need one per document (" + n + ")");
    }
    boolean[] used = new boolean[n];
    for (int j = 0; j < n; j++) {
      int r = tieOrder[j];
      if (r < 0 || r >= n || used[r]) {
        throw new IllegalArgumentException(
            "tieOrder[" + j + "] = " + r + " is " + (r < 0 || r >= n ? "out of range" : "repeated")
                + "; need a permutation of 0.." + (n - 1));
      }
      used[r] = true;
    }
    return tieOrder.clone();
  }
}
