package org.cptbench.data.senteval;

import org.cptbench.data.PyText;

/** Text clean-up shared by the SentEval formats. */
final class SentEvalText {
  private SentEvalText() {}

  /**
   * The sentence as SentEval hands it to the encoder, re-joined: SentEval tokenizes with Python's {@code
   * str.split()} (runs of whitespace), so leading/trailing whitespace is dropped; inner whitespace is kept as is.
   */
  static String clean(String line) {
    return PyText.strip(line);
  }
}
