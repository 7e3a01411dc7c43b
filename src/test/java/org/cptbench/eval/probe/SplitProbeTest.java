package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class SplitProbeTest {
  @Test
  void devSelectionPicksThePredictableC() {
    int[] y = new int[40];
    double[][] x = Synthetic.imbalancedLine(y);
    ProbeResult r = SplitProbe.trainDevTest(x, y, x, y, x, y, ProbeOptions.senteval());
    assertEquals(List.of(2.0), r.chosenPenalties());
    assertEquals(1.0, r.devAccuracy());
    assertEquals(1.0, r.accuracy());
    assertNull(r.f1());
    assertTrue(r.definition().contains("C chosen on dev from {0.25, 0.5, 1, 2, 4, 8}"), r.definition());
  }

  @Test
  void kFoldSelectionOnTrainUsesTheKFoldGrid() {
    // Grid {0.5, ..., 32}, 10 folds: every training fold holds 9 of class 1 and 27 of class 0, where the class-1
    // score is -0.227 at C = 1 and +0.233 at C = 2 (Newton's method), so 2 is the first C that separates.
    int[] y = new int[40];
    double[][] x = Synthetic.imbalancedLine(y);
    ProbeResult r = SplitProbe.trainTest(x, y, x, y, ProbeOptions.senteval());
    assertEquals(List.of(2.0), r.chosenPenalties());
    assertEquals(1.0, r.accuracy());
    assertTrue(r.definition().contains("10-fold CV on train from {0.5, 1, 2, 4, 8, 16, 32}"), r.definition());
  }

  @Test
  void separableMulticlassTrainTest() {
    int[] y = new int[120];
    double[][] x = Synthetic.blobs(120, 6, 6, 8.0, 1.0, 11, y);
    int[] yTest = new int[60];
    double[][] xTest = Synthetic.blobs(60, 6, 6, 8.0, 1.0, 12, yTest);
    ProbeResult r = SplitProbe.trainTest(x, y, xTest, yTest, ProbeOptions.senteval().withFolds(5));
    assertEquals(1.0, r.accuracy());
    assertEquals(120, r.nTrain());
    assertEquals(60, r.nTest());
    assertEquals(r, SplitProbe.trainTest(x, y, xTest, yTest, ProbeOptions.senteval().withFolds(5).withThreads(1)));
  }

  @Test
  void paraphrasePairsAreSeparatedByAbsDiff() {
    // label 1: v = u + small noise; label 0: v independent. |u - v| separates them.
    SplittableRandom r = new SplittableRandom(3);
    int n = 80;
    double[][] u = new double[n][5];
    double[][] v = new double[n][5];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      for (int j = 0; j < 5; j++) {
        u[i][j] = r.nextDouble(-1, 1);
        v[i][j] = y[i] == 1 ? u[i][j] + r.nextDouble(-0.01, 0.01) : r.nextDouble(-1, 1) + (u[i][j] > 0 ? -1 : 1);
      }
    }
    ProbeResult res =
        SplitProbe.pairs(u, v, y, u, v, y, PairFeatures.Layout.SENTEVAL_MRPC, ProbeOptions.senteval().withFolds(5));
    assertEquals(1.0, res.accuracy());
    assertEquals(1.0, res.f1());
    assertTrue(res.definition().contains("pair features [|u-v|, u*v]"), res.definition());
  }

  @Test
  void f1OfClassOne() {
    // tp = 2, fp = 1, fn = 1: F1 = 4 / (4 + 2) = 2/3
    assertEquals(2.0 / 3, SplitProbe.f1(new int[] {1, 1, 1, 0, 0}, new int[] {1, 1, 0, 1, 0}), 1e-12);
    assertEquals(0.0, SplitProbe.f1(new int[] {0, 0}, new int[] {1, 0}));
  }

  @Test
  void rejectsBadSplits() {
    double[][] x = {{1}, {2}, {3}, {4}};
    int[] y = {0, 1, 0, 1};
    CptbenchException e =
        assertThrows(
            CptbenchException.class,
            () -> SplitProbe.trainDevTest(x, y, x, new int[] {0}, x, y, ProbeOptions.senteval()));
    assertTrue(e.getMessage().contains("split probe dev: 4 feature rows but 1 labels"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> SplitProbe.trainTest(x, new int[] {2, 2, 2, 2}, x, y, ProbeOptions.senteval()));
    assertTrue(e.getMessage().contains("all 4 labels are 2"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> SplitProbe.trainTest(x, y, new double[][] {{1, 2}}, new int[] {0}, ProbeOptions.senteval()));
    assertTrue(e.getMessage().contains("width 2 differs from the training width 1"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> SplitProbe.pairs(x, x, new int[] {0, 1, 2, 1}, x, x, y, PairFeatures.Layout.FULL,
            ProbeOptions.senteval()));
    assertTrue(e.getMessage().contains("label 2 at row 2"), e.getMessage());
  }
}
