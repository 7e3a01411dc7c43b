package org.cptbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.util.Json;

/**
 * The committed reference GPT-2 of {@code src/test/resources/gpt2/make_fixture.py}: a Hugging Face folder and, per
 * sequence, its token ids (and text) and the expected last hidden states.
 */
public final class Gpt2Fixture {
  /** One fixture sequence: its text (null for random ids), ids, and hidden states {@code [t][width]}. */
  public record Sequence(String text, int[] ids, float[][] hidden) {}

  private Gpt2Fixture() {}

  /** The folder {@code gpt2/tiny} (config.json, model.safetensors, tokenizer.json, expected.json). */
  public static Path dir() {
    try {
      return Path.of(Gpt2Fixture.class.getClassLoader().getResource("gpt2/tiny/config.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Sequence> sequences() throws IOException {
    JsonNode root = Json.MAPPER.readTree(dir().resolve("expected.json").toFile());
    List<Sequence> out = new ArrayList<>();
    for (JsonNode s : root.get("sequences")) {
      int[] ids = new int[s.get("ids").size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = s.get("ids").get(i).asInt();
      }
      float[][] hidden = new float[ids.length][];
      for (int i = 0; i < ids.length; i++) {
        JsonNode row = s.get("hidden").get(i);
        hidden[i] = new float[row.size()];
        for (int j = 0; j < hidden[i].length; j++) {
          hidden[i][j] = (float) row.get(j).asDouble();
        }
      }
      out.add(new Sequence(s.get("text").isNull() ? null : s.get("text").asText(), ids, hidden));
    }
    return out;
  }
}
