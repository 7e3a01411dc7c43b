package org.cptbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cptbench.report.BenchReport;
import org.cptbench.report.ReportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./harness bench-report JSON... [--out reports/bench]}: merges JMH JSON results into
 * {@code OUT/results.csv} and writes {@code OUT/report.md}, {@code OUT/report.html} and {@code OUT/chart.png}
 * ({@link BenchReport}); prints the paths written. {@code ./harness bench REGEX} runs it after JMH.
 */
@Command(
    name = "bench-report",
    mixinStandardHelpOptions = true,
    description = {
      "Report JMH results: merge JSON result files (JMH -rf json) into OUT/results.csv (keyed by benchmark and",
      "params, newest wins) and write OUT/report.md, OUT/report.html (self-contained) and OUT/chart.png."
    })
public final class BenchReportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "JSON", description = "JMH JSON result files; later files win ties.")
  List<Path> json;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("reports", "bench");

  @Option(
      names = "--command",
      paramLabel = "TEXT",
      description = "The command line shown as the report's origin (default: this bench-report command).")
  String command;

  @Override
  public Integer call() {
    String origin = command;
    if (origin == null || origin.isBlank()) {
      StringBuilder s = new StringBuilder("./harness bench-report");
      json.forEach(p -> s.append(' ').append(p));
      s.append(" --out ").append(out);
      origin = s.toString();
    }
    ReportFiles files = BenchReport.write(json, out, origin);
    PrintWriter pw = spec.commandLine().getOut();
    for (Path p : files.all()) {
      pw.println(p);
    }
    pw.flush();
    return 0;
  }
}
