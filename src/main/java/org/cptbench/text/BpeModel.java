package org.cptbench.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained byte-level BPE model: the vocabulary (id = index; ids 0..5 are {@link SpecialTokens#ALL}, ids 6..261 the
 * 256 single bytes in byte order, then one token per learned merge string) and the ordered merge list.
 *
 * <p>{@link #encode} is the reference segmentation, the same as HF {@code tokenizers}' BPE with a ByteLevel
 * pre-tokenizer and {@code ignore_merges=false}: split with {@link ByteLevel#split}, start each piece from its
 * single-byte tokens, then repeatedly apply the adjacent pair with the lowest merge rank (leftmost first) until no
 * adjacent pair has a merge. Special tokens are never produced from text.
 *
 * <p>{@link TokenizerJson} writes it as a HuggingFace {@code tokenizer.json}.
 */
public final class BpeModel {
  /** Id of byte {@code b} is {@code BYTE_OFFSET + b}. */
  public static final int BYTE_OFFSET = SpecialTokens.ALL.size();

  /** The number of tokens every model has before any merge. */
  public static final int BASE_VOCAB = BYTE_OFFSET + 256;

  /**
   * One merge rule: the adjacent tokens {@code left}, {@code right} become {@code result}.
   *
   * @param left id of the left token
   * @param right id of the right token
   * @param result id of the merged token (its string is the concatenation)
   */
  public record Merge(int left, int right, int result) {}

  private final List<String> tokens;
  private final List<Merge> merges;
  private final Map<Long, long[]> ranks;

  /**
   * @param tokens the token strings by id (byte-level strings, except the special tokens which are literal)
   * @param merges the merge rules in rank order
   */
  public BpeModel(List<String> tokens, List<Merge> merges) {
    this.tokens = List.copyOf(tokens);
    this.merges = List.copyOf(merges);
    if (tokens.size() < BASE_VOCAB) {
      throw new IllegalArgumentException(
          "tokens: " + tokens.size() + " entries, a byte-level model needs at least " + BASE_VOCAB);
    }
    for (int i = 0; i < BYTE_OFFSET; i++) {
      if (!tokens.get(i).equals(SpecialTokens.ALL.get(i))) {
        throw new IllegalArgumentException(
            "tokens[" + i + "] = '" + tokens.get(i) + "', expected special token " + SpecialTokens.ALL.get(i));
      }
    }
    for (int b = 0; b < 256; b++) {
      if (!tokens.get(BYTE_OFFSET + b).equals(String.valueOf(ByteLevel.byteToChar(b)))) {
        throw new IllegalArgumentException("tokens[" + (BYTE_OFFSET + b) + "] is not the token of byte " + b);
      }
    }
    for (Merge m : merges) {
      if (!tokens.get(m.result()).equals(tokens.get(m.left()) + tokens.get(m.right()))) {
        throw new IllegalArgumentException("merge " + m + ": result token is not the concatenation of its parts");
      }
    }
    this.ranks = rankTable();
  }

  /** The token strings by id. */
  public List<String> tokens() {
    return tokens;
  }

  /** The merge rules in rank order. */
  public List<Merge> merges() {
    return merges;
  }

  /** The number of tokens in the vocabulary. */
  public int vocabSize() {
    return tokens.size();
  }

  /** The token ids of {@code text} (no special tokens added; lone surrogates are encoded as U+FFFD). */
  public int[] encode(String text) {
    List<Integer> ids = new ArrayList<>();
    for (String piece : ByteLevel.split(ByteLevel.replaceLoneSurrogates(text))) {
      for (int id : encodePiece(piece, ranks)) {
        ids.add(id);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The token strings of {@code text}, as HF {@code Encoding.getTokens()} shows them. */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    for (int id : encode(text)) {
      out.add(tokens.get(id));
    }
    return out;
  }

  /** The text of the given ids (special tokens are dropped; invalid UTF-8 becomes U+FFFD, as in HF). */
  public String decode(int[] ids) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int id : ids) {
      if (id < 0 || id >= tokens.size()) {
        throw new IllegalArgumentException("token id " + id + " outside the vocabulary 0.." + (tokens.size() - 1));
      }
      if (id >= BYTE_OFFSET) {
        bytes.writeBytes(ByteLevel.toBytes(tokens.get(id)));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Map<Long, long[]> rankTable() {
    Map<Long, long[]> ranks = new HashMap<>(merges.size() * 2);
    for (int r = 0; r < merges.size(); r++) {
      Merge m = merges.get(r);
      ranks.putIfAbsent(pairKey(m.left(), m.right()), new long[] {r, m.result()});
    }
    return ranks;
  }

  private static int[] encodePiece(String piece, Map<Long, long[]> ranks) {
    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
    int[] sym = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      sym[i] = BYTE_OFFSET + (bytes[i] & 0xFF);
    }
    int len = sym.length;
    while (len > 1) {
      long bestRank = Long.MAX_VALUE;
      int bestPos = -1;
      int bestResult = -1;
      for (int i = 0; i + 1 < len; i++) {
        long[] r = ranks.get(pairKey(sym[i], sym[i + 1]));
        if (r != null && r[0] < bestRank) {
          bestRank = r[0];
          bestPos = i;
          bestResult = (int) r[1];
        }
      }
      if (bestPos < 0) {
        break;
      }
      sym[bestPos] = bestResult;
      System.arraycopy(sym, bestPos + 2, sym, bestPos + 1, len - bestPos - 2);
      len--;
    }
    return java.util.Arrays.copyOf(sym, len);
  }

  static long pairKey(int left, int right) {
    return ((long) left << 32) | (right & 0xFFFFFFFFL);
  }
}
