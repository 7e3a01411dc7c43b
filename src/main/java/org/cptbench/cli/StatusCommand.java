package org.cptbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cptbench.cluster.CellStatus;
import org.cptbench.cluster.RunFolder;
import org.cptbench.cluster.RunStatus;
import org.cptbench.run.CellSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./harness status RUN}: the state of every cell of a run folder (local or Slurm). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show every cell of a run folder: done, running, pending (queued in Slurm), failed or unfinished, with its",
      "Slurm job, elapsed time and log. Reads the cell folders, and squeue/sacct where they answer."
    })
public final class StatusCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "the run folder")
  Path runDir;

  @Override
  public Integer call() {
    RunFolder run = RunFolder.read(runDir, null);
    List<CellStatus> states = RunStatus.of(run);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-12s  %-10s  %-12s  %8s  %s%n", "cell", "state", "job", "elapsed",
        "swept parameters | log | detail");
    Set<String> varies = new HashSet<>();
    for (CellSpec c : run.cells()) {
      c.params().columns().forEach((k, v) -> {
        if (!Objects.equals(v, run.cells().getFirst().params().columns().get(k))) {
          varies.add(k);
        }
      });
    }
    Map<CellStatus.State, Integer> counts = new EnumMap<>(CellStatus.State.class);
    for (int i = 0; i < states.size(); i++) {
      CellStatus s = states.get(i);
      CellSpec c = run.cells().get(i);
      counts.merge(s.state(), 1, Integer::sum);
      Map<String, Object> swept = new LinkedHashMap<>();
      c.params().columns().forEach((k, v) -> {
        if (varies.contains(k)) {
          swept.put(k, v);
        }
      });
      out.printf(Locale.ROOT, "%-12s  %-10s  %-12s  %8s  %s | %s | %s%n", s.cell(), s.state().label(),
          s.job() == null ? "-" : s.job(), s.elapsed(), swept, s.log() == null ? "-" : s.log(),
          s.detail().isEmpty() ? "-" : s.detail());
    }
    StringBuilder sum = new StringBuilder(run.suite().name() + ": " + states.size() + " cells");
    counts.forEach((k, v) -> sum.append(", ").append(v).append(' ').append(k.label()));
    out.println(sum);
    out.flush();
    return 0;
  }
}
