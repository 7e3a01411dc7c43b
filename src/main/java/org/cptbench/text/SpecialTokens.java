package org.cptbench.text;

import java.util.List;

/**
 * The special tokens of every cptbench tokenizer, always the first ids of the vocabulary: {@code <pad>} = 0,
 * {@code <unk>} = 1, and the cpt delimiters {@code <[>} = 2, {@code <]>} = 3, <code>&lt;{&gt;</code> = 4,
 * <code>&lt;}&gt;</code> = 5 (x is fed as {@code [x]}, y as <code>{y}</code>). They are distinct from the plain
 * characters {@code [ ] { }}, and the trainer never learns a merge that would spell one of them.
 */
public final class SpecialTokens {
  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String X_START = "<[>";
  public static final String X_END = "<]>";
  public static final String Y_START = "<{>";
  public static final String Y_END = "<}>";

  /** All special tokens; the index of each is its id. */
  public static final List<String> ALL = List.of(PAD, UNK, X_START, X_END, Y_START, Y_END);

  private SpecialTokens() {}

  /** The start delimiter of a side. */
  public static String start(Side side) {
    return side == Side.X ? X_START : Y_START;
  }

  /** The end delimiter of a side. */
  public static String end(Side side) {
    return side == Side.X ? X_END : Y_END;
  }
}
