package org.cptbench.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;

/**
 * The {@code sbatch} command lines of a submission: one job array (a task per cell, or per shard), and a job that
 * runs when the array has ended: the report of a run ({@code --dependency=afterany}) or the merge of shards
 * ({@code afterok}). Both use {@code --parsable} (sbatch prints {@code jobid[;cluster]}); array tasks log to
 * {@code LOGS/%A_%a.out} (array job id and task index).
 */
public final class SbatchCommand {
  private SbatchCommand() {}

  /** Slurm's job name for a suite: {@code cptbench-<suite>}. */
  public static String jobName(String suite) {
    return "cptbench-" + suite;
  }

  /**
   * {@code sbatch --parsable --job-name=NAME --array=0-(tasks-1)[%parallel] --output=LOGS/%A_%a.out [options]
   * SCRIPT}.
   *
   * @param parallel at most this many tasks at once ({@code %N}), or 0 for no limit
   */
  public static List<String> array(
      String name, int tasks, int parallel, Path logs, SlurmOptions options, Path script) {
    if (tasks < 1) {
      throw new CptbenchException("an array job needs at least one task, got " + tasks);
    }
    if (parallel < 0) {
      throw new CptbenchException("--max-parallel: " + parallel + " must be >= 0 (0: no limit)");
    }
    List<String> a = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=" + name,
        "--array=0-" + (tasks - 1) + (parallel > 0 ? "%" + parallel : ""),
        "--output=" + logs.resolve("%A_%a.out")));
    a.addAll(options.sbatchArguments());
    a.add(script.toString());
    return a;
  }

  /**
   * {@code sbatch --parsable --job-name=NAME --dependency=TYPE:JOB --output=LOG [options with one CPU and no gres]
   * SCRIPT}: a job that runs once the array {@code JOB} has ended ({@code afterany}: whatever its tasks' outcome) or
   * succeeded ({@code afterok}), such as the report of a run or the merge of shards; it needs no accelerator.
   *
   * @param log the log file ({@code %j}: the job id)
   */
  public static List<String> after(
      String name, String type, String arrayJobId, Path log, SlurmOptions options, Path script) {
    if (!arrayJobId.matches("\\d+")) {
      throw new CptbenchException("not a Slurm job id: '" + arrayJobId + "'");
    }
    if (!type.equals("afterany") && !type.equals("afterok")) {
      throw new IllegalArgumentException("dependency type " + type);
    }
    List<String> a = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=" + name,
        "--dependency=" + type + ":" + arrayJobId, "--output=" + log));
    SlurmOptions single = new SlurmOptions(options.partition(), options.time(), 1, options.mem(), null,
        options.account(), options.sbatchArgs());
    a.addAll(single.sbatchArguments());
    a.add(script.toString());
    return a;
  }

  /** The job id in sbatch's {@code --parsable} output ({@code jobid} or {@code jobid;cluster}). */
  public static String parseJobId(String parsableOutput) {
    String line = parsableOutput.strip();
    int semi = line.indexOf(';');
    String id = semi >= 0 ? line.substring(0, semi) : line;
    if (!id.matches("\\d+")) {
      throw new CptbenchException("sbatch printed no job id: '" + parsableOutput.strip() + "'");
    }
    return id;
  }
}
