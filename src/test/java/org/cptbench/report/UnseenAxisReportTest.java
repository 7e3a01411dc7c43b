package org.cptbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The report names no sweep axis: a results.csv with a parameter column it has never seen ({@code language}, a
 * future axis) and cells that differ only there, or only in the temperature's learning rate, gives one row and one
 * label per configuration.
 */
class UnseenAxisReportTest {
  @TempDir Path dir;

  @Test
  void anAxisTheReportNeverNamedGetsItsOwnColumnRowsAndLabels() throws IOException {
    List<String> header = Results.header(
        List.of("encoder", "attention", "pooling", "temperature", "batchSize", "steps", "seed", "language"));
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    String[][] cells = {
      {"a", "learned(0.07 lr=0.005)", "java"},
      {"b", "learned(0.07 lr=0.005)", "python"},
      {"c", "learned(0.07 lr=0.05)", "java"},
    };
    double v = 0.5;
    for (String[] c : cells) {
      for (int step : new int[] {10, 20}) {
        csv.append(String.format(Locale.ROOT, "%s,tiny,causal,eos,%s,8,20,13,%s,%d,sts/STSB,sts,spearman,%.2f,rho%n",
            c[0], c[1], c[2], step, v += 0.01));
      }
    }
    Files.writeString(dir.resolve("results.csv"), csv);
    Files.writeString(dir.resolve("run.json"), """
        {"suite": "axis", "runId": "r", "seed": 13, "start": "2025-01-01T00:00:00Z", "end": null}
        """);

    Results results = Results.read(dir.resolve("results.csv"));
    assertEquals(List.of("encoder", "attention", "pooling", "temperature", "batchSize", "steps", "language"),
        results.cells().get("a").config().fields());
    Scores scores = new Scores(results);
    assertEquals(3, scores.configs().size(), "one configuration per cell");
    ConfigLabels labels = new ConfigLabels(scores.configs());
    assertEquals(List.of("temperature", "language"), labels.varying());
    List<String> shown = scores.configs().stream().map(labels::label).toList();
    assertEquals(3, shown.stream().distinct().count(), shown.toString());
    assertTrue(shown.contains("learned(0.07 lr=0.005), language=python"), shown.toString());

    RunReport.write(dir);
    Table comparison = Table.read().csv(dir.resolve("tables/comparison.csv").toFile());
    assertEquals(3, comparison.rowCount());
    assertTrue(comparison.columnNames().contains("language"), comparison.columnNames().toString());
    assertTrue(Files.readString(dir.resolve("report.md")).contains("language"));
  }
}
