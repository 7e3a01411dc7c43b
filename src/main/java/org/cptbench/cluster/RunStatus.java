package org.cptbench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cptbench.cluster.CellStatus.State;
import org.cptbench.run.CellSpec;
import org.cptbench.util.FolderLock;
import org.cptbench.util.Json;

/**
 * The state of every cell of a run folder, from the cell folders (finished results, {@code failed.json}, the task
 * lock and {@code task/attempt.json}, the submission record {@code task/slurm.json}) and, for submitted cells, from
 * {@code squeue} and {@code sacct} where they answer. A cell whose task lock is held is running wherever Slurm
 * placed it; one whose task ended without finishing and without an error (kill -9, preemption, time limit, node
 * failure) is failed, with Slurm's accounting state when there is one.
 */
public final class RunStatus {
  public static final String SUBMISSION = "slurm.json";

  private RunStatus() {}

  public static List<CellStatus> of(RunFolder run) {
    Set<String> arrayJobs = new LinkedHashSet<>();
    for (CellSpec c : run.cells()) {
      JsonNode sub = readJson(taskDir(run, c).resolve(SUBMISSION));
      if (sub != null) {
        arrayJobs.add(sub.path("arrayJob").asText());
      }
    }
    boolean squeue = !arrayJobs.isEmpty() && SlurmCommands.tryRun(List.of("squeue", "--version")) != null;
    Map<String, SlurmQueue.Entry> queued = SlurmQueue.queued(arrayJobs);
    Map<String, SlurmQueue.Entry> accounted = SlurmQueue.accounted(arrayJobs);
    List<CellStatus> out = new ArrayList<>();
    for (CellSpec c : run.cells()) {
      out.add(cell(run, c, squeue, queued, accounted));
    }
    return out;
  }

  private static CellStatus cell(RunFolder run, CellSpec c, boolean squeue, Map<String, SlurmQueue.Entry> queued,
      Map<String, SlurmQueue.Entry> accounted) {
    Path task = taskDir(run, c);
    JsonNode sub = readJson(task.resolve(SUBMISSION));
    JsonNode attempt = readJson(task.resolve(CellTask.ATTEMPT));
    String subJob = sub == null ? null : sub.path("job").asText();
    Path log = sub == null ? null : Path.of(sub.path("log").asText());
    String attemptJob = attempt == null || attempt.path("job").isNull() ? null : attempt.path("job").asText();
    if (run.finished(c)) {
      double secs = attempt != null && attempt.has("seconds") ? attempt.path("seconds").asDouble() : -1;
      return new CellStatus(c.id(), State.DONE, attemptJob != null ? attemptJob : subJob, secs, log, "");
    }
    if (locked(task)) {
      double secs = attempt == null ? -1
          : Duration.between(Instant.parse(attempt.path("start").asText()), Instant.now()).toMillis() / 1000.0;
      String host = attempt == null ? "" : "on " + attempt.path("host").asText();
      return new CellStatus(c.id(), State.RUNNING, attemptJob != null ? attemptJob : subJob, secs, log, host);
    }
    SlurmQueue.Entry q = subJob == null ? null : queued.get(subJob);
    if (q != null && q.active()) {
      State s = q.state().equals("PENDING") ? State.PENDING : State.RUNNING;
      return new CellStatus(c.id(), s, subJob, seconds(q.elapsed()), log,
          q.state() + (q.detail().isEmpty() || q.detail().equals("None") ? "" : " (" + q.detail() + ")"));
    }
    SlurmQueue.Entry acct = subJob == null ? null : accounted.get(subJob);
    String slurmState = acct == null ? "" : "; Slurm: " + acct.state() + ", exit " + acct.detail();
    JsonNode failed = readJson(run.cellDir(c).resolve("failed.json"));
    double secs = attempt != null && attempt.has("seconds") ? attempt.path("seconds").asDouble() : -1;
    String job = attemptJob != null ? attemptJob : subJob;
    if (failed != null) {
      return new CellStatus(c.id(), State.FAILED, job, secs, log, failed.path("error").asText() + slurmState);
    }
    if (attempt != null && attempt.path("state").asText().equals("running")) {
      return new CellStatus(c.id(), State.FAILED, job, secs, log,
          "the task ended without finishing the cell (killed, preempted, timed out or out of memory)" + slurmState);
    }
    if (sub != null && squeue) {
      return new CellStatus(c.id(), State.FAILED, job, secs, log,
          "the task left the queue before the cell started; see its log" + slurmState);
    }
    return new CellStatus(c.id(), State.UNFINISHED, job, secs, log,
        sub != null ? "submitted, but squeue is not available here" : "");
  }

  static Path taskDir(RunFolder run, CellSpec c) {
    return run.cellDir(c).resolve(CellTask.DIR);
  }

  /** Whether another process holds the task lock of a cell (its lock file is never created here). */
  static boolean locked(Path taskDir) {
    Path file = taskDir.resolve(FolderLock.FILE);
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held by this JVM
    } catch (IOException e) {
      return false;
    }
  }

  /** Slurm's {@code [D-][HH:]MM:SS} as seconds, -1 when unparsable. */
  static double seconds(String slurmTime) {
    try {
      String t = slurmTime.strip();
      long days = 0;
      int dash = t.indexOf('-');
      if (dash >= 0) {
        days = Long.parseLong(t.substring(0, dash));
        t = t.substring(dash + 1);
      }
      long s = 0;
      for (String p : t.split(":")) {
        s = s * 60 + Long.parseLong(p);
      }
      return days * 86400 + s;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static JsonNode readJson(Path f) {
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(f.toFile());
    } catch (IOException e) {
      return null; // a torn record is as good as none (all of them are written atomically)
    }
  }
}
