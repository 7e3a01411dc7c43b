package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.cptbench.text.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all-MiniLM-L6-v2 through ONNX Runtime: tokenisation settings, pooling/normalisation, batching. */
class OnnxEncoderTest {
  @TempDir static Path cache;

  private static OnnxEncoder encoder;

  @BeforeAll
  static void open() {
    encoder = OnnxEncoder.open(OnnxModels.MINILM_L6, cache);
  }

  @AfterAll
  static void close() {
    if (encoder != null) {
      encoder.close();
    }
  }

  static double cos(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Test
  void describesItself() throws IOException {
    assertEquals("minilm-l6", encoder.name());
    assertEquals(384, encoder.dimension());
    assertTrue(encoder.fingerprint().matches("[0-9a-f]{64}"), encoder.fingerprint());
    assertEquals(
        Set.of("input_ids", "attention_mask", "token_type_ids"),
        Set.copyOf(encoder.inputNames()));
    try (Stream<Path> files = Files.list(cache.resolve("minilm-l6"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertEquals(1, names.size(), names.toString());
      assertTrue(names.get(0).matches("[0-9a-f]{16}-all-minilm-l6-v2\\.onnx"), names.toString());
    }
  }

  @Test
  void paraphraseIsCloserThanUnrelated() {
    float[][] e =
        encoder.embed(
            List.of(
                "A man is playing a guitar.",
                "A person plays the guitar.",
                "The stock market fell sharply on Monday.",
                "How do I bake sourdough bread?",
                "What is a good recipe for sourdough?"),
            Side.X);
    assertTrue(cos(e[0], e[1]) > 0.7, "paraphrase cosine " + cos(e[0], e[1]));
    assertTrue(cos(e[0], e[2]) < 0.3, "unrelated cosine " + cos(e[0], e[2]));
    assertTrue(cos(e[3], e[4]) > cos(e[3], e[0]) + 0.3);
    assertTrue(cos(e[3], e[4]) > cos(e[3], e[2]) + 0.3);
  }

  @Test
  void embeddingsAreUnitNorm() {
    float[][] e = encoder.embed(List.of("", "a", "Unit norm, please.", "x ".repeat(600)), Side.Y);
    for (float[] v : e) {
      assertEquals(384, v.length);
      assertEquals(1.0, Math.sqrt(cos(v, v)), 1e-5);
    }
  }

  @Test
  void batchingAndOrderDoNotChangeEmbeddings() {
    Random random = new Random(7);
    String[] words = "the cat sat on a mat while dogs bark loudly at passing cars in town".split(" ");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(40);
      for (int w = 0; w < n; w++) {
        sb.append(words[random.nextInt(words.length)]).append(' ');
      }
      texts.add(sb.toString().trim());
    }
    float[][] all = encoder.embed(texts, Side.X);
    List<String> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);
    float[][] rev = encoder.embed(reversed, Side.X);
    for (int i : new int[] {0, 1, 63, 64, 100, 149}) {
      float[] alone = encoder.embed(List.of(texts.get(i)), Side.X)[0];
      assertArrayEquals(alone, all[i], 1e-5f, "text " + i + " alone vs in a batch");
      assertArrayEquals(all[i], rev[texts.size() - 1 - i], 1e-5f, "text " + i + " reversed order");
    }
  }

  @Test
  void lowerCasesAndStripsAccentsAsTheTokenizerFileSays() {
    float[][] e = encoder.embed(List.of("HELLO Café World", "hello cafe world"), Side.X);
    assertArrayEquals(e[0], e[1], 1e-6f);
    assertEquals(
        List.of(101L, 7592L, 2088L, 102L).toString(),
        Arrays.toString(encoder.tokenize(List.of("Hello world")).get(0)));
  }

  @Test
  void truncatesAt256WordPiecesIncludingClsAndSep() {
    String longText = "word ".repeat(1000);
    long[] ids = encoder.tokenize(List.of(longText)).get(0);
    assertEquals(256, ids.length);
    assertEquals(101L, ids[0]);
    assertEquals(102L, ids[255]);
    float[][] e = encoder.embed(List.of(longText, "word ".repeat(254), "word ".repeat(253)), Side.X);
    assertArrayEquals(e[0], e[1], 1e-6f, "254 pieces + [CLS] + [SEP] fill the 256 budget");
    assertTrue(cos(e[1], e[2]) < 1 - 1e-7, "a shorter text is not truncated to the same thing");
  }

  @Test
  void symmetricEncoderIgnoresSide() {
    List<String> t = List.of("same text on either side");
    assertArrayEquals(encoder.embed(t, Side.X)[0], encoder.embed(t, Side.Y)[0], 0f);
  }

  @Test
  void meanAndClsPoolingOverTheMaskThenNormalise() {
    // one sequence, 3 positions (the last is padding), width 2
    float[] hidden = {1, 2, 3, 4, 100, 100};
    long[] mask = {1, 1, 0};
    // mean of (1,2),(3,4) = (2,3); |(2,3)| = sqrt(13)
    assertArrayEquals(
        new float[] {(float) (2 / Math.sqrt(13)), (float) (3 / Math.sqrt(13))},
        OnnxEncoder.pool(hidden, mask, 1, 3, 2, OnnxPooling.MEAN)[0],
        1e-7f);
    // first position (1,2) / sqrt(5)
    assertArrayEquals(
        new float[] {(float) (1 / Math.sqrt(5)), (float) (2 / Math.sqrt(5))},
        OnnxEncoder.pool(hidden, mask, 1, 3, 2, OnnxPooling.CLS)[0],
        1e-7f);
    // before normalisation (what the linear probes see): the plain mean
    assertArrayEquals(new float[] {2, 3}, OnnxEncoder.pool(hidden, mask, 1, 3, 2, OnnxPooling.MEAN, false)[0], 0f);
  }

  @Test
  void unnormalizedVectorsAreTheEmbeddingsTimesTheirNorm() {
    List<String> texts = List.of("a cat sat on the mat", "Stocks fell sharply today.");
    float[][] unit = encoder.embed(texts, Side.X);
    float[][] raw = encoder.embedUnnormalized(texts, Side.X);
    for (int i = 0; i < texts.size(); i++) {
      double norm = 0;
      for (float v : raw[i]) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      assertTrue(Math.abs(norm - 1) > 0.05, "mean-pooled MiniLM vectors are not unit vectors: " + norm);
      for (int k = 0; k < raw[i].length; k++) {
        assertEquals(unit[i][k], raw[i][k] / norm, 1e-6);
      }
    }
  }

  @Test
  void specValidationNamesTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new OnnxModelSpec("x", "src", "m.onnx", "t.json", OnnxPooling.MEAN, 1, "", ""));
    assertTrue(e.getMessage().startsWith("maxTokens of x: 1"), e.getMessage());
  }
}
