package org.cptbench.report;

import org.cptbench.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.Table;

/**
 * The report of a suite run: reads {@code RUN/run.json}, {@code RUN/results.csv}, {@code RUN/cells/*}, and the
 * optional {@code RUN/verdicts.csv}, {@code RUN/failures.csv} and {@code RUN/suite.yaml} (its {@code claims:}, tested
 * on the cells' per-item files by {@link ClaimsTable}), and writes into the run folder:
 *
 * <ul>
 *   <li>{@code report.md} and {@code report.html} (self-contained: inline CSS, charts as base64 data URIs): the claims
 *       table (first, when the suite states claims), the paper-style {@link ComparisonTable} with the reference rows
 *       ({@link References}), charts with error bars ({@link ScoreIntervals}), {@link TaskTables}, verdicts and
 *       failures, and the provenance last; no machine-local absolute path ({@link LocalPaths});
 *   <li>{@code charts/*.png}: {@code tradeoff.png} (STS avg vs search avg over checkpoints), {@code batch-probe.png},
 *       {@code batch-sts.png}, {@code batch-search.png} (averages vs batch size), {@code tau.png} (learned logit
 *       scale), {@code training.png} (loss and in-batch accuracy); a chart is left out when the run lacks its data;
 *   <li>{@code tables/*.csv}: {@code claims.csv} (when the suite states claims), {@code comparison.csv},
 *       {@code references.csv} (the reference rows, when the run has references),
 *       {@code checkpoints.csv} (seed statistics of every measure at
 *       every step), {@code per-seed.csv}, {@code task-<task>.csv}.
 * </ul>
 */
public final class RunReport {
  static final List<String> CHART_NAMES =
      List.of("tradeoff.png", "batch-probe.png", "batch-sts.png", "batch-search.png", "tau.png", "training.png");

  private RunReport() {}

  /** Writes the report of {@code runDir}, dated now. */
  public static ReportFiles write(Path runDir) {
    return write(runDir, Instant.now());
  }

  /** Writes the report of {@code runDir}, dated {@code generated}. */
  public static ReportFiles write(Path runDir, Instant generated) {
    if (!Files.isDirectory(runDir)) {
      throw new CptbenchException(runDir + ": not a directory (expected a run folder with run.json and results.csv)");
    }
    ChartFiles.headless();
    ProvenanceTable provenance = ProvenanceTable.read(runDir.resolve("run.json"));
    Results results = Results.read(runDir.resolve("results.csv"));
    Verdicts verdicts = Verdicts.readIfPresent(runDir);
    Failures failures = Failures.readIfPresent(runDir);
    List<CellTrainLog> logs = CellTrainLog.readAll(runDir);

    Scores scores = new Scores(results);
    ConfigLabels labels = new ConfigLabels(scores.configs());
    CellLabels cellLabels = new CellLabels(runDir, results, labels, logs);
    ComparisonTable comparison = new ComparisonTable(scores);
    References references = References.read(runDir);
    List<TaskTables.TaskTable> taskTables = TaskTables.build(scores, labels, references);
    LocalPaths paths = new LocalPaths(runDir, provenance.dataDir());
    ClaimsTable.Section claims = ClaimsTable.read(runDir, results);
    if (claims != null && claims.table() != null) {
      claims = new ClaimsTable.Section(paths.scrub(claims.table()), null);
    } else if (claims != null) {
      claims = new ClaimsTable.Section(null, paths.scrub(claims.problem()));
    }
    Table referenceRows = comparison.referenceRows(references);

    List<Path> tables = new ArrayList<>();
    Path tableDir = runDir.resolve("tables");
    if (claims != null && claims.table() != null) {
      tables.add(writeCsv(claims.table(), tableDir.resolve("claims.csv")));
    } else {
      deleteQuietly(tableDir.resolve("claims.csv"));
    }
    tables.add(writeCsv(comparison.numeric(), tableDir.resolve("comparison.csv")));
    if (referenceRows != null) {
      tables.add(writeCsv(referenceRows, tableDir.resolve("references.csv")));
    } else {
      deleteQuietly(tableDir.resolve("references.csv"));
    }
    tables.add(writeCsv(scores.aggregated(), tableDir.resolve("checkpoints.csv")));
    tables.add(writeCsv(scores.perSeed(), tableDir.resolve("per-seed.csv")));
    Set<String> used = new HashSet<>();
    for (TaskTables.TaskTable t : taskTables) {
      tables.add(writeCsv(t.numeric(), tableDir.resolve(uniqueName("task-" + safe(t.task().name()), used) + ".csv")));
    }

    Path chartDir = runDir.resolve("charts");
    List<ReportBlock.Image> images = new ArrayList<>();
    ScoreIntervals bars = new ScoreIntervals(runDir, scores, seedOf(provenance));
    bars.reset();
    JFreeChart tradeoff = ScoreCharts.tradeoff(scores, labels, bars, references);
    chart(chartDir, "tradeoff.png", tradeoff,
        "Search average vs. STS average at every checkpoint (points labelled with the step), mean over seeds;"
            + " reference encoders as squares or dashed lines." + bars.caption(),
        images);
    String[][] batch = {
      {"batch-probe.png", Scores.PROBE_AVG, "Linear-probe average"},
      {"batch-sts.png", Scores.STS_AVG, "STS average"},
      {"batch-search.png", Scores.SEARCH_AVG, "Search average"}
    };
    for (String[] c : batch) {
      bars.reset();
      JFreeChart chart = ScoreCharts.vsBatchSize(scores, labels, c[1], bars, references);
      chart(chartDir, c[0], chart, c[2] + " vs. batch size at the final checkpoint; reference encoders as dashed"
          + " lines." + bars.caption(), images);
    }
    List<CellTrainLog> learnedLogs = logs.stream().filter(l -> cellLabels.learned(l.cell())).toList();
    chart(chartDir, "tau.png", TrainingCharts.tau(learnedLogs, cellLabels.labels()),
        "Logit scale exp(tau) over training steps, cells with a learned temperature", images);
    chart(chartDir, "training.png", TrainingCharts.lossAndAccuracy(logs, cellLabels.labels()),
        "Training loss and in-batch accuracy over steps, per cell", images);
    Set<String> written = new HashSet<>();
    images.forEach(i -> written.add(Path.of(i.path()).getFileName().toString()));
    for (String name : CHART_NAMES) {
      if (!written.contains(name)) {
        deleteQuietly(chartDir.resolve(name));
      }
    }
    List<Path> charts = images.stream().map(i -> runDir.resolve(i.path())).toList();

    String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .format(generated.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    ReportDocument doc =
        new ReportDocument(paths.runDir(), date, provenance, scores, comparison, taskTables, images, verdicts,
            failures, cellLabels.labels(), claims, referenceRows, org.cptbench.run.Provenance.gitState());
    List<ReportBlock> blocks = paths.scrub(doc.blocks());
    Path md = runDir.resolve("report.md");
    Path html = runDir.resolve("report.html");
    AtomicFiles.writeString(md, MarkdownRenderer.render(blocks));
    AtomicFiles.writeString(html, HtmlRenderer.render(doc.title(), blocks, runDir));
    return new ReportFiles(md, html, charts, tables);
  }

  /** The suite's seed from run.json (seeds the error bars' bootstrap), 13 when absent. */
  private static long seedOf(ProvenanceTable provenance) {
    try {
      return Long.parseLong(provenance.values().getOrDefault("seed", "13"));
    } catch (NumberFormatException e) {
      return 13;
    }
  }

  private static void chart(
      Path dir, String name, JFreeChart chart, String caption, List<ReportBlock.Image> images) {
    if (chart != null) {
      ChartFiles.writePng(chart, dir.resolve(name));
      images.add(new ReportBlock.Image("charts/" + name, caption));
    }
  }

  private static Path writeCsv(Table table, Path file) {
    AtomicFiles.write(file, tmp -> table.write().csv(tmp.toFile()));
    return file;
  }

  /** A file-name-safe form of a task name: characters other than letters, digits, '.', '-' and '_' become '_'. */
  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String uniqueName(String base, Set<String> used) {
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete stale chart " + file, e);
    }
  }
}
