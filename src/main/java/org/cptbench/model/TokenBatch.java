package org.cptbench.model;

/**
 * A batch of token-id sequences (delimiters already added) padded on the right to the longest one, with the
 * pooling weights of each position: for {@link Pooling#EOS} a one-hot at the end delimiter (the last real token),
 * for {@link Pooling#MEAN} {@code 1/len} over the real tokens.
 *
 * @param ids row-major {@code [size, length]} token ids
 * @param poolWeights row-major {@code [size, length]} pooling weights (zero on padding)
 * @param lengths real (unpadded) length of each sequence
 * @param size number of sequences
 * @param length padded length
 * @param padded whether any sequence is shorter than {@code length}
 */
public record TokenBatch(
    long[] ids, float[] poolWeights, int[] lengths, int size, int length, boolean padded) {

  /** Pads {@code sequences[from..to)} with {@code padId}. */
  public static TokenBatch of(int[][] sequences, int from, int to, int padId, Pooling pooling) {
    int n = to - from;
    if (n <= 0) {
      throw new IllegalArgumentException("empty batch");
    }
    int t = 0;
    for (int i = from; i < to; i++) {
      if (sequences[i].length == 0) {
        throw new IllegalArgumentException("empty sequence at " + i);
      }
      t = Math.max(t, sequences[i].length);
    }
    long[] ids = new long[n * t];
    float[] pool = new float[n * t];
    int[] lengths = new int[n];
    boolean padded = false;
    for (int b = 0; b < n; b++) {
      int[] s = sequences[from + b];
      lengths[b] = s.length;
      padded |= s.length < t;
      for (int j = 0; j < t; j++) {
        ids[b * t + j] = j < s.length ? s[j] : padId;
      }
      if (pooling == Pooling.EOS) {
        pool[b * t + s.length - 1] = 1f;
      } else {
        float w = 1f / s.length;
        for (int j = 0; j < s.length; j++) {
          pool[b * t + j] = w;
        }
      }
    }
    return new TokenBatch(ids, pool, lengths, n, t, padded);
  }

  /** Pads all of {@code sequences}. */
  public static TokenBatch of(int[][] sequences, int padId, Pooling pooling) {
    return of(sequences, 0, sequences.length, padId, pooling);
  }
}
