package org.cptbench.data.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.cptbench.CptbenchException;
import org.cptbench.model.Gpt2Fixture;
import org.cptbench.text.CptTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing documents into one token stream with a separator, once, and reading it back. */
class TokenPackTest {
  @TempDir Path dir;

  @Test
  void packsEveryDocumentFollowedByTheSeparator() throws IOException {
    List<Document> docs =
        List.of(
            new Document("a", List.of("The fox jumps over the dog.", "an embedding maps text")),
            new Document("b", List.of("It's 2022; they're here!")));
    try (CptTokenizer tok = CptTokenizer.load(Gpt2Fixture.dir().resolve("tokenizer.json"))) {
      Path pack = TokenPack.file(dir, "0123456789abcdef0123");
      assertEquals(dir.resolve("tokens-0123456789abcdef.i32"), pack);
      JsonNode side = TokenPack.ensurePacked(pack, "demo", docs, tok, "0123456789abcdef0123", tok.padId());
      int[] a = tok.pieces(List.of("The fox jumps over the dog.\nan embedding maps text"))[0];
      int[] b = tok.pieces(List.of("It's 2022; they're here!"))[0];
      int[] want =
          IntStream.concat(
                  IntStream.concat(IntStream.of(a), IntStream.of(316)),
                  IntStream.concat(IntStream.of(b), IntStream.of(316)))
              .toArray();
      assertArrayEquals(want, TokenPack.read(pack));
      assertEquals(want.length, side.get("tokens").asInt());
      assertEquals(2, side.get("documents").asInt());
      assertEquals(316, side.get("separator").asInt());
      // built once: an existing pack is not rewritten
      long modified = Files.getLastModifiedTime(pack).toMillis();
      TokenPack.ensurePacked(pack, "demo", List.of(), tok, "0123456789abcdef0123", tok.padId());
      assertEquals(modified, Files.getLastModifiedTime(pack).toMillis());
      assertArrayEquals(want, TokenPack.read(pack));
      Files.write(pack, new byte[6]);
      CptbenchException e = assertThrows(CptbenchException.class, () -> TokenPack.read(pack));
      assertTrue(e.getMessage().startsWith(pack + ": 6 bytes, but tokens-0123456789abcdef.json says"), e.getMessage());
    }
  }
}
