package org.cptbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cptbench.eval.probe.ProbeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reported probe accuracy is SentEval's number: each fold rounded to 2 decimals in percent, then the mean. */
class ProbeAccuracyRoundingTest {
  @TempDir Path tmp;

  @Test
  void accuracyIsTheMeanOfRoundedFoldAccuracies() throws IOException {
    // 33 + 33 sentences: folds of 6 or 7, so fold accuracies such as 6/7 = 85.714...% need rounding
    Path folder = Files.createDirectories(tmp.resolve("toy"));
    StringBuilder pos = new StringBuilder();
    StringBuilder neg = new StringBuilder();
    Map<String, float[]> vectors = new HashMap<>();
    Random rnd = new Random(5);
    for (int i = 0; i < 33; i++) {
      pos.append("good ").append(i).append('\n');
      neg.append("bad ").append(i).append('\n');
      vectors.put("good " + i, new float[] {0.6f + (float) rnd.nextGaussian(), (float) rnd.nextGaussian()});
      vectors.put("bad " + i, new float[] {-0.6f + (float) rnd.nextGaussian(), (float) rnd.nextGaussian()});
    }
    Files.writeString(folder.resolve("toy.pos"), pos);
    Files.writeString(folder.resolve("toy.neg"), neg);
    Embedder embedder =
        new Embedder() {
          @Override
          public float[][] embed(List<String> texts, org.cptbench.text.Side side) {
            return texts.stream().map(vectors::get).toArray(float[][]::new);
          }

          @Override
          public float[][] embedUnnormalized(List<String> texts, org.cptbench.text.Side side) {
            return embed(texts, side);
          }
        };
    TaskResult r = ProbeEvaluation.run("toy", folder, embedder, ProbeOptions.senteval().withThreads(1));

    @SuppressWarnings("unchecked")
    List<Double> folds = (List<Double>) r.details().get("folds");
    assertEquals(10, folds.size());
    double sum = 0;
    for (double a : folds) {
      sum += Math.rint(100 * a * 100) / 100; // numpy round(100 * acc, 2)
    }
    double senteval = Math.rint(sum / folds.size() * 100) / 100;
    assertEquals(senteval / 100, r.metrics().get("accuracy"), 1e-15);
    double unrounded = (Double) r.details().get("meanAccuracy");
    assertNotEquals(unrounded, r.metrics().get("accuracy"), "the fixture's folds need rounding");
    assertEquals(unrounded, r.metrics().get("accuracy"), 0.0001);
    assertTrue(r.definitions().get("accuracy").contains("round(100*acc, 2)"), r.definitions().get("accuracy"));
  }
}
