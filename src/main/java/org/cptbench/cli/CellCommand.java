package org.cptbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cptbench.cluster.CellTask;
import org.cptbench.cluster.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./harness cell RUN CELL}: trains and evaluates one cell of a run folder (a Slurm array task's work). */
@Command(
    name = "cell",
    mixinStandardHelpOptions = true,
    description = {
      "Train and evaluate one cell of a run folder written by `./harness run` (what each Slurm array task of",
      "`run --executor slurm` does). Resumes from the cell's checkpoints; exits 1 when the cell fails."
    })
public final class CellCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN", description = "the run folder (suite.yaml, run.json)")
  Path runDir;

  @Parameters(index = "1", paramLabel = "CELL", description = "the cell id (a unique prefix is enough)")
  String cell;

  @Option(names = "--data-dir", description = "benchmark data folder (default: the one recorded in run.json)")
  Path dataDir;

  @Override
  public Integer call() {
    return CellTask.run(RunFolder.read(runDir, dataDir), cell, System.err) ? 0 : 1;
  }
}
