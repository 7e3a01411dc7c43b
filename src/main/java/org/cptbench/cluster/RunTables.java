package org.cptbench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cptbench.run.Expectations;
import org.cptbench.run.ResultsTable;
import org.cptbench.run.SuiteRunner;
import org.cptbench.util.FolderLock;
import org.cptbench.util.Json;

/**
 * The end of a run whose cells ran elsewhere (Slurm array tasks): {@code results.csv}, {@code failures.csv},
 * {@code verdicts.csv} and {@code run.json}'s end time, rebuilt from the cell folders under the run folder's lock,
 * as the local executor writes them after its last cell. A cell that is not finished is listed in failures.csv
 * with its state ({@link RunStatus}). {@code harness report RUN} calls this for a run submitted to Slurm, and the
 * submission's report job runs that command.
 */
public final class RunTables {
  private RunTables() {}

  /** Counts of the collected run. */
  public record Collected(int cells, int unfinished, int verdictFailures) {}

  public static Collected collect(Path runDir, PrintStream log) {
    Path abs = runDir.toAbsolutePath().normalize();
    try (FolderLock lock = RunFolderLock.acquire(abs, "harness report (Slurm run)", Duration.ofMinutes(10))) {
      RunFolder run = RunFolder.read(abs, null);
      Map<String, String> failures = new LinkedHashMap<>();
      List<CellStatus> states = RunStatus.of(run);
      for (CellStatus s : states) {
        if (s.state() != CellStatus.State.DONE) {
          failures.put(s.cell(), s.state().label() + (s.detail().isEmpty() ? "" : ": " + s.detail())
              + (s.job() == null ? "" : " (job " + s.job() + ")"));
        }
      }
      ResultsTable.write(abs, run.cells(), failures);
      int verdictFails = Expectations.write(abs, run.suite());
      JsonNode prior = RunStatus.readJson(abs.resolve("run.json"));
      Instant start = prior != null && prior.hasNonNull("start") ? Instant.parse(prior.get("start").asText())
          : Instant.now();
      SuiteRunner runner = new SuiteRunner(run.suite(), abs, run.dataDir(), log);
      Json.writeFile(abs.resolve("run.json"),
          runner.runJson(run.tasks(), run.checksums(), run.cells(), start, Instant.now()));
      log.printf(Locale.ROOT, "%s: %d cells, %d not finished, %d verdict FAILs (tables from the cell folders)%n",
          run.suite().name(), run.cells().size(), failures.size(), verdictFails);
      return new Collected(run.cells().size(), failures.size(), verdictFails);
    }
  }
}
