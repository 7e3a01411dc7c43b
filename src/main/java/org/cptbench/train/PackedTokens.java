package org.cptbench.train;

import java.util.Arrays;
import java.util.List;
import org.cptbench.CptbenchException;

/**
 * A corpus packed for language-model pre-training: the BPE ids of every document, each followed by the end-of-text
 * id, concatenated in corpus order into one stream, then split into a training part and a fixed held-out tail.
 * A sequence k of length L is the window {@code stream[kL .. kL+L)} with targets {@code stream[kL+1 .. kL+L+1)}
 * (each token is a target exactly once), so {@code (length - 1) / L} sequences fit in a part.
 *
 * @param train the training part of the stream
 * @param validation the held-out tail: {@code valSequences * L + 1} tokens
 * @param documents number of documents packed
 */
public record PackedTokens(int[] train, int[] validation, int documents) {

  /**
   * Packs documents and holds out the last {@code valSequences} sequences of {@code seqLen} tokens.
   *
   * @throws CptbenchException when the corpus cannot fill the held-out slice and one training batch
   */
  public static PackedTokens pack(List<int[]> docs, int endOfText, int seqLen, int valSequences, int batchSize) {
    long total = 0;
    for (int[] d : docs) {
      total += d.length + 1;
    }
    int valLen = valSequences * seqLen + 1;
    long need = valLen + (long) batchSize * seqLen + 1;
    if (total < need || total > Integer.MAX_VALUE - 8) {
      throw new CptbenchException(
          "pretrain: the corpus packs into " + total + " tokens; needs at least " + need + " ("
              + valSequences + " held-out and " + batchSize + " training sequences of " + seqLen
              + " tokens); use more text or a smaller --batch-size, --seq-len or --val-sequences");
    }
    int[] stream = new int[(int) total];
    int at = 0;
    for (int[] d : docs) {
      System.arraycopy(d, 0, stream, at, d.length);
      at += d.length;
      stream[at++] = endOfText;
    }
    int cut = stream.length - valLen;
    return new PackedTokens(Arrays.copyOf(stream, cut), Arrays.copyOfRange(stream, cut, stream.length), docs.size());
  }

  /** Number of sequences of {@code seqLen} tokens in a part. */
  public static int sequences(int[] part, int seqLen) {
    return (part.length - 1) / seqLen;
  }

  /** The inputs of sequences {@code idx} of a part: {@code [idx.length][seqLen]}. */
  public static int[][] inputs(int[] part, int seqLen, int[] idx) {
    return windows(part, seqLen, idx, 0);
  }

  /** The targets (inputs shifted by one token) of sequences {@code idx}. */
  public static int[][] targets(int[] part, int seqLen, int[] idx) {
    return windows(part, seqLen, idx, 1);
  }

  private static int[][] windows(int[] part, int seqLen, int[] idx, int shift) {
    int[][] out = new int[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      int from = idx[i] * seqLen + shift;
      out[i] = Arrays.copyOfRange(part, from, from + seqLen);
    }
    return out;
  }

  /** Total tokens packed (training part and held-out tail, which share no token). */
  public long tokens() {
    return train.length + (long) validation.length;
  }
}
