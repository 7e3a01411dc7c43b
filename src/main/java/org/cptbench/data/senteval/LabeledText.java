package org.cptbench.data.senteval;

import java.util.Objects;

/**
 * One classification sample: a sentence and its class index ({@code 0 <= label}). The text may be empty: SentEval
 * keeps the empty lines of CR and MPQA as samples (its {@code loadFile} is {@code f.read().splitlines()}), which is
 * how it arrives at the published sizes CR 3775 and MPQA 10606.
 */
public record LabeledText(String text, int label) {
  public LabeledText {
    Objects.requireNonNull(text, "text");
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
  }
}
