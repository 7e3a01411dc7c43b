package org.cptbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.stats.MeanScore;
import org.cptbench.stats.ScoreBootstrap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The report read top-down on {@link FakeRun}: section order, provenance last and readable, no local paths, the
 * reference rows of {@code references.csv} in the tables and charts, and the charts' error bars.
 */
class ReportReadingTest {
  private static final Instant WHEN = Instant.parse("2025-03-04T05:06:07Z");

  @TempDir Path dir;

  /** bm25 on scifact; minilm-l6 on all three tasks (scifact without MRR@10). */
  private void writeReferences() throws IOException {
    Files.writeString(dir.resolve("references.csv"), """
        reference,task,kind,metric,value,definition
        bm25,scifact,retrieval,nDCG@10,0.665,ndcg
        bm25,scifact,retrieval,MRR@10,0.70,mrr
        minilm-l6,MR,probe,accuracy,0.78,acc
        minilm-l6,STSB,sts,spearman,0.82,rho
        minilm-l6,STSB,sts,pearson,0.81,r
        minilm-l6,scifact,retrieval,nDCG@10,0.645,ndcg
        """);
  }

  @Test
  void sectionsComeInReadingOrderWithProvenanceLastAndNoLocalPaths() throws IOException {
    FakeRun.write(dir);
    ReportFiles files = RunReport.write(dir, WHEN);
    String md = Files.readString(files.markdown());
    List<String> h2 = md.lines().filter(l -> l.startsWith("## ")).toList();
    assertEquals(List.of("## Comparison at the final checkpoint", "## Charts", "## Per-task results", "## Verdicts",
        "## Failures", "## Provenance"), h2);
    String provenance = md.substring(md.indexOf("## Provenance"));
    assertTrue(provenance.contains("| gitDirty | false |"), provenance);
    assertTrue(provenance.contains("| dataDir | DATA |"), provenance);
    assertTrue(provenance.contains("```yaml\nname: fake-grid\nseed: 7\n```"), provenance);
    assertTrue(provenance.contains("| cell | batchSize |\n| --- | --- |\n| c01s | 32 |\n| c02s | 64 |"), provenance);
    assertTrue(provenance.contains("This report was rendered from commit `"), provenance);
    // every key: value row is short; nothing is one row of raw JSON
    for (String line : provenance.lines().filter(l -> l.startsWith("| ")).toList()) {
      assertTrue(line.length() < 200, line);
    }
    String html = Files.readString(files.html());
    for (String text : List.of(md, html)) {
      assertFalse(text.contains(dir.toAbsolutePath().toString()), "the run folder's absolute path");
      assertFalse(text.contains(Path.of("").toAbsolutePath().toString()), "the working directory");
      assertFalse(text.contains(System.getProperty("user.home") + "/"), "the home folder");
    }
    assertTrue(html.contains("<pre><code>name: fake-grid\nseed: 7</code></pre>"), html);
  }

  @Test
  void referenceRowsAppearInTheTaskTablesAndUnderTheComparison() throws IOException {
    FakeRun.write(dir);
    writeReferences();
    ReportFiles files = RunReport.write(dir, WHEN);
    String md = Files.readString(files.markdown());
    assertTrue(md.contains("| reference: bm25 | 66.5 | 70.0 | — |"), md);
    assertTrue(md.contains("| reference: minilm-l6 | 64.5 | — | — |"), md);
    assertTrue(md.contains("| reference: minilm-l6 | 78.0 |"), md);
    assertTrue(md.contains("| Reference | Probe avg | STS avg | Search avg | scifact (nDCG@10) |\n"
        + "| --- | --- | --- | --- | --- |\n| bm25 | — | — | 66.5 | 66.5 |\n| minilm-l6 | 78.0 | 82.0 | 64.5 | 64.5 |"),
        md);
    Table refs = Table.read().csv(dir.resolve("tables/references.csv").toFile());
    assertEquals(2, refs.rowCount());
    // reference rows are not configurations: the comparison still has four rows, the best one unchanged
    assertTrue(md.contains("**75.0 ± 1.4**"), md);
    assertEquals(4, Table.read().csv(dir.resolve("tables/comparison.csv").toFile()).rowCount());
    Table scifact = Table.read().csv(dir.resolve("tables/task-scifact.csv").toFile());
    assertEquals(6, scifact.rowCount());
    assertEquals(66.5, scifact.numberColumn("nDCG@10 mean").getDouble(4), 1e-9);

    Files.delete(dir.resolve("references.csv"));
    RunReport.write(dir, WHEN);
    assertFalse(Files.exists(dir.resolve("tables/references.csv")), "a stale reference table is removed");
  }

  @Test
  void chartsShowSeedSpreadBarsAndReferenceLines() throws IOException {
    FakeRun.write(dir);
    writeReferences();
    Results results = Results.read(dir.resolve("results.csv"));
    Scores scores = new Scores(results);
    ConfigLabels labels = new ConfigLabels(scores.configs());
    References refs = References.read(dir);
    ScoreIntervals bars = new ScoreIntervals(dir, scores, 7);

    JFreeChart probe = ScoreCharts.vsBatchSize(scores, labels, Scores.PROBE_AVG, bars, refs);
    XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) probe.getXYPlot().getDataset();
    assertEquals("learned(0.07)", data.getSeriesKey(1));
    // learned(0.07) bs=32: MR 0.70 and 0.72 -> 71 -+ sqrt(2)
    assertEquals(71.0, data.getYValue(1, 0), 1e-9);
    assertEquals(71.0 - Math.sqrt(2), data.getStartYValue(1, 0), 1e-9);
    assertEquals(71.0 + Math.sqrt(2), data.getEndYValue(1, 0), 1e-9);
    assertValues(List.of(78.0), markers(probe, false));
    assertTrue(bars.caption().contains("standard deviation over seeds"), bars.caption());

    JFreeChart search = ScoreCharts.vsBatchSize(scores, labels, Scores.SEARCH_AVG, bars, refs);
    assertValues(List.of(66.5, 64.5), markers(search, false));

    JFreeChart tradeoff = ScoreCharts.tradeoff(scores, labels, bars, refs);
    XYIntervalSeriesCollection t = (XYIntervalSeriesCollection) tradeoff.getXYPlot().getDataset();
    assertEquals(5, t.getSeriesCount(), "four configurations and the minilm-l6 point");
    assertEquals("reference: minilm-l6", t.getSeriesKey(4));
    assertEquals(82.0, t.getXValue(4, 0), 1e-9);
    assertEquals(64.5, t.getYValue(4, 0), 1e-9);
    assertValues(List.of(66.5), markers(tradeoff, false)); // bm25 has no STS score: a line at its search score
    // fixed(0.05) bs=32 at step 300: STS avg {85, 83} -> 84 -+ sqrt(2) on the x axis
    assertEquals(84.0 - Math.sqrt(2), t.getStartXValue(0, 2), 1e-9);
  }

  /**
   * One seed: the bar is the bootstrap interval over the cell's test items, from its per-item files; a measure
   * without them gets no bar.
   */
  @Test
  void oneSeedBarsAreBootstrapIntervalsOverTestItems() throws IOException {
    FakeRun.write(dir);
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    List<String> seedOne = new ArrayList<>(List.of(lines.getFirst()));
    lines.stream().skip(1).filter(l -> !l.startsWith("c02s") && l.matches("c\\d1s,.*")).forEach(seedOne::add);
    Files.write(dir.resolve("results.csv"), seedOne);
    Path evals = Files.createDirectories(dir.resolve("cells/c01s/evals/step-300/per-query"));
    Files.writeString(evals.resolve("scifact.tsv"),
        "metric\tqid\tvalue\nnDCG@10\tq1\t1\nnDCG@10\tq2\t0.5\nnDCG@10\tq3\t0.5\nnDCG@10\tq4\t0\nMRR@10\tq1\t1\n");
    Scores scores = new Scores(Results.read(dir.resolve("results.csv")));
    Config learned32 = FakeRun.config(FakeRun.LEARNED, 32);
    ScoreIntervals bars = new ScoreIntervals(dir, scores, 7);
    ScoreIntervals.Bar bar = bars.at(learned32, 300, Scores.SEARCH_AVG);
    ScoreBootstrap.Interval expected = new ScoreBootstrap(ScoreIntervals.RESAMPLES, 7, 0.95)
        .interval(List.of(ScoreBootstrap.Task.of(new MeanScore(new double[] {1, 0.5, 0.5, 0}))));
    assertEquals(100 * expected.low(), bar.low(), 1e-9);
    assertEquals(100 * expected.high(), bar.high(), 1e-9);
    assertTrue(bar.low() < 50 && bar.high() > 50 && !bar.overSeeds(), bar.toString());
    assertNull(bars.at(learned32, 300, Scores.STS_AVG), "no per-pair file, no bar");
    assertNull(bars.at(learned32, 200, Scores.SEARCH_AVG), "no per-item files at step 200");
    assertTrue(bars.caption().contains("95 % bootstrap interval over test items"), bars.caption());
    ReportFiles files = RunReport.write(dir, WHEN);
    assertTrue(Files.readString(files.markdown()).contains("bootstrap interval over test items (1000 resamples)"));
  }

  private static void assertValues(List<Double> expected, List<Double> actual) {
    assertEquals(expected.size(), actual.size(), actual.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), 1e-9, actual.toString());
    }
  }

  private static List<Double> markers(JFreeChart chart, boolean domain) {
    var markers = domain
        ? chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND)
        : chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND);
    List<Double> out = new ArrayList<>();
    if (markers != null) {
      markers.forEach(m -> out.add(((ValueMarker) m).getValue()));
    }
    return out;
  }
}
