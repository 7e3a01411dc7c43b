package org.cptbench.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.cptbench.util.Json;

/**
 * The tokenizer of a cpt encoder: a HuggingFace {@code tokenizer.json} (as written by {@link TokenizerJson}) run
 * through DJL's binding of the HF {@code tokenizers} crate, plus the cpt delimiters.
 *
 * <p>{@link #encode} gives, per text, {@code [start(side)] + pieces(text)[0 .. maxTokens-2) + [end(side)]}: for side
 * X the delimiters {@code <[>}, {@code <]>}, for side Y <code>&lt;{&gt;</code>, <code>&lt;}&gt;</code> (the paper
 * feeds x as {@code [x]} and y as <code>{y}</code>). Truncation drops pieces from the end and always keeps the end
 * delimiter. Padding is the caller's job ({@link #padId}).
 *
 * <p>User text can never produce a special id: HF matches {@code added_tokens} in raw text before BPE (whatever
 * {@code add_special_tokens} says), so the text is encoded with a copy of the tokenizer whose {@code added_tokens}
 * list is empty. A literal {@code <[>} in the text is then segmented as the plain characters it is, and decodes back
 * to itself. The delimiter ids are placed by this class, not by an HF post-processor.
 *
 * <p>A tokenizer without those special tokens (GPT-2's own) uses the paper's plain characters {@code [ ] { }} as
 * delimiters (their single-character vocabulary tokens) and pads with {@value #END_OF_TEXT}.
 */
public final class CptTokenizer implements AutoCloseable {
  /** GPT-2's document separator, its only added token. */
  public static final String END_OF_TEXT = "<|endoftext|>";

  private final HuggingFaceTokenizer hf;
  private final Map<String, Integer> special;
  private final Set<Integer> control;
  private final int vocabSize;

  private CptTokenizer(
      HuggingFaceTokenizer hf, Map<String, Integer> special, Set<Integer> control, int vocabSize) {
    this.hf = hf;
    this.special = special;
    this.control = control;
    this.vocabSize = vocabSize;
  }

  /**
   * Loads a tokenizer.json that has the six {@link SpecialTokens} among its {@code added_tokens}, or else (a GPT-2
   * tokenizer) {@value #END_OF_TEXT} and the plain tokens {@code [ ] { }}, which then serve as delimiters.
   *
   * @throws CptbenchException if the file is missing, not JSON, or has neither kind of delimiters
   */
  public static CptTokenizer load(Path tokenizerJson) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(tokenizerJson));
    } catch (IOException e) {
      throw new CptbenchException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("model").path("vocab").isObject()) {
      throw new CptbenchException(tokenizerJson + ": not a HuggingFace tokenizer.json (no model.vocab)");
    }
    Map<String, Integer> added = new HashMap<>();
    int maxId = -1;
    for (JsonNode t : root.path("added_tokens")) {
      added.put(t.path("content").asText(), t.path("id").asInt());
      maxId = Math.max(maxId, t.path("id").asInt());
    }
    for (Map.Entry<String, JsonNode> e : root.path("model").path("vocab").properties()) {
      maxId = Math.max(maxId, e.getValue().asInt());
    }
    Map<String, Integer> special = new HashMap<>();
    Set<Integer> control = new HashSet<>();
    if (added.keySet().containsAll(SpecialTokens.ALL)) {
      for (String name : SpecialTokens.ALL) {
        special.put(name, added.get(name));
        control.add(added.get(name));
      }
    } else {
      gpt2Delimiters(tokenizerJson, root.path("model").path("vocab"), added, special, control);
    }
    ObjectNode plain = ((ObjectNode) root).deepCopy();
    plain.putArray("added_tokens");
    Map<String, String> options =
        Map.of(
            "addSpecialTokens", "false", "truncation", "false", "padding", "false", "maxLength", "1000000000");
    try {
      HuggingFaceTokenizer hf =
          HuggingFaceTokenizer.newInstance(
              new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(plain)), options);
      return new CptTokenizer(hf, Map.copyOf(special), Set.copyOf(control), maxId + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer " + tokenizerJson, e);
    } catch (RuntimeException e) {
      throw new CptbenchException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
  }

  /**
   * The delimiters of a tokenizer without cptbench's special tokens (GPT-2's, or one trained for a GPT-2 model):
   * the paper's plain characters {@code [ ] { }} as the byte-level tokens of the vocabulary, and
   * {@value #END_OF_TEXT} as padding (and unknown; byte-level BPE has no unknown pieces).
   */
  private static void gpt2Delimiters(
      Path file, JsonNode vocab, Map<String, Integer> added, Map<String, Integer> special, Set<Integer> control) {
    Integer eot = added.containsKey(END_OF_TEXT) ? added.get(END_OF_TEXT) : intOrNull(vocab, END_OF_TEXT);
    String[][] delimiters = {
      {SpecialTokens.X_START, "["}, {SpecialTokens.X_END, "]"}, {SpecialTokens.Y_START, "{"}, {SpecialTokens.Y_END, "}"}
    };
    for (String[] d : delimiters) {
      Integer id = intOrNull(vocab, d[1]);
      if (id == null || eot == null) {
        throw new CptbenchException(
            file + ": neither cptbench's special tokens " + SpecialTokens.ALL + " are among its added_tokens, nor"
                + " has it GPT-2's " + END_OF_TEXT + " and the single-character tokens [ ] { } (missing: "
                + (eot == null ? END_OF_TEXT : d[1]) + ")");
      }
      special.put(d[0], id);
    }
    special.put(SpecialTokens.PAD, eot);
    special.put(SpecialTokens.UNK, eot);
    control.add(eot);
  }

  private static Integer intOrNull(JsonNode vocab, String token) {
    JsonNode n = vocab.get(token);
    return n != null && n.canConvertToInt() ? n.asInt() : null;
  }

  /**
   * Encodes texts for one side: per text {@code [start] + pieces + [end]}, at most {@code maxTokens} ids.
   *
   * @param maxTokens at least 2 (room for the delimiters)
   */
  public int[][] encode(List<String> texts, Side side, int maxTokens) {
    if (maxTokens < 2) {
      throw new IllegalArgumentException("maxTokens: " + maxTokens + ", must be at least 2 (the two delimiters)");
    }
    int[][] pieces = pieces(texts);
    int start = startId(side);
    int end = endId(side);
    int[][] out = new int[pieces.length][];
    for (int i = 0; i < pieces.length; i++) {
      int n = Math.min(pieces[i].length, maxTokens - 2);
      int[] ids = new int[n + 2];
      ids[0] = start;
      System.arraycopy(pieces[i], 0, ids, 1, n);
      ids[n + 1] = end;
      out[i] = ids;
    }
    return out;
  }

  /**
   * The BPE ids of each text, without delimiters and without truncation (DJL batch encode); lone surrogates are
   * encoded as U+FFFD.
   */
  public int[][] pieces(List<String> texts) {
    if (texts.isEmpty()) {
      return new int[0][];
    }
    List<String> clean = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new IllegalArgumentException("texts[" + i + "] is null");
      }
      clean.add(ByteLevel.replaceLoneSurrogates(texts.get(i)));
    }
    Encoding[] encodings = hf.batchEncode(clean, false, false);
    int[][] out = new int[encodings.length][];
    for (int i = 0; i < encodings.length; i++) {
      out[i] = Arrays.stream(encodings[i].getIds()).mapToInt(Math::toIntExact).toArray();
    }
    return out;
  }

  /**
   * The text of some ids; special ids (pad, unk, and cptbench's delimiter tokens) are dropped. With GPT-2's
   * plain-character delimiters only {@value #END_OF_TEXT} is dropped: a delimiter decodes to its character.
   */
  public String decode(int[] ids) {
    long[] kept = Arrays.stream(ids).filter(id -> !control.contains(id)).asLongStream().toArray();
    return kept.length == 0 ? "" : hf.decode(kept, false);
  }

  /** The number of ids: one more than the largest id of the vocabulary and the special tokens. */
  public int vocabSize() {
    return vocabSize;
  }

  public int padId() {
    return special.get(SpecialTokens.PAD);
  }

  public int unkId() {
    return special.get(SpecialTokens.UNK);
  }

  /** The start delimiter id of a side ({@code <[>} or <code>&lt;{&gt;</code>). */
  public int startId(Side side) {
    return special.get(SpecialTokens.start(side));
  }

  /** The end delimiter id of a side ({@code <]>} or <code>&lt;}&gt;</code>). */
  public int endId(Side side) {
    return special.get(SpecialTokens.end(side));
  }

  @Override
  public void close() {
    hf.close();
  }
}
