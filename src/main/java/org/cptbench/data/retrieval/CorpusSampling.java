package org.cptbench.data.retrieval;

/**
 * Optional corpus sub-sampling: keep every judged document plus {@code distractors} other documents drawn uniformly
 * without replacement by reservoir sampling (Vitter's Algorithm R) with a {@link java.util.SplittableRandom} seeded
 * with {@code seed}. The choice depends only on the file order of the corpus and the seed (no hash-map iteration
 * order is involved); kept documents stay in file order. {@link #KEEP_ALL} keeps the whole corpus.
 */
public record CorpusSampling(int distractors, long seed) {
  /** No sub-sampling. */
  public static final CorpusSampling KEEP_ALL = new CorpusSampling(-1, 0);

  public CorpusSampling {
    if (distractors < -1) {
      throw new IllegalArgumentException(
          "distractors must be >= 0 (or -1 = keep the whole corpus), got " + distractors);
    }
  }

  /** Keep the judged documents and {@code distractors} random others chosen with {@code seed}. */
  public static CorpusSampling distractors(int distractors, long seed) {
    if (distractors < 0) {
      throw new IllegalArgumentException("distractors must be >= 0, got " + distractors);
    }
    return new CorpusSampling(distractors, seed);
  }

  public boolean keepAll() {
    return distractors < 0;
  }
}
