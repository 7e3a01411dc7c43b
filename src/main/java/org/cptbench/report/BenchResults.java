package org.cptbench.report;

import org.cptbench.util.AtomicFiles;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * The accumulated benchmark results: {@code results.csv} (columns {@link #HEADER}; numbers as Java doubles, an
 * undefined number as an empty field) read and written through Tablesaw, and the merge of new results into it.
 */
public final class BenchResults {
  /** The columns of {@code results.csv}, in order. */
  public static final List<String> HEADER =
      List.of(
          "benchmark", "params", "mode", "score", "error", "unit", "rate", "rate_unit", "gflops", "recorded", "jdk",
          "jmh", "cpu");

  private BenchResults() {}

  /**
   * Merges rows keyed by (benchmark, params): for each key the row with the latest {@code recorded} time wins, and
   * on equal times the one that comes later ({@code newer} after {@code earlier}, later in a list after earlier).
   * The result is sorted by {@link #ORDER}.
   */
  public static List<BenchRow> merge(List<BenchRow> earlier, List<BenchRow> newer) {
    Map<BenchRow.Key, BenchRow> byKey = new LinkedHashMap<>();
    List<BenchRow> all = new ArrayList<>(earlier);
    all.addAll(newer);
    for (BenchRow row : all) {
      BenchRow kept = byKey.get(row.key());
      if (kept == null || !row.recorded().isBefore(kept.recorded())) {
        byKey.put(row.key(), row);
      }
    }
    List<BenchRow> out = new ArrayList<>(byKey.values());
    out.sort(ORDER);
    return out;
  }

  /** Benchmark name, then params compared value by value (numbers numerically, e.g. batch=32 before batch=128). */
  public static final Comparator<BenchRow> ORDER =
      Comparator.comparing(BenchRow::benchmark).thenComparing(BenchRow::params, BenchResults::compareParams);

  static int compareParams(String a, String b) {
    String[] pa = a.split(", ", -1);
    String[] pb = b.split(", ", -1);
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      int c = compareValue(pa[i], pb[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  private static int compareValue(String a, String b) {
    int ea = a.indexOf('=');
    int eb = b.indexOf('=');
    String na = ea < 0 ? a : a.substring(0, ea);
    String nb = eb < 0 ? b : b.substring(0, eb);
    int c = na.compareTo(nb);
    if (c != 0) {
      return c;
    }
    String va = ea < 0 ? "" : a.substring(ea + 1);
    String vb = eb < 0 ? "" : b.substring(eb + 1);
    try {
      return Double.compare(Double.parseDouble(va), Double.parseDouble(vb));
    } catch (NumberFormatException e) {
      return va.compareTo(vb);
    }
  }

  /**
   * The rows of {@code file}; an absent file gives no rows.
   *
   * @throws org.cptbench.data.MalformedInputException naming file and line for a bad header or value
   */
  public static List<BenchRow> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    CsvInput in = CsvInput.read(file, HEADER);
    List<BenchRow> rows = new ArrayList<>();
    for (int r = 0; r < in.rowCount(); r++) {
      try {
        rows.add(
            new BenchRow(
                in.get(r, "benchmark"),
                in.get(r, "params"),
                in.get(r, "mode"),
                number(in, r, "score"),
                number(in, r, "error"),
                in.get(r, "unit"),
                number(in, r, "rate"),
                in.get(r, "rate_unit"),
                number(in, r, "gflops"),
                Instant.parse(in.get(r, "recorded")),
                in.get(r, "jdk"),
                in.get(r, "jmh"),
                in.get(r, "cpu")));
      } catch (DateTimeParseException e) {
        throw in.error(
            r, "recorded: '" + in.get(r, "recorded") + "' is not an ISO-8601 instant (e.g. 2025-01-31T12:00:00Z)");
      } catch (IllegalArgumentException | NullPointerException e) {
        throw in.error(r, String.valueOf(e.getMessage()));
      }
    }
    return rows;
  }

  private static double number(CsvInput in, int row, String column) {
    String v = in.get(row, column);
    if (v == null || v.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw in.error(row, column + ": '" + v + "' is not a number (empty for undefined)");
    }
  }

  /** The rows as a Tablesaw table with the {@link #HEADER} columns (numbers as double columns, NaN missing). */
  public static Table table(List<BenchRow> rows) {
    StringColumn benchmark = StringColumn.create("benchmark");
    StringColumn params = StringColumn.create("params");
    StringColumn mode = StringColumn.create("mode");
    DoubleColumn score = DoubleColumn.create("score");
    DoubleColumn error = DoubleColumn.create("error");
    StringColumn unit = StringColumn.create("unit");
    DoubleColumn rate = DoubleColumn.create("rate");
    StringColumn rateUnit = StringColumn.create("rate_unit");
    DoubleColumn gflops = DoubleColumn.create("gflops");
    StringColumn recorded = StringColumn.create("recorded");
    StringColumn jdk = StringColumn.create("jdk");
    StringColumn jmh = StringColumn.create("jmh");
    StringColumn cpu = StringColumn.create("cpu");
    for (BenchRow r : rows) {
      benchmark.append(r.benchmark());
      params.append(r.params());
      mode.append(r.mode());
      score.append(r.score());
      error.append(r.error());
      unit.append(r.unit());
      rate.append(r.rate());
      rateUnit.append(r.rateUnit());
      gflops.append(r.gflops());
      recorded.append(r.recorded().toString());
      jdk.append(r.jdk());
      jmh.append(r.jmh());
      cpu.append(r.cpu());
    }
    return Table.create(
        "results", benchmark, params, mode, score, error, unit, rate, rateUnit, gflops, recorded, jdk, jmh, cpu);
  }

  /** Writes the rows to {@code file} (atomically, RFC 4180 CSV with a header line). */
  public static void write(Path file, List<BenchRow> rows) {
    Table t = table(rows);
    AtomicFiles.write(
        file,
        tmp -> {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            t.write().csv(CsvWriteOptions.builder(w).header(true).build());
          }
        });
  }

  /**
   * The rows for reading: score and error, rate and GFLOP/s to 4 significant digits, the error as {@code ± x},
   * undefined values as an em dash; {@code recorded} in UTC to the second.
   */
  static Table display(List<BenchRow> rows) {
    StringColumn[] cols = {
      StringColumn.create("benchmark"),
      StringColumn.create("params"),
      StringColumn.create("mode"),
      StringColumn.create("score"),
      StringColumn.create("error"),
      StringColumn.create("unit"),
      StringColumn.create("rate"),
      StringColumn.create("rate unit"),
      StringColumn.create("GFLOP/s"),
      StringColumn.create("recorded")
    };
    for (BenchRow r : rows) {
      cols[0].append(r.benchmark());
      cols[1].append(r.params());
      cols[2].append(r.mode());
      cols[3].append(format(r.score()));
      cols[4].append(Double.isNaN(r.error()) ? "—" : "± " + format(r.error()));
      cols[5].append(r.unit());
      cols[6].append(format(r.rate()));
      cols[7].append(r.rateUnit());
      cols[8].append(format(r.gflops()));
      cols[9].append(r.recorded().toString().replace('T', ' ').replace("Z", " UTC"));
    }
    return Table.create("results", cols);
  }

  /** At most 4 significant digits in plain notation ({@code 1235000}, {@code 69.34}, {@code 0.5}); NaN as "—". */
  static String format(double x) {
    if (Double.isNaN(x)) {
      return "—";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "-∞";
    }
    return BigDecimal.valueOf(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
