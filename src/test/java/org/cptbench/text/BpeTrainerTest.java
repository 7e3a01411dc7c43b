package org.cptbench.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {
  /** A small corpus with repetition (so merges exist), accents, CJK, emoji and the special-token spellings. */
  static List<String> corpus() {
    List<String> texts = new ArrayList<>();
    String[] base = {
      "The quick brown fox jumps over the lazy dog.",
      "It's the dog's bone; they'll say we've seen it, I'm sure you'd agree.",
      "Café crème brûlée, naïve façade — déjà vu in Zürich and São Paulo.",
      "Numbers 12345 and 3.14159 and 2024-01-01 appear here.",
      "東京 は 日本 の 首都 です 。",
      "Emoji 😀🎉 party 👍🏽 time!",
      "    indented   spaces\tand\ttabs\n\nnew paragraph",
      "brackets [x] and {y} and <[> fake <]> delimiters <{> too <}>",
    };
    for (int rep = 0; rep < 20; rep++) {
      for (String b : base) {
        texts.add(b + " " + rep);
      }
    }
    return texts;
  }

  @Test
  void splitMatchesGpt2RegexHandComputed() {
    assertEquals(
        List.of("Hello", ",", " world", "'s", " 12", "  ", " ok", "!!", "\n"),
        ByteLevel.split("Hello, world's 12   ok!!\n"));
    // \s is Unicode White_Space: no-break spaces split like spaces, not like punctuation
    assertEquals(List.of("a", "\u00a0", "\u00a0", "b"), ByteLevel.split("a\u00a0\u00a0b"));
    assertEquals(List.of("I", "'m", " OK"), ByteLevel.split("I'm OK"));
  }

  @Test
  void bytesToUnicodeMatchesGpt2() {
    assertEquals('!', ByteLevel.byteToChar('!'));
    assertEquals('\u0120', ByteLevel.byteToChar(' ')); // "Ġ"
    assertEquals('\u010a', ByteLevel.byteToChar('\n')); // "Ċ"
    assertEquals('\u0100', ByteLevel.byteToChar(0));
    assertEquals('\u00ae', ByteLevel.byteToChar(0xAE));
    assertEquals('\u0143', ByteLevel.byteToChar(0xAD)); // the last of the 68 remapped bytes
    assertEquals("Ã©", ByteLevel.toByteString("é"));
    for (int b = 0; b < 256; b++) {
      assertEquals(b, ByteLevel.charToByte(ByteLevel.byteToChar(b)));
    }
  }

  @Test
  void handComputedMerges() {
    // words: "aaab" x1 -> pairs (a,a)=2 (a,b)=1; first merge is (a,a) -> "aa a b" (left to right)
    // then pairs (aa,a)=1, (a,b)=1: tie, "a" < "aa" so (a,b) -> "aa ab"; then (aa,ab)=1 -> "aaab"
    BpeModel m = new BpeTrainer(new BpeTrainer.Config(265, Long.MAX_VALUE, 1)).train(List.of("aaab"));
    assertEquals(265, m.vocabSize());
    assertEquals(List.of("aa", "ab", "aaab"), m.tokens().subList(262, 265));
    assertArrayEquals(new int[] {264}, m.encode("aaab"));
    assertArrayEquals(new int[] {262, 6 + 'a'}, m.encode("aaa"));
  }

  @Test
  void neverLearnsASpecialTokenString() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      texts.add("<[> <]> <{> <}>");
    }
    BpeModel m = new BpeTrainer(new BpeTrainer.Config(300, Long.MAX_VALUE, 1)).train(texts);
    assertEquals(SpecialTokens.ALL, m.tokens().subList(0, 6));
    for (String s : SpecialTokens.ALL) {
      assertEquals(0, m.tokens().subList(6, m.vocabSize()).stream().filter(s::equals).count(), s);
    }
    for (int id : m.encode("<[> x <}>")) {
      assertTrue(id >= BpeModel.BYTE_OFFSET, "special id from text: " + id);
    }
  }

  @Test
  void vocabSizeRespectedAndRoundTrip() {
    BpeModel m = new BpeTrainer(BpeTrainer.Config.defaults().withVocabSize(400)).train(corpus());
    assertEquals(400, m.vocabSize());
    for (String s : corpus().subList(0, 8)) {
      assertEquals(s, m.decode(m.encode(s)));
    }
    assertTrue(m.encode("The quick brown fox").length < "The quick brown fox".length());
  }

  @Test
  void stopsWhenNoPairIsFrequentEnough() {
    BpeModel m = new BpeTrainer(BpeTrainer.Config.defaults()).train(List.of("abcd"));
    assertEquals(BpeModel.BASE_VOCAB, m.vocabSize()); // every pair is seen once, below the minimum 2
  }

  @Test
  void maxCharsUsesAPrefix() {
    BpeTrainer.Config cfg = new BpeTrainer.Config(300, 4, 1);
    BpeModel capped = new BpeTrainer(cfg).train(List.of("xy", "xyzzzzzzzz"));
    // only "xy" + "xy" is seen: one merge (x,y) with count 2, nothing else
    assertEquals(List.of("xy"), capped.tokens().subList(262, capped.vocabSize()));
  }

  @Test
  void deterministicBytes(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    BpeTrainer.Config cfg = BpeTrainer.Config.defaults().withVocabSize(500);
    TokenizerJson.write(new BpeTrainer(cfg).train(corpus()), a);
    TokenizerJson.write(new BpeTrainer(cfg).train(corpus().stream()), b);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    String json = Files.readString(a, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"type\" : \"BPE\""));
    assertFalse(json.contains("post_processor\" : {"));
  }

  @Test
  void configValidationNamesField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new BpeTrainer.Config(100, 10, 1));
    assertTrue(e.getMessage().startsWith("vocabSize: 100"), e.getMessage());
  }
}
