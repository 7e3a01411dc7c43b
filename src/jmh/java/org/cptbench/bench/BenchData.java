package org.cptbench.bench;

import java.util.SplittableRandom;
import org.cptbench.kernel.VectorOps;

/** Seeded synthetic data shared by the benchmarks, generated like the peer retrieval_peer.py does. */
final class BenchData {
  private BenchData() {}

  /** {@code rows x dim} standard-normal floats (flat row-major), each row L2-normalised. */
  static float[] unitRows(SplittableRandom rnd, int rows, int dim) {
    float[] a = gaussian(rnd, rows * dim);
    VectorOps.normalizeRows(a, rows, dim);
    return a;
  }

  static float[] gaussian(SplittableRandom rnd, int len) {
    float[] a = new float[len];
    for (int i = 0; i < len; i++) {
      a[i] = (float) gaussian(rnd);
    }
    return a;
  }

  /** Standard normal by Box-Muller from a SplittableRandom (reproducible across JDK versions). */
  static double gaussian(SplittableRandom rnd) {
    double u1 = 1.0 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * Queries that are noisy copies of random documents ({@code x_src + 0.5 * e / sqrt(dim)}, e standard normal),
   * normalised; {@code sources[i]} receives the source document of query i.
   */
  static float[] noisyQueries(SplittableRandom rnd, float[] docs, int n, int dim, int q, int[] sources) {
    float[] qs = new float[q * dim];
    double noise = 0.5 / Math.sqrt(dim);
    for (int i = 0; i < q; i++) {
      int src = rnd.nextInt(n);
      sources[i] = src;
      for (int p = 0; p < dim; p++) {
        qs[i * dim + p] = docs[src * dim + p] + (float) (noise * gaussian(rnd));
      }
    }
    VectorOps.normalizeRows(qs, q, dim);
    return qs;
  }
}
