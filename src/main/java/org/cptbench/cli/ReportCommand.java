package org.cptbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cptbench.cluster.RunTables;
import org.cptbench.cluster.SlurmExecutor;
import org.cptbench.report.ReportFiles;
import org.cptbench.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./harness report RUN_DIR}: writes {@code report.md}, {@code report.html}, {@code charts/*.png} and
 * {@code tables/*.csv} into a suite run folder (see {@link RunReport}) and prints the paths written.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the report of a suite run into its folder: report.md, report.html (self-contained), charts/*.png,"
          + " tables/*.csv.",
      "Reads run.json, results.csv, cells/*/train-log.csv and, when present, tasks.csv (main metrics), verdicts.csv"
          + " and failures.csv.",
      "For a run submitted to Slurm (run --executor slurm), results.csv, failures.csv and verdicts.csv are first",
      "rebuilt from the cell folders."
    })
public final class ReportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder written by the suite runner.")
  Path runDir;

  @Override
  public Integer call() {
    if (SlurmExecutor.submitted(runDir)) { // cells ran as Slurm tasks: the tables come from the cell folders first
      RunTables.collect(runDir, System.err);
    }
    ReportFiles files = RunReport.write(runDir);
    PrintWriter out = spec.commandLine().getOut();
    for (Path p : files.all()) {
      out.println(p);
    }
    out.flush();
    return 0;
  }
}
