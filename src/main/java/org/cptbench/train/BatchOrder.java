package org.cptbench.train;

import java.util.SplittableRandom;

/**
 * Seeded shuffling without replacement: epoch e is a Fisher-Yates permutation of the pairs drawn from seed stream
 * {@code 2 + e}; each epoch yields {@code floor(n / batch)} batches (the remainder is dropped, so no pair appears
 * twice in one batch). The batch of step s (1-based) depends only on (seed, s).
 */
final class BatchOrder {
  private final int n;
  private final int batch;
  private final long seed;
  private int cachedEpoch = -1;
  private int[] perm;

  BatchOrder(int n, int batch, long seed) {
    this.n = n;
    this.batch = batch;
    this.seed = seed;
  }

  int[] batch(int step) {
    int perEpoch = n / batch;
    int epoch = (step - 1) / perEpoch;
    int within = (step - 1) % perEpoch;
    if (epoch != cachedEpoch) {
      perm = permutation(epoch);
      cachedEpoch = epoch;
    }
    int[] out = new int[batch];
    System.arraycopy(perm, within * batch, out, 0, batch);
    return out;
  }

  private int[] permutation(int epoch) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, 2L + epoch));
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
