package org.cptbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cptbench.data.sts.StsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SICK-R definition names which protocol the number follows: the test file, or MTEB's all-pairs set. */
class StsEvaluationTest {
  @TempDir Path tmp;

  /** A sentence's embedding is (length, 1) normalised: longer pairs are more alike. */
  static final Embedder EMBEDDER =
      (texts, side) ->
          texts.stream()
              .map(t -> {
                double n = Math.hypot(t.length(), 4);
                return new float[] {(float) (t.length() / n), (float) (4 / n)};
              })
              .toArray(float[][]::new);

  @Test
  void sickVariantsAreNamedAndScoreDifferentPairs() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("SICK"));
    Files.writeString(d.resolve("SICK_train.txt"), "1\taaaaaaaa\tbbbbbbbbbbbb\t4.5\tN\n2\ta\tbbbbbbbbbbbb\t1.0\tN\n");
    Files.writeString(d.resolve("SICK_trial.txt"), "3\taaaa\tbbbbbbbbbbbb\t2.0\tN\n");
    Files.writeString(d.resolve("SICK_test_annotated.txt"), "4\taa\tbbbbbbbbbbbb\t1.5\tN\n5\taaaaaa\tbb\t2.5\tN\n"
        + "6\taaaaaaaaaaa\tbbbbbbbbbbbb\t4.0\tN\n");
    TaskResult test = StsEvaluation.run("sts/SICK", d, "test", EMBEDDER);
    TaskResult mteb = StsEvaluation.run("sts/SICK", d, StsLoader.MTEB, EMBEDDER);
    assertEquals(3, test.details().get("pairs"));
    assertEquals(6, mteb.details().get("pairs"));
    String testDef = test.definitions().get("spearman");
    String mtebDef = mteb.definitions().get("spearman");
    assertTrue(testDef.contains("SICK-R test split (3 pairs") && testDef.contains("not with MTEB"), testDef);
    assertTrue(mtebDef.contains("SICK-R as MTEB scores it: all 6 pairs") && mtebDef.contains("comparable with MTEB"),
        mtebDef);
    assertTrue(test.metrics().get("spearman") != mteb.metrics().get("spearman"), "different pairs, different rho");
  }
}
