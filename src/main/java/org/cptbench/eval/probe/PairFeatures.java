package org.cptbench.eval.probe;

import org.cptbench.CptbenchException;

/**
 * Features of a sentence pair from the two sentence embeddings {@code u} and {@code v} (row {@code i} of each is
 * one pair), concatenated in the order of the {@link Layout}.
 */
public final class PairFeatures {
  private PairFeatures() {}

  /** Which blocks, in order; every block has the embedding width {@code d}. */
  public enum Layout {
    /**
     * {@code [|u-v|, u*v]} (width 2d): SentEval's MRPC ({@code senteval/mrpc.py}: {@code np.c_[np.abs(trainA -
     * trainB), trainA * trainB]}).
     */
    SENTEVAL_MRPC("[|u-v|, u*v]"),
    /** {@code [u, v, |u-v|, u*v]} (width 4d): SentEval's SICK-E and SNLI, InferSent's pair classifier. */
    FULL("[u, v, |u-v|, u*v]");

    private final String formula;

    Layout(String formula) {
      this.formula = formula;
    }

    /** The layout as a formula, e.g. {@code [|u-v|, u*v]}. */
    public String formula() {
      return formula;
    }
  }

  /** Pair features of float embeddings. */
  public static double[][] build(float[][] u, float[][] v, Layout layout) {
    return build(Features.toDouble("pair features u", u), Features.toDouble("pair features v", v), layout);
  }

  /**
   * Pair features: row {@code i} is the blocks of {@code layout} computed from {@code u[i]} and {@code v[i]}.
   *
   * @throws CptbenchException when {@code u} and {@code v} differ in row count or width, or are empty/ragged
   */
  public static double[][] build(double[][] u, double[][] v, Layout layout) {
    Features.check("pair features u", u);
    Features.check("pair features v", v);
    if (u.length != v.length) {
      throw new CptbenchException(
          "pair features: " + u.length + " first sentences but " + v.length + " second sentences (need one each)");
    }
    Features.checkSameWidth("pair features v", u, v);
    int d = u[0].length;
    boolean full = layout == Layout.FULL;
    int blocks = full ? 4 : 2;
    double[][] out = new double[u.length][];
    for (int i = 0; i < u.length; i++) {
      double[] a = u[i];
      double[] b = v[i];
      double[] row = new double[blocks * d];
      int off = 0;
      if (full) {
        System.arraycopy(a, 0, row, 0, d);
        System.arraycopy(b, 0, row, d, d);
        off = 2 * d;
      }
      for (int j = 0; j < d; j++) {
        row[off + j] = Math.abs(a[j] - b[j]);
        row[off + d + j] = a[j] * b[j];
      }
      out[i] = row;
    }
    return out;
  }
}
