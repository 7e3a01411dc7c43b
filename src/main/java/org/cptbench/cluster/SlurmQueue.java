package org.cptbench.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Slurm knows about a run's jobs: {@code squeue} for queued and running array tasks, {@code sacct} for ended
 * ones (where accounting storage is configured; without it, ended tasks are judged from the cell folders alone).
 */
public final class SlurmQueue {
  private SlurmQueue() {}

  /**
   * One job or array task.
   *
   * @param job {@code ARRAYJOB_TASK} or a plain job id
   * @param state Slurm's state (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, ...)
   * @param elapsed Slurm's elapsed time ({@code [D-]HH:MM:SS} or {@code M:SS})
   * @param detail squeue's reason (why pending) or sacct's exit code
   */
  public record Entry(String job, String state, String elapsed, String detail) {
    /** Waiting or running: the task may still write its cell. */
    public boolean active() {
      return state.equals("PENDING") || state.equals("RUNNING") || state.equals("CONFIGURING")
          || state.equals("COMPLETING") || state.equals("REQUEUED") || state.equals("RESIZING")
          || state.equals("SUSPENDED") || state.equals("SIGNALING") || state.equals("STAGE_OUT");
    }
  }

  /**
   * Parses {@code squeue -h -r -o %i|%T|%M|%r} or {@code sacct -n -P -X -o JobID,State,Elapsed,ExitCode} output
   * (both {@code |}-separated), keeping the entries of {@code jobs} (array job ids); a pending array's tasks that
   * squeue folds into one line ({@code 12_[3-5%2]}) are expanded.
   */
  static Map<String, Entry> parse(String text, Collection<String> jobs) {
    Map<String, Entry> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      if (f.length < 3 || f[0].isEmpty()) {
        continue;
      }
      String id = f[0];
      String base = id.contains("_") ? id.substring(0, id.indexOf('_')) : id;
      if (!jobs.contains(base)) {
        continue;
      }
      String state = f[1].split(" ")[0]; // sacct: "CANCELLED by 0"
      String detail = f.length > 3 ? f[3] : "";
      for (String one : expand(id)) {
        m.put(one, new Entry(one, state, f[2], detail));
      }
    }
    return m;
  }

  /** {@code 12_[3-5,7%2]} as 12_3, 12_4, 12_5, 12_7; other ids unchanged. */
  static List<String> expand(String id) {
    int open = id.indexOf("_[");
    if (open < 0 || !id.endsWith("]")) {
      return List.of(id);
    }
    String base = id.substring(0, open);
    String body = id.substring(open + 2, id.length() - 1);
    int pct = body.indexOf('%');
    if (pct >= 0) {
      body = body.substring(0, pct);
    }
    List<String> out = new ArrayList<>();
    for (String part : body.split(",")) {
      String[] r = part.split("-");
      int from = Integer.parseInt(r[0]);
      int to = r.length > 1 ? Integer.parseInt(r[1]) : from;
      for (int i = from; i <= to; i++) {
        out.add(base + "_" + i);
      }
    }
    return out;
  }

  /** The queued and running tasks of {@code jobs}; empty when squeue is missing or fails. */
  public static Map<String, Entry> queued(Collection<String> jobs) {
    if (jobs.isEmpty()) {
      return Map.of();
    }
    SlurmCommands.Output o = SlurmCommands.tryRun(List.of("squeue", "-h", "-r", "-o", "%i|%T|%M|%r"));
    return o == null || !o.ok() ? Map.of() : parse(o.stdout(), jobs);
  }

  /** Slurm's accounting record of {@code jobs}; empty without sacct or accounting storage. */
  public static Map<String, Entry> accounted(Collection<String> jobs) {
    if (jobs.isEmpty()) {
      return Map.of();
    }
    SlurmCommands.Output o = SlurmCommands.tryRun(List.of("sacct", "-n", "-P", "-X", "-j", String.join(",", jobs),
        "-o", "JobID,State,Elapsed,ExitCode"));
    return o == null || !o.ok() ? Map.of() : parse(o.stdout(), jobs);
  }
}
