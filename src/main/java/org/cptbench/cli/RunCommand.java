package org.cptbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.cluster.SlurmExecutor;
import org.cptbench.cluster.SlurmOptions;
import org.cptbench.config.EvalSettings;
import org.cptbench.config.SuiteSpec;
import org.cptbench.run.CellSpec;
import org.cptbench.run.SuiteGrid;
import org.cptbench.run.SuiteRunner;
import org.cptbench.run.Suites;
import org.cptbench.util.Hashing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./harness run SUITE|FILE}: trains and evaluates every cell of a suite, then writes its report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run an experiment suite (built-in name or YAML file): train every cell of its sweep, evaluate each",
      "checkpoint on its tasks, write results.csv, verdicts.csv and the report. Re-running the same command",
      "(same --out) resumes: finished training and evaluations are never redone."
    })
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "suite name (see ./harness list) or YAML file")
  String suite;

  @Option(names = "--out", description = "run folder (default reports/runs/<suite>/<runId>)")
  Path out;

  @Mixin DataDirOption dataDir = new DataDirOption();

  @Option(names = "--dry-run", description = "print the expanded grid and an estimated time, run nothing")
  boolean dryRun;

  @Option(names = "--executor", paramLabel = "E", defaultValue = "local",
      description = "local (this process, cell after cell) or slurm (a Slurm job array, one task per unfinished"
          + " cell, then a report job; the run folder must be on a shared filesystem). Default: ${DEFAULT-VALUE}")
  String executor;

  @Mixin SlurmCliOptions slurm = new SlurmCliOptions();

  @Override
  public Integer call() {
    if (!executor.equals("local") && !executor.equals("slurm")) {
      throw new CptbenchException("--executor: unknown value '" + executor + "'; allowed: local, slurm");
    }
    SuiteSpec spec = Suites.load(suite);
    Path data = dataDir.resolve();
    SuiteRunner probe = new SuiteRunner(spec, Path.of("."), data, System.err);
    List<String> tasks = probe.activeTasks();
    String context = probe.context(tasks, probe.checksums(tasks));
    List<CellSpec> cells = SuiteGrid.expand(spec, context);
    Path runDir =
        out != null
            ? out
            : Path.of("reports", "runs", spec.name(), Hashing.sha256(spec.yaml() + context).substring(0, 10));
    if (dryRun) {
      System.out.printf(Locale.ROOT, "suite %s: %d cells, tasks %s%n", spec.name(), cells.size(), tasks);
      double total = 0;
      var probes = probe.probeTasks(tasks);
      for (CellSpec c : cells) {
        double est = Estimates.cellSeconds(c, tasks, probes, spec.eval().probeAt() == EvalSettings.ProbeAt.FINAL);
        total += est;
        System.out.printf(Locale.ROOT, "  %s %s ~%.0f s%n", c.id(), c.columns(), est);
      }
      System.out.printf(Locale.ROOT, "estimated total: ~%.0f min on this machine; output %s%n", total / 60, runDir);
      return 0;
    }
    if (executor.equals("slurm")) {
      SlurmOptions options = spec.slurm().overriddenBy(slurm.options());
      SlurmExecutor.Submission sub = SlurmExecutor.submit(spec, runDir, data, options, slurm.maxParallel,
          "./harness run " + suite + " --out " + runDir + " --executor slurm", System.err);
      System.out.printf(Locale.ROOT, "%s: %s; ./harness status %s%n", spec.name(), sub.arrayJob() == null
          ? "nothing to submit"
          : "job array " + sub.arrayJob() + " (" + sub.cells().size() + " cells), report job " + sub.reportJob(),
          runDir);
      return 0;
    }
    if (slurm.anySet()) {
      throw new CptbenchException("--partition, --time, --cpus-per-task, --mem, --gres, --account, --sbatch-arg and"
          + " --max-parallel need --executor slurm");
    }
    SuiteRunner.Outcome o = new SuiteRunner(spec, runDir, data, System.err).run();
    System.out.printf(Locale.ROOT, "%s: %d cells, %d failed, %d verdict FAILs; report %s%n", spec.name(), o.cells(),
        o.failed(), o.verdictFailures(), runDir.resolve("report.html"));
    return o.failed() > 0 || o.verdictFailures() > 0 ? 1 : 0;
  }
}
