package org.cptbench.data.corpus;

/**
 * A positive pair for contrastive training: the input {@code x} and its positive {@code y} (cpt: x is fed as
 * {@code [x]}, y as <code>{y}</code>).
 *
 * @param x the input text, not blank
 * @param y the positive text, not blank
 */
public record TextPair(String x, String y) {
  public TextPair {
    if (x == null || x.isBlank()) {
      throw new IllegalArgumentException("x: '" + x + "', must not be blank");
    }
    if (y == null || y.isBlank()) {
      throw new IllegalArgumentException("y: '" + y + "', must not be blank");
    }
  }
}
