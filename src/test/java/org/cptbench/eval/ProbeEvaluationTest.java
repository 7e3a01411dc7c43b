package org.cptbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;
import org.cptbench.eval.probe.ProbeOptions;
import org.cptbench.text.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe task end to end on a small MR folder with a fake encoder: features as given, per-item files. */
class ProbeEvaluationTest {
  @TempDir Path tmp;

  /**
   * Pooled vectors {@code (+-1 + noise, noise, ...)} for "good" / "bad" texts, with norms between 1 and 8 that
   * vary by text (so normalising them changes the features); {@link #embed} gives the L2-normalised ones.
   */
  static final class FakeEncoder implements Embedder {
    @Override
    public float[][] embed(List<String> texts, Side side) {
      float[][] raw = embedUnnormalized(texts, side);
      for (float[] r : raw) {
        double n = 0;
        for (float v : r) {
          n += v * v;
        }
        for (int j = 0; j < r.length; j++) {
          r[j] = (float) (r[j] / Math.sqrt(n));
        }
      }
      return raw;
    }

    @Override
    public float[][] embedUnnormalized(List<String> texts, Side side) {
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        String t = texts.get(i);
        SplittableRandom r = new SplittableRandom(t.hashCode());
        float scale = (float) (1 + 7 * r.nextDouble());
        float[] v = new float[5];
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) (scale * ((j == 0 ? (t.startsWith("good") ? 0.4 : -0.4) : 0) + r.nextGaussian()));
        }
        out[i] = v;
      }
      return out;
    }
  }

  private Path mr() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("MR"));
    StringBuilder pos = new StringBuilder();
    StringBuilder neg = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      pos.append("good ").append(i).append('\n');
      neg.append("bad ").append(i).append('\n');
    }
    Files.writeString(d.resolve("rt-polarity.pos"), pos, StandardCharsets.UTF_8);
    Files.writeString(d.resolve("rt-polarity.neg"), neg, StandardCharsets.UTF_8);
    return d;
  }

  @Test
  void theProbeSeesTheEncoderVectorsAsTheyAreUnlessAskedToNormalise() {
    FakeEncoder e = new FakeEncoder();
    List<String> texts = List.of("good 1", "bad 2");
    ProbeOptions raw = ProbeOptions.senteval();
    double[][] asIs = ProbeEvaluation.vectors(e, texts, raw);
    float[][] pooled = e.embedUnnormalized(texts, Side.X);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(pooled[i][j], asIs[i][j], 0.0);
      }
    }
    double[][] unit = ProbeEvaluation.vectors(e, texts, raw.withL2Normalize(true));
    float[][] normalised = e.embed(texts, Side.X);
    for (int i = 0; i < 2; i++) {
      double n = 0;
      for (int j = 0; j < 5; j++) {
        n += unit[i][j] * unit[i][j];
        assertEquals(normalised[i][j], unit[i][j], 1e-6);
      }
      assertEquals(1.0, n, 1e-12);
    }
  }

  @Test
  void rawAndNormalisedFeaturesGiveDifferentModelsAndSayWhich() throws IOException {
    Path d = mr();
    TaskResult raw = ProbeEvaluation.run("senteval/MR", d, new FakeEncoder(), ProbeOptions.senteval());
    TaskResult unit =
        ProbeEvaluation.run("senteval/MR", d, new FakeEncoder(), ProbeOptions.senteval().withL2Normalize(true));
    assertTrue(raw.definitions().get("accuracy").contains("the encoder's vectors as they are"));
    assertTrue(unit.definitions().get("accuracy").contains("L2-normalised encoder vectors"));
    assertNotEquals(
        raw.perItem().stream().map(i -> i.predicted()).toList(),
        unit.perItem().stream().map(i -> i.predicted()).toList());
  }

  @Test
  void anEmbedderWithoutUnnormalisedVectorsIsAClearError() throws IOException {
    Path d = mr();
    Embedder onlyUnit = (texts, side) -> new FakeEncoder().embed(texts, side);
    CptbenchException e =
        assertThrows(
            CptbenchException.class,
            () -> ProbeEvaluation.run("senteval/MR", d, onlyUnit, ProbeOptions.senteval()));
    assertTrue(e.getMessage().contains("L2-normalised embeddings only"), e.getMessage());
  }

  @Test
  void perItemFileHasEveryTestItemAndAgreesWithTheFolds() throws IOException {
    TaskResult r = ProbeEvaluation.run("senteval/MR", mr(), new FakeEncoder(), ProbeOptions.senteval());
    Path out = tmp.resolve("out");
    EvalOutput.write(out, List.of(r), Map.of());
    List<String> lines = Files.readAllLines(out.resolve("per-item").resolve("senteval_MR.tsv"));
    assertEquals("fold\tindex\tgold\tpredicted\tcorrect", lines.get(0));
    assertEquals(301, lines.size());
    @SuppressWarnings("unchecked")
    List<Double> folds = (List<Double>) r.details().get("folds");
    int[] n = new int[10];
    int[] correct = new int[10];
    boolean[] seen = new boolean[300];
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      int fold = Integer.parseInt(f[0]);
      int index = Integer.parseInt(f[1]);
      assertEquals(index < 150 ? "1" : "0", f[2], "gold of item " + index + " (pos file first)");
      assertEquals(f[2].equals(f[3]) ? "1" : "0", f[4]);
      n[fold]++;
      correct[fold] += Integer.parseInt(f[4]);
      seen[index] = true;
    }
    assertArrayEquals(new int[] {30, 30, 30, 30, 30, 30, 30, 30, 30, 30}, n);
    double sum = 0;
    double rounded = 0;
    for (int f = 0; f < 10; f++) {
      assertEquals(folds.get(f), correct[f] / 30.0, 0.0, "fold " + f);
      sum += correct[f] / 30.0;
      rounded += Math.rint(100 * 100 * correct[f] / 30.0) / 100;
    }
    for (boolean s : seen) {
      assertTrue(s);
    }
    assertEquals((Double) r.details().get("accuracyUnrounded"), sum / 10, 1e-15);
    // the metric is SentEval's: folds rounded to 2 decimals in percent, then the mean rounded
    assertEquals(Math.rint(100 * rounded / 10) / 100 / 100, r.metrics().get("accuracy"), 1e-15);
    assertEquals("senteval-sklearn", r.details().get("protocol"));
  }
}
