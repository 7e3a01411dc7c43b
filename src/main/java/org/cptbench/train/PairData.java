package org.cptbench.train;

/**
 * Tokenised training pairs: {@code x[i]} and {@code y[i]} are token ids with their side's delimiters.
 */
public record PairData(int[][] xs, int[][] ys) {
  public PairData {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException(xs.length + " x sequences but " + ys.length + " y sequences");
    }
  }

  public int size() {
    return xs.length;
  }

  int[][] x(int[] idx) {
    int[][] out = new int[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = xs[idx[i]];
    }
    return out;
  }

  int[][] y(int[] idx) {
    int[][] out = new int[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = ys[idx[i]];
    }
    return out;
  }
}
