package org.cptbench.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.text.BpeTrainer;
import org.cptbench.text.TokenizerJson;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;

/**
 * The end-of-text token {@value #TOKEN} (GPT-2's name) that separates documents in a packed pre-training stream.
 * A language-model tokenizer is a cptbench BPE tokenizer (six special tokens, bytes, merges) with this token added
 * as a special token after the last id; user text can never produce it (special tokens are matched only by id).
 */
public final class EndOfText {
  public static final String TOKEN = "<|endoftext|>";

  private EndOfText() {}

  /**
   * Trains (unless {@code file} exists) a BPE tokenizer of {@code vocabSize - 1} tokens on the texts and appends
   * {@value #TOKEN}, so the vocabulary has {@code vocabSize} ids.
   */
  public static Path ensureTokenizer(Path file, Stream<String> texts, int vocabSize, long maxChars) {
    if (Files.exists(file)) {
      return file;
    }
    var model = new BpeTrainer(BpeTrainer.Config.defaults().withVocabSize(vocabSize - 1).withMaxChars(maxChars))
        .train(texts);
    ObjectNode json = TokenizerJson.toJson(model);
    ArrayNode added = (ArrayNode) json.get("added_tokens");
    ObjectNode t = added.addObject();
    t.put("id", model.vocabSize());
    t.put("content", TOKEN);
    t.put("single_word", false);
    t.put("lstrip", false);
    t.put("rstrip", false);
    t.put("normalized", false);
    t.put("special", true);
    AtomicFiles.writeString(file, Json.write(json) + "\n");
    return file;
  }

  /** The id of {@value #TOKEN} among the {@code added_tokens} of a tokenizer.json; an error names the file. */
  public static int id(Path tokenizerJson) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(tokenizerJson.toFile());
    } catch (IOException e) {
      throw new CptbenchException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
    for (JsonNode t : root.path("added_tokens")) {
      if (TOKEN.equals(t.path("content").asText())) {
        return t.path("id").asInt();
      }
    }
    throw new CptbenchException(
        tokenizerJson + ": added_tokens lacks the end-of-text token " + TOKEN
            + " that separates documents in language-model pre-training (tokenizers written by `./harness pretrain`"
            + " have it)");
  }
}
