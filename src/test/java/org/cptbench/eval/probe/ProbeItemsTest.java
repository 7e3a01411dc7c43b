package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-item predictions: one per test item, fold by fold, agreeing with the fold accuracies. */
class ProbeItemsTest {
  @Test
  void crossValidationRecordsEveryItemOnceInItsTestFold() {
    int[] y = new int[157];
    double[][] x = Synthetic.blobs(157, 6, 3, 1.0, 1.0, 9, y);
    for (ProbeProtocol protocol : ProbeProtocol.values()) {
      ProbeOptions opt = ProbeOptions.senteval().withFolds(5).withProtocol(protocol);
      ProbeResult r = CrossValidatedProbe.run(x, y, opt);
      List<StratifiedFolds.Fold> folds = StratifiedFolds.split(y, 5, opt.seed());
      assertEquals(157, r.items().size());
      Set<Integer> seen = new HashSet<>();
      double sum = 0;
      for (int f = 0; f < 5; f++) {
        int fold = f;
        List<ProbeItem> in = r.items().stream().filter(it -> it.fold() == fold).toList();
        assertEquals(folds.get(f).test().length, in.size(), "items of fold " + f);
        double correct = in.stream().filter(ProbeItem::correct).count();
        assertEquals(r.foldAccuracies().get(f), correct / in.size(), 0.0, "fold " + f);
        for (ProbeItem it : in) {
          assertEquals(y[it.index()], it.gold());
          seen.add(it.index());
        }
        sum += correct / in.size();
      }
      assertEquals(157, seen.size());
      assertEquals(r.accuracy(), sum / 5, 1e-15);
    }
  }

  @Test
  void splitTasksRecordEveryTestItem() {
    int[] y = new int[90];
    double[][] x = Synthetic.blobs(90, 4, 3, 1.5, 1.0, 3, y);
    int[] yTest = new int[41];
    double[][] xTest = Synthetic.blobs(41, 4, 3, 1.5, 1.0, 4, yTest);
    ProbeResult r = SplitProbe.trainTest(x, y, xTest, yTest, ProbeOptions.senteval().withFolds(3));
    assertEquals(41, r.items().size());
    long correct = r.items().stream().filter(ProbeItem::correct).count();
    assertEquals(r.accuracy(), correct / 41.0, 0.0);
    for (int i = 0; i < 41; i++) {
      assertEquals(new ProbeItem(0, i, yTest[i], r.items().get(i).predicted()), r.items().get(i));
    }
  }
}
