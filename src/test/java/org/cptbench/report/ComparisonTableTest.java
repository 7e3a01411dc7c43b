package org.cptbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison table of {@link FakeRun}: hand-computed means, sample stds and seed-noise flags (x100). */
class ComparisonTableTest {
  private static final double EPS = 1e-9;
  private static final double SQRT2 = Math.sqrt(2);

  @TempDir Path dir;
  private Scores scores;
  private ComparisonTable table;

  @BeforeEach
  void build() throws IOException {
    FakeRun.write(dir);
    scores = new Scores(Results.read(dir.resolve("results.csv")));
    table = new ComparisonTable(scores);
  }

  private static Config learned(int bs) {
    return FakeRun.config(FakeRun.LEARNED, bs);
  }

  private static Config fixed(int bs) {
    return FakeRun.config(FakeRun.FIXED, bs);
  }

  private void assertEntry(Config c, String col, double mean, double std, boolean best, boolean within) {
    ComparisonTable.Entry e = table.entry(c, col);
    assertEquals(mean, e.value().mean(), EPS, c + " " + col + " mean");
    assertEquals(std, e.value().std(), EPS, c + " " + col + " std");
    assertEquals(2, e.value().n(), c + " " + col + " n");
    assertEquals(best, e.best(), c + " " + col + " best");
    assertEquals(within, e.withinNoise(), c + " " + col + " within noise");
  }

  @Test
  void columnsAndRows() {
    assertEquals(
        List.of(Scores.PROBE_AVG, Scores.STS_AVG, Scores.SEARCH_AVG, "scifact (nDCG@10)"), table.columns());
    assertEquals(FakeRun.sortedConfigs(), table.rows());
    for (Config c : table.rows()) {
      assertEquals(300, scores.finalStep(c));
      assertEquals(2, scores.seeds(c));
      assertEquals(List.of(100, 200, 300), scores.steps(c));
    }
  }

  @Test
  void probeAverage() {
    // std of {70, 72} = sqrt(((−1)^2 + 1^2) / 1) = sqrt 2; of {73.5, 74.5} = sqrt(0.5)
    assertEntry(learned(32), Scores.PROBE_AVG, 71.0, SQRT2, false, false); // gap 4 > sqrt 2
    assertEntry(learned(64), Scores.PROBE_AVG, 75.0, SQRT2, true, false);
    assertEntry(fixed(32), Scores.PROBE_AVG, 60.0, 0.0, false, false);
    // gap 1 < max(sqrt 0.5, best's sqrt 2): flagged through the best row's noise
    assertEntry(fixed(64), Scores.PROBE_AVG, 74.0, Math.sqrt(0.5), false, true);
  }

  @Test
  void stsAverage() {
    assertEntry(learned(32), Scores.STS_AVG, 80.0, 0.0, false, false); // gap 4 > sqrt 2 (best's std)
    // {80, 86}: std sqrt(18) = 4.243; gap 1 to the best (84) is below its own noise
    assertEntry(learned(64), Scores.STS_AVG, 83.0, Math.sqrt(18), false, true);
    assertEntry(fixed(32), Scores.STS_AVG, 84.0, SQRT2, true, false);
    assertEntry(fixed(64), Scores.STS_AVG, 81.0, 0.0, false, false); // gap 3 > sqrt 2
  }

  @Test
  void searchAverageAndTask() {
    for (String col : List.of(Scores.SEARCH_AVG, "scifact (nDCG@10)")) {
      assertEntry(learned(32), col, 51.0, SQRT2, false, false);
      assertEntry(learned(64), col, 61.0, SQRT2, true, false);
      assertEntry(fixed(32), col, 40.0, 0.0, false, false);
      assertEntry(fixed(64), col, 56.0, SQRT2, false, false); // gap 5
    }
  }

  @Test
  void displayText() {
    ReportBlock.TableBlock block = table.display();
    var t = block.table();
    assertEquals(
        List.of("Encoder", "Attention", "Pooling", "Temperature", "Batch size", "Steps", "Final step", "Seeds",
            "Probe avg", "STS avg", "Search avg", "scifact (nDCG@10)"),
        t.columnNames());
    // row 1 = fixed(0.05) bs=64
    assertEquals("~74.0 ± 0.7", t.stringColumn("Probe avg").get(1));
    assertEquals("75.0 ± 1.4", t.stringColumn("Probe avg").get(3));
    assertEquals("~83.0 ± 4.2", t.stringColumn("STS avg").get(3));
    assertEquals("60.0 ± 0.0", t.stringColumn("Probe avg").get(0));
    assertTrue(block.bold().contains(new ReportBlock.TableBlock.Cell(3, 8)));
    assertTrue(block.bold().contains(new ReportBlock.TableBlock.Cell(0, 9)));
    assertFalse(block.bold().contains(new ReportBlock.TableBlock.Cell(1, 8)));
    assertEquals(4, block.bold().size(), "one bold cell per score column: " + block.bold());
  }

  @Test
  void checkpointsAreSeedMeans() {
    // step 200, learned bs=64: STS {0.76, 0.82} -> 79 ± sqrt 18; search {0.55, 0.57} -> 56 ± sqrt 2
    MeanStd sts = scores.at(learned(64), 200, Scores.STS_AVG);
    assertEquals(79.0, sts.mean(), EPS);
    assertEquals(Math.sqrt(18), sts.std(), EPS);
    MeanStd search = scores.at(learned(64), 200, Scores.SEARCH_AVG);
    assertEquals(56.0, search.mean(), EPS);
    assertEquals(SQRT2, search.std(), EPS);
    // step 100, fixed bs=32: probe {0.50, 0.50}
    assertEquals(50.0, scores.at(fixed(32), 100, Scores.PROBE_AVG).mean(), EPS);
  }

  @Test
  void perTaskTablesHaveEveryMetric() {
    List<TaskTables.TaskTable> tables = TaskTables.build(scores, new ConfigLabels(scores.configs()));
    assertEquals(List.of("MR", "STSB", "scifact"), tables.stream().map(t -> t.task().name()).toList());
    var scifact = tables.get(2).display();
    assertEquals(List.of("Configuration", "nDCG@10", "MRR@10", "R@100"), scifact.columnNames());
    assertEquals(
        List.of("fixed(0.05), bs=32", "fixed(0.05), bs=64", "learned(0.07), bs=32", "learned(0.07), bs=64"),
        scifact.stringColumn("Configuration").asList());
    // learned bs=64: MRR {0.65, 0.67} -> 66 ± 1.4; R@100 {0.90, 0.94} -> 92 ± 2.8
    assertEquals("66.0 ± 1.4", scifact.stringColumn("MRR@10").get(3));
    assertEquals("92.0 ± 2.8", scifact.stringColumn("R@100").get(3));
    var numeric = tables.get(2).numeric();
    assertEquals(Math.sqrt(8), numeric.doubleColumn("R@100 std").getDouble(3), EPS);
    assertEquals(2, numeric.intColumn("R@100 n").getInt(3));
  }
}
