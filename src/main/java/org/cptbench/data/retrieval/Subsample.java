package org.cptbench.data.retrieval;

/**
 * How a corpus was sub-sampled by {@link CorpusSampling}: the number of documents in the source file, the judged
 * documents kept (all that occur in the source), the random distractors kept and the seed that chose them.
 */
public record Subsample(long sourceDocuments, int judgedKept, int distractorsKept, long seed) {
  public Subsample {
    if (sourceDocuments < 0 || judgedKept < 0 || distractorsKept < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got sourceDocuments="
              + sourceDocuments
              + " judgedKept="
              + judgedKept
              + " distractorsKept="
              + distractorsKept);
    }
    if ((long) judgedKept + distractorsKept > sourceDocuments) {
      throw new IllegalArgumentException(
          "kept documents (" + judgedKept + " + " + distractorsKept + ") exceed sourceDocuments " + sourceDocuments);
    }
  }
}
