package org.cptbench.data.senteval;

import java.util.Objects;

/**
 * One sentence-pair classification sample (MRPC): the two sentences and the class index (MRPC: 1 = paraphrase,
 * 0 = not a paraphrase, the {@code Quality} column of the corpus).
 */
public record TextPair(String first, String second, int label) {
  public TextPair {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
  }
}
