package org.cptbench.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cptbench.CptbenchException;
import org.cptbench.kernel.ExactSearch;
import org.cptbench.kernel.TopK;
import org.junit.jupiter.api.Test;

/**
 * Shards and the merge of per-shard top-k results: for random corpora with many exactly tied scores (duplicated
 * and zero vectors), string-id tie order, uneven shards (some smaller than k), the merge equals ExactSearch over the
 * whole corpus, indices and scores bit for bit.
 */
class ShardedTopKTest {
  @Test
  void shardsCoverTheInputInOrder() {
    for (int n : new int[] {0, 1, 7, 100, 1001}) {
      for (int count = 1; count <= 9; count++) {
        int next = 0;
        for (int i = 0; i < count; i++) {
          Shard s = new Shard(i, count);
          assertEquals(next, s.from(n));
          next = s.to(n);
        }
        assertEquals(n, next);
      }
    }
    assertEquals(new Shard(2, 5), Shard.parse("2/5"));
    assertEquals(Path.of("/x/emb.shard-2-of-5.npy"), new Shard(2, 5).file(Path.of("/x/emb.npy")));
    assertEquals(Path.of("emb.shard-0-of-1"), new Shard(0, 1).file(Path.of("emb")));
    var e = assertThrows(CptbenchException.class, () -> Shard.parse("5/5"));
    assertEquals("--shard: index 5 must be in 0..4 (0-based)", e.getMessage());
    assertThrows(CptbenchException.class, () -> Shard.parse("1-of-4"));
    assertThrows(CptbenchException.class, () -> Shard.parse("0/0"));
  }

  @Test
  void mergedTopKEqualsExactSearchOverTheWholeCorpus() {
    long seed = new Random().nextLong();
    Random rnd = new Random(seed);
    for (int round = 0; round < 30; round++) {
      int n = 1 + rnd.nextInt(300);
      int d = 1 + rnd.nextInt(24);
      int q = 1 + rnd.nextInt(12);
      int k = 1 + rnd.nextInt(40);
      float[] docs = new float[n * d];
      for (int j = 0; j < n; j++) {
        int kind = rnd.nextInt(5);
        for (int p = 0; p < d; p++) {
          docs[j * d + p] = kind == 0 && j > 0 ? docs[(j - 1) * d + p] // a duplicate: tied scores
              : kind == 1 ? 0f : (float) rnd.nextGaussian();
        }
      }
      float[] queries = new float[q * d];
      for (int i = 0; i < q * d; i++) {
        queries[i] = rnd.nextInt(4) == 0 ? 1f : (float) rnd.nextGaussian();
      }
      List<String> ids = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        ids.add("doc" + rnd.nextInt(1_000_000) + "-" + j);
      }
      int[] ties = rnd.nextBoolean() ? ExactSearch.tieOrder(ids) : null;
      TopK whole = ExactSearch.index(docs, n, d, ties).search(queries, q, k, 1);

      int count = 1 + rnd.nextInt(Math.min(n, 9));
      List<TopK> parts = new ArrayList<>();
      int[] offsets = new int[count + 1];
      for (int s = 0; s < count; s++) {
        Shard shard = new Shard(s, count);
        int from = shard.from(n);
        int to = shard.to(n);
        offsets[s] = from;
        offsets[s + 1] = to;
        float[] part = java.util.Arrays.copyOfRange(docs, from * d, to * d);
        parts.add(ExactSearch.index(part, to - from, d, ShardedTopK.localTieOrder(ties, from, to))
            .search(queries, q, k, 1));
      }
      TopK merged = ShardedTopK.merge(parts, offsets, ties, k);
      String where = "seed " + seed + " round " + round + " (n=" + n + ", shards=" + count + ", k=" + k + ")";
      for (int i = 0; i < q; i++) {
        assertArrayEquals(whole.indices()[i], merged.indices()[i], where + " query " + i);
        assertArrayEquals(whole.scores()[i], merged.scores()[i], where + " query " + i);
      }
    }
  }
}
