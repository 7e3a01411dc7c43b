package org.cptbench.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSearchTest {
  @Test
  void handExampleWithTiesBrokenByDocId() {
    // docs: 0=(1,0) 1=(0,1) 2=(1,0) duplicate of 0, 3=(0.6,0.8); query (1,0) scores 1, 0, 1, 0.6
    float[] docs = {1, 0, 0, 1, 1, 0, 0.6f, 0.8f};
    float[] query = {1, 0};
    TopK byIndex = ExactSearch.index(docs, 4, 2, null).search(query, 1, 3, 1);
    assertArrayEquals(new int[] {0, 2, 3}, byIndex.indices()[0]);
    assertArrayEquals(new float[] {1f, 1f, 0.6f}, byIndex.scores()[0]);
    // ids "d", "x", "a", "m": doc 2 ("a") sorts before doc 0 ("d")
    int[] ties = ExactSearch.tieOrder(List.of("d", "x", "a", "m"));
    assertArrayEquals(new int[] {1, 3, 0, 2}, ties);
    TopK byId = ExactSearch.index(docs, 4, 2, ties).search(query, 1, 3, 1);
    assertArrayEquals(new int[] {2, 0, 3}, byId.indices()[0]);
    assertArrayEquals(new int[] {2, 0, 3}, ExactSearch.reference(docs, 4, 2, query, 1, 3, ties).indices()[0]);
  }

  @Test
  void kLargerThanCorpusReturnsEveryDocument() {
    float[] docs = {0.1f, 0.9f, 0.5f};
    float[] query = {1};
    TopK r = ExactSearch.index(docs, 3, 1, null).search(query, 1, 10, 2);
    assertArrayEquals(new int[] {1, 2, 0}, r.indices()[0]);
    assertArrayEquals(new float[] {0.9f, 0.5f, 0.1f}, r.scores()[0]);
  }

  @Test
  void optimisedEqualsReferenceOnRandomData() {
    int[][] configs = { // n, d, q, k, threads
      {1, 1, 1, 1, 1}, {5, 3, 7, 10, 2}, {31, 17, 9, 4, 1}, {33, 16, 8, 33, 3}, {100, 100, 50, 10, 2},
      {1037, 37, 130, 100, 2}, {700, 300, 17, 25, 2}, {2000, 64, 300, 5, 3}
    };
    for (int[] c : configs) {
      long seed = 31L * c[0] + 7L * c[1] + c[2];
      checkAgainstReference(seed, c[0], c[1], c[2], c[3], c[4], false);
      checkAgainstReference(seed + 1, c[0], c[1], c[2], c[3], c[4], true);
    }
  }

  @Test
  void manyExactTiesFromQuantisedVectors() {
    // components in {-1, 0, 1}: integer scores, so most candidates tie with others at the same score
    for (int rep = 0; rep < 4; rep++) {
      long seed = 99L + rep;
      Random rnd = new Random(seed);
      int n = 517;
      int d = 5;
      int q = 41;
      float[] docs = new float[n * d];
      float[] queries = new float[q * d];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = rnd.nextInt(3) - 1;
      }
      for (int i = 0; i < queries.length; i++) {
        queries[i] = rnd.nextInt(3) - 1;
      }
      int[] ties = rep % 2 == 0 ? null : permutation(rnd, n);
      TopK ref = ExactSearch.reference(docs, n, d, queries, q, 60, ties);
      TopK got = ExactSearch.index(docs, n, d, ties).search(queries, q, 60, 2);
      assertSame(ref, got, "seed " + seed);
    }
  }

  private static void checkAgainstReference(long seed, int n, int d, int q, int k, int threads, boolean shuffleTies) {
    Random rnd = new Random(seed);
    float[] docs = new float[n * d];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = (float) rnd.nextGaussian();
    }
    // exact ties: about a tenth of the documents duplicate another document
    for (int j = 1; j < n; j++) {
      if (rnd.nextInt(10) == 0) {
        System.arraycopy(docs, rnd.nextInt(j) * d, docs, j * d, d);
      }
    }
    VectorOps.normalizeRows(docs, n, d);
    float[] queries = new float[q * d];
    for (int i = 0; i < q; i++) {
      int src = rnd.nextInt(n);
      for (int p = 0; p < d; p++) {
        queries[i * d + p] = docs[src * d + p] + 0.3f * (float) rnd.nextGaussian();
      }
    }
    VectorOps.normalizeRows(queries, q, d);
    int[] ties = shuffleTies ? permutation(rnd, n) : null;
    String where = "seed " + seed + " n=" + n + " d=" + d + " q=" + q + " k=" + k + " threads=" + threads;
    TopK ref = ExactSearch.reference(docs, n, d, queries, q, k, ties);
    TopK got = ExactSearch.index(docs, n, d, ties).search(queries, q, k, threads);
    assertSame(ref, got, where);
    for (int i = 0; i < q; i++) {
      for (int r = 0; r < got.indices()[i].length; r++) {
        int doc = got.indices()[i][r];
        double exact = 0;
        for (int p = 0; p < d; p++) {
          exact += (double) queries[i * d + p] * docs[doc * d + p];
        }
        assertEquals(exact, got.scores()[i][r], 1e-5, where + " query " + i + " rank " + r);
      }
    }
  }

  private static void assertSame(TopK ref, TopK got, String where) {
    assertEquals(ref.queries(), got.queries(), where);
    for (int i = 0; i < ref.queries(); i++) {
      assertArrayEquals(ref.indices()[i], got.indices()[i], where + " query " + i + " indices");
      assertArrayEquals(ref.scores()[i], got.scores()[i], where + " query " + i + " scores");
    }
  }

  private static int[] permutation(Random rnd, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Test
  void rejectsBadInput() {
    float[] docs = {1, 0, 0, 1};
    IllegalArgumentException nan =
        assertThrows(IllegalArgumentException.class, () -> ExactSearch.index(new float[] {1, Float.NaN}, 1, 2, null));
    assertTrue(nan.getMessage().contains("row 0"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExactSearch.index(docs, 3, 2, null));
    IllegalArgumentException perm =
        assertThrows(IllegalArgumentException.class, () -> ExactSearch.index(docs, 2, 2, new int[] {1, 1}));
    assertTrue(perm.getMessage().contains("tieOrder[1] = 1 is repeated"), perm.getMessage());
    ExactSearch idx = ExactSearch.index(docs, 2, 2, null);
    assertThrows(IllegalArgumentException.class, () -> idx.search(new float[] {1, 0}, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> idx.search(new float[] {1, 0, 1}, 1, 1, 1));
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class, () -> ExactSearch.tieOrder(List.of("a", "b", "a")));
    assertTrue(dup.getMessage().contains("'a' occurs twice (indices 0 and 2)"), dup.getMessage());
  }
}
