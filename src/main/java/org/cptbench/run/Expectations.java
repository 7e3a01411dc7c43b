package org.cptbench.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cptbench.config.CellParams;
import org.cptbench.config.Expectation;
import org.cptbench.config.SuiteSpec;
import org.cptbench.train.TrainHealth;
import org.cptbench.train.TrainingRun;
import org.cptbench.util.AtomicFiles;

/**
 * Checks results against a suite's {@code expect} bands (Anserini-style regressions). For every (cell, task,
 * metric) at the cell's final step (or the band's {@code step}): OK when inside [min, max], FAIL outside, NEW when no
 * band covers it. A band's {@code cell} mapping selects cells by their parameter columns
 * ({@link org.cptbench.config.CellParams#COLUMNS}) as results.csv holds them. Written to {@code verdicts.csv}: {@code cell,task,metric,value,min,max,verdict}.
 * A cell whose training collapsed or diverged ({@link TrainHealth#summarise} of its {@code train-log.csv}) gets one
 * more row: task {@value #TRAINING}, metric {@code collapsed} or {@code diverged}, value the first step that had it,
 * verdict {@code WARN} (a warning, not a failure: the exit status is unchanged).
 */
public final class Expectations {
  /** The task column of a training-health row. */
  public static final String TRAINING = "training";

  private Expectations() {}

  /** Whether a band covers a row of results.csv (its selector, task, metric and step). */
  static boolean covers(Expectation band, Map<String, String> row, Map<String, String> legacy) {
    if (!band.task().equals(row.get("task")) || !band.metric().equals(row.get("metric"))
        || !band.selects(row, legacy)) {
      return false;
    }
    return band.step() == null
        ? row.get("step").equals(row.get("steps"))
        : band.step().toString().equals(row.get("step"));
  }

  /** Writes verdicts.csv from results.csv and returns the number of FAILs. */
  public static int write(Path runDir, SuiteSpec suite) {
    List<Expectation> bands = suite.expect();
    Map<List<String>, CellParams> cellOfColumns = new HashMap<>();
    suite.cells().forEach(c -> cellOfColumns.put(List.copyOf(c.columnText().values()), c));
    List<Map<String, String>> rows = readResults(runDir.resolve("results.csv"));
    int[] fails = {0};
    AtomicFiles.write(runDir.resolve("verdicts.csv"), tmp -> {
      try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
              .setHeader("cell", "task", "metric", "value", "min", "max", "verdict").get())) {
        for (Map<String, String> row : rows) {
          CellParams params = cellOfColumns.get(CellParams.COLUMNS.stream().map(row::get).toList());
          Map<String, String> legacy = params == null ? row : params.legacyColumnText();
          Expectation band = null;
          for (Expectation b : bands) {
            if (covers(b, row, legacy)) {
              band = b;
              break;
            }
          }
          boolean finalStep = row.get("step").equals(row.get("steps"));
          if (band == null && !finalStep) {
            continue;
          }
          double v = Double.parseDouble(row.get("value"));
          String verdict = band == null ? "NEW" : (v >= band.min() && v <= band.max() ? "OK" : "FAIL");
          if (verdict.equals("FAIL")) {
            fails[0]++;
          }
          out.printRecord(row.get("cell"), row.get("task"), row.get("metric"),
              String.format(Locale.ROOT, "%.6f", v), band == null ? "" : fmt(band.min()),
              band == null ? "" : fmt(band.max()), verdict);
        }
        for (String cell : cellIds(runDir, rows)) {
          Path log = runDir.resolve("cells").resolve(cell).resolve(TrainingRun.LOG);
          if (!Files.isRegularFile(log)) {
            continue;
          }
          TrainHealth.Summary health = TrainHealth.summarise(log);
          if (health.status() != TrainHealth.Status.OK) {
            out.printRecord(cell, TRAINING, health.status().label(), health.step(), "", "", "WARN");
          }
        }
      }
    });
    return fails[0];
  }

  /** The cells of the run in results.csv order, then those only in failures.csv (a diverged cell fails). */
  private static List<String> cellIds(Path runDir, List<Map<String, String>> rows) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    rows.forEach(r -> ids.add(r.get("cell")));
    Path failures = runDir.resolve("failures.csv");
    if (Files.exists(failures)) {
      readResults(failures).forEach(r -> ids.add(r.get("cell")));
    }
    return List.copyOf(ids);
  }

  /** The WARN rows of verdicts.csv (a cell whose training collapsed or diverged), as text. */
  public static List<String> warnings(Path runDir) {
    return readResults(runDir.resolve("verdicts.csv")).stream()
        .filter(r -> "WARN".equals(r.get("verdict")))
        .map(r -> r.get("cell") + " training " + r.get("metric") + " at step " + r.get("value"))
        .toList();
  }

  private static String fmt(double d) {
    return Double.isInfinite(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
  }

  /** Counts of OK / FAIL / NEW / WARN in verdicts.csv. */
  public static Map<String, Long> counts(Path runDir) {
    Map<String, Long> m = new java.util.TreeMap<>();
    for (Map<String, String> r : readResults(runDir.resolve("verdicts.csv"))) {
      m.merge(r.get("verdict"), 1L, Long::sum);
    }
    return m;
  }

  /** The FAIL rows of verdicts.csv, as text. */
  public static List<String> failures(Path runDir) {
    return readResults(runDir.resolve("verdicts.csv")).stream()
        .filter(r -> "FAIL".equals(r.get("verdict")))
        .map(r -> r.get("cell") + " " + r.get("task") + " " + r.get("metric") + " = " + r.get("value")
            + " not in [" + r.get("min") + ", " + r.get("max") + "]")
        .toList();
  }

  static List<Map<String, String>> readResults(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        rows.add(rec.toMap());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
