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
import org.cptbench.config.ConfigNode;
import org.cptbench.config.SuiteSpec;
import org.cptbench.util.AtomicFiles;

/**
 * Checks results against a suite's {@code expect} bands (Anserini-style regressions). For every (cell, task,
 * metric) at the cell's final step (or the band's {@code step}): OK when inside [min, max], FAIL outside, NEW when no
 * band covers it. A band's {@code cell} mapping selects cells by their parameters (encoder, attention, pooling,
 * temperature, batchSize, steps, seed). Written to {@code verdicts.csv}: {@code cell,task,metric,value,min,max,verdict}.
 */
public final class Expectations {
  private Expectations() {}

  record Band(Map<String, String> cell, String task, String metric, Integer step, double min, double max) {
    boolean covers(Map<String, String> row) {
      if (!task.equals(row.get("task")) || !metric.equals(row.get("metric"))) {
        return false;
      }
      for (Map.Entry<String, String> e : cell.entrySet()) {
        if (!e.getValue().equals(row.get(e.getKey()))) {
          return false;
        }
      }
      return step == null ? row.get("step").equals(row.get("steps")) : step.toString().equals(row.get("step"));
    }
  }

  static List<Band> bands(SuiteSpec suite) {
    List<Band> out = new ArrayList<>();
    for (ConfigNode n : suite.expect()) {
      Map<String, String> cell = new HashMap<>();
      if (n.has("cell")) {
        ConfigNode c = n.child("cell").allowOnly(
            "encoder", "attention", "pooling", "temperature", "batchSize", "steps", "seed");
        c.node().fields().forEachRemaining(e -> cell.put(e.getKey(), e.getValue().asText()));
      }
      out.add(new Band(cell, n.getString("task", ""), n.getString("metric", ""),
          n.has("step") ? n.getInt("step", 0) : null,
          n.getDouble("min", Double.NEGATIVE_INFINITY), n.getDouble("max", Double.POSITIVE_INFINITY)));
    }
    return out;
  }

  /** Writes verdicts.csv from results.csv and returns the number of FAILs. */
  public static int write(Path runDir, SuiteSpec suite) {
    List<Band> bands = bands(suite);
    List<Map<String, String>> rows = readResults(runDir.resolve("results.csv"));
    int[] fails = {0};
    AtomicFiles.write(runDir.resolve("verdicts.csv"), tmp -> {
      try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
              .setHeader("cell", "task", "metric", "value", "min", "max", "verdict").get())) {
        for (Map<String, String> row : rows) {
          Band band = null;
          for (Band b : bands) {
            if (b.covers(row)) {
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
      }
    });
    return fails[0];
  }

  private static String fmt(double d) {
    return Double.isInfinite(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
  }

  /** Counts of OK / FAIL / NEW in verdicts.csv. */
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
