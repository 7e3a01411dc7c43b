package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.TestData;
import org.cptbench.eval.metric.Spearman;
import org.cptbench.text.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * all-MiniLM-L6-v2 reproduces its published MTEB STSBenchmark (test) score: Spearman correlation of the cosine of
 * the two sentences' embeddings with the gold scores, x100 = 82.03 (MTEB leaderboard, sentence-transformers model
 * card). Skipped when the shared STS-B data is absent.
 */
class MiniLmStsBenchmarkTest {
  @TempDir Path cache;

  @Test
  void spearmanOnStsBenchmarkTestMatchesPublished() throws IOException {
    Path file = TestData.require("sts/STSBenchmark").resolve("sts-test.csv");
    List<String> s1 = new ArrayList<>();
    List<String> s2 = new ArrayList<>();
    List<Double> gold = new ArrayList<>();
    // TAB-separated: genre, file, year, id, score, s1, s2 [, sources...]; bare '"' inside, so no CSV unquoting
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      gold.add(Double.parseDouble(f[4]));
      s1.add(f[5]);
      s2.add(f[6]);
    }
    assertEquals(1379, gold.size());
    double[] cos = new double[gold.size()];
    try (Encoder encoder = Encoders.open("minilm-l6", cache)) {
      float[][] a = encoder.embed(s1, Side.X);
      float[][] b = encoder.embed(s2, Side.X);
      for (int i = 0; i < cos.length; i++) {
        cos[i] = OnnxEncoderTest.cos(a[i], b[i]);
      }
    }
    double rho = 100 * new Spearman().compute(cos, gold.stream().mapToDouble(Double::doubleValue).toArray());
    System.out.println("STS-B test Spearman x100 = " + rho);
    assertEquals(82.03, rho, 0.5, "STS-B test Spearman x100");
  }
}
