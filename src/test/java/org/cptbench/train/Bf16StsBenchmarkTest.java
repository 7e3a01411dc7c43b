package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.cptbench.TestData;
import org.cptbench.data.corpus.TextPair;
import org.cptbench.eval.metric.Spearman;
import org.cptbench.model.Attention;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.CptEncoder;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Pooling;
import org.cptbench.model.Precision;
import org.cptbench.text.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained encoder scores the same STS-B (test) Spearman x100 when it encodes in bf16 as in fp32, within 0.3
 * points. The encoder is trained here for 60 steps, in fp32, on the sentence pairs of STS-B's train split, then
 * loaded twice from its checkpoint (measured: fp32 27.717, bf16 27.724). Skipped when the shared STS-B data is
 * absent.
 */
class Bf16StsBenchmarkTest {
  static final double TOLERANCE = 0.3;
  @TempDir Path dir;

  @Test
  void bf16EncodingScoresWithinAThirdOfAPointOfFp32() throws IOException {
    Path sts = TestData.require("sts/STSBenchmark");
    List<String[]> train = read(sts.resolve("sts-train.csv"));
    List<String[]> test = read(sts.resolve("sts-test.csv"));
    List<TextPair> pairs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String[] r : train) {
      pairs.add(new TextPair(r[5], r[6]));
      texts.add(r[5]);
      texts.add(r[6]);
    }
    Path tokenizer = TrainingRun.ensureTokenizer(dir.resolve("tok.json"), texts.stream(), 2048, 2_000_000);
    EncoderSpec spec = new EncoderSpec(2048, 2, 64, 4, 256, 32, Attention.CAUSAL, Pooling.MEAN);
    TrainSpec t = new TrainSpec(
        60, 64, 2e-3, 6, LearningRateSchedule.Decay.COSINE, 0.01, 1.0, Temperature.learnedDefault(), 3,
        List.of(), 0);
    Path out = dir.resolve("run");
    TrainingRun.run(spec, t, Device.cpu(), Precision.FP32, pairs, tokenizer, null, out, new LinkedHashMap<>(), s -> {});
    Path checkpoint = TrainingRun.checkpointDir(out, 60);
    JsonNode config = Checkpoint.readConfig(checkpoint);
    assertEquals("fp32", config.path("compute").path("precision").asText());
    assertEquals("cpu", config.path("compute").path("device").asText());

    double fp32;
    double bf16;
    String fp32Print;
    try (CptEncoder e = CptEncoder.load(checkpoint, Device.cpu(), Precision.FP32)) {
      fp32 = spearman(e, test);
      fp32Print = e.fingerprint();
    }
    try (CptEncoder e = CptEncoder.load(checkpoint, Device.cpu(), Precision.BF16)) {
      assertEquals(Precision.BF16, e.precision());
      assertNotEquals(fp32Print, e.fingerprint(), "bf16 embeddings must not share the fp32 cache entries");
      bf16 = spearman(e, test);
    }
    System.out.printf("STS-B test Spearman x100: fp32 %.3f, bf16 %.3f%n", fp32, bf16);
    assertTrue(fp32 > 20, "the trained encoder should correlate with the gold scores: " + fp32);
    assertEquals(fp32, bf16, TOLERANCE, "bf16 vs fp32 STS-B Spearman x100");
  }

  private static double spearman(CptEncoder e, List<String[]> rows) {
    List<String> s1 = new ArrayList<>();
    List<String> s2 = new ArrayList<>();
    double[] gold = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      gold[i] = Double.parseDouble(rows.get(i)[4]);
      s1.add(rows.get(i)[5]);
      s2.add(rows.get(i)[6]);
    }
    float[][] a = e.embed(s1, Side.X);
    float[][] b = e.embed(s2, Side.X);
    double[] cos = new double[gold.length];
    for (int i = 0; i < cos.length; i++) {
      double dot = 0;
      for (int j = 0; j < a[i].length; j++) {
        dot += a[i][j] * b[i][j];
      }
      cos[i] = dot;
    }
    return 100 * new Spearman().compute(cos, gold);
  }

  /** STS-B rows: TAB-separated genre, file, year, id, score, s1, s2 [, sources]. */
  private static List<String[]> read(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }
}
