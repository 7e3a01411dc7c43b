package org.cptbench.text;

/**
 * Which side of a contrastive pair a text is on. The cpt paper (Neelakantan et al. 2022, section 2.1) feeds the
 * input x as {@code [x]} and the positive y as <code>{y}</code>: each side gets its own start and end delimiter
 * tokens, so one encoder can tell the two sides apart.
 */
public enum Side {
  /** The input side, delimited by {@code <[>} ... {@code <]>}. */
  X,
  /** The positive / document side, delimited by <code>&lt;{&gt;</code> ... <code>&lt;}&gt;</code>. */
  Y
}
