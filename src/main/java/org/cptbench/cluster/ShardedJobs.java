package org.cptbench.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;

/**
 * A sharded verb on Slurm ({@code embed} and {@code eval} with {@code --executor slurm --shards N}): a job array whose
 * task {@code i} runs the verb with {@code --shard i/N}, then a merge job with {@code --merge-shards N} once every
 * shard succeeded.
 */
public final class ShardedJobs {
  private ShardedJobs() {}

  /** What was submitted: the array (one task per shard) and the merge job. */
  public record Submission(String arrayJob, String mergeJob, Path logs) {}

  /**
   * Submits any sharded verb: {@code args} (without shard and executor options, with absolute paths) as {@code
   * shards} array tasks, each with {@code --shard i/N} appended, and a job running {@code args --merge-shards N} once
   * every shard succeeded ({@code --dependency=afterok}). Scripts go to a timestamped folder under {@code slurm},
   * logs to {@code slurm/logs}.
   */
  public static Submission submit(String jobName, String verb, List<String> args, int shards, Path target,
      Path slurm, SlurmOptions options, int maxParallel, String command, PrintStream log) {
    if (shards < 1) {
      throw new CptbenchException("--shards: " + shards + " must be >= 1");
    }
    Path logs = slurm.resolve("logs");
    try {
      Path dir = slurm.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC).format(Instant.now()));
      Files.createDirectories(logs);
      Files.createDirectories(dir);
      Launch launch = Launch.current(slurm);
      Path arrayScript = script(dir.resolve("shards.sh"), TaskScripts.shards(launch, args, shards, command));
      List<String> mergeArgs = new ArrayList<>(args);
      mergeArgs.addAll(List.of("--merge-shards", Integer.toString(shards)));
      Path mergeScript = script(dir.resolve("merge.sh"), TaskScripts.single(launch,
          "Slurm job: merge the " + shards + " shards into " + target, mergeArgs, command));
      String arrayJob = SbatchCommand.parseJobId(SlurmCommands.run(
          SbatchCommand.array(jobName, shards, maxParallel, logs, options, arrayScript)));
      String mergeJob = SbatchCommand.parseJobId(SlurmCommands.run(SbatchCommand.after(jobName + "-merge",
          "afterok", arrayJob, logs.resolve("merge-%j.out"), options, mergeScript)));
      log.printf(Locale.ROOT, "%s: submitted job array %s (%d shards) and merge job %s (after every shard"
          + " succeeded) -> %s; logs %s%n", verb, arrayJob, shards, mergeJob, target, logs);
      return new Submission(arrayJob, mergeJob, logs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Slurm scripts under " + slurm, e);
    }
  }

  private static Path script(Path file, String text) throws IOException {
    AtomicFiles.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
