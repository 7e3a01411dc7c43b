package org.cptbench.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cptbench.model.Checkpoint;
import org.cptbench.train.TrainingRun;
import org.cptbench.run.CellSpec;
import org.cptbench.run.SuiteRunner;
import org.cptbench.util.FolderLock;
import org.cptbench.util.Json;

/**
 * {@code harness cell RUN CELL}: one cell of a run folder, as one Slurm array task runs it. The cell's task lock
 * ({@code cells/<cell>/task/.lock}, a {@link FolderLock}) makes it the cell's only writer; {@code
 * cells/<cell>/task/attempt.json} records the attempt (Slurm job, host, pid, start, end, state) for {@code
 * status}. Training resumes from the cell's latest checkpoint and finished evaluations are kept, so a task that was
 * killed, preempted or timed out continues where it stopped when it is submitted again. A failure is written to
 * {@code cells/<cell>/failed.json} as the local executor does.
 */
public final class CellTask {
  /** The task folder of a cell: lock, attempt record, Slurm submission record. */
  public static final String DIR = "task";

  public static final String ATTEMPT = "attempt.json";

  private CellTask() {}

  /** The Slurm job of this process ({@code ARRAYJOB_TASK}, or the job id), or null outside Slurm. */
  static String slurmJob() {
    String array = System.getenv("SLURM_ARRAY_JOB_ID");
    String task = System.getenv("SLURM_ARRAY_TASK_ID");
    if (array != null && task != null) {
      return array + "_" + task;
    }
    return System.getenv("SLURM_JOB_ID");
  }

  /** Runs the cell {@code id} of {@code run}; true when it is finished (now or before). */
  public static boolean run(RunFolder run, String id, PrintStream log) {
    CellSpec cell = run.cell(id);
    Path dir = run.cellDir(cell);
    Path taskDir = dir.resolve(DIR);
    try (FolderLock lock = FolderLock.acquire(taskDir, "harness cell " + cell.id(), log)) {
      if (run.finished(cell)) {
        log.printf(Locale.ROOT, "cell %s %s: already finished%n", cell.id(), cell.columns());
        return true;
      }
      Instant start = Instant.now();
      Map<String, Object> attempt = new LinkedHashMap<>();
      attempt.put("cell", cell.id());
      attempt.put("job", slurmJob());
      attempt.put("host", host());
      attempt.put("pid", ProcessHandle.current().pid());
      attempt.put("start", start.toString());
      attempt.put("state", "running");
      attempt.put("checkpointsAtStart", checkpoints(dir));
      Json.writeFile(taskDir.resolve(ATTEMPT), attempt);
      log.printf(Locale.ROOT, "cell %s %s (job %s on %s; checkpoints at start: %s)%n", cell.id(), cell.columns(),
          attempt.get("job"), attempt.get("host"), attempt.get("checkpointsAtStart"));
      boolean ok;
      try {
        new SuiteRunner(run.suite(), run.dir(), run.dataDir(), log).runCell(cell, run.tasks());
        Files.deleteIfExists(dir.resolve("failed.json"));
        ok = true;
      } catch (RuntimeException | IOException | OutOfMemoryError e) {
        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
        Json.writeFile(dir.resolve("failed.json"), Map.of("error", msg, "at", Instant.now().toString()));
        attempt.put("error", msg);
        log.printf(Locale.ROOT, "cell %s FAILED: %s%n", cell.id(), msg);
        ok = false;
      }
      Instant end = Instant.now();
      attempt.put("end", end.toString());
      attempt.put("seconds", Duration.between(start, end).toMillis() / 1000.0);
      attempt.put("state", ok ? "done" : "failed");
      Json.writeFile(taskDir.resolve(ATTEMPT), attempt);
      return ok;
    }
  }

  /** The steps of the complete checkpoints in a cell folder (those with optimizer state), ascending. */
  static List<Integer> checkpoints(Path cellDir) {
    Path dir = cellDir.resolve(TrainingRun.CHECKPOINTS);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("step-\\d+"))
          .filter(p -> Files.exists(p.resolve(Checkpoint.OPTIMIZER)))
          .map(p -> Integer.parseInt(p.getFileName().toString().substring(5)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }
}
