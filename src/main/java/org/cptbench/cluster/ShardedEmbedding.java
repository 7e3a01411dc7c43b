package org.cptbench.cluster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.cptbench.model.Npy;
import org.cptbench.util.AtomicFiles;

/**
 * {@code ./harness embed ... --shards N --executor slurm}: a job array whose task {@code i} embeds shard {@code i/N}
 * of the input ({@code embed ... --shard i/N}, writing {@code FILE.shard-i-of-N.EXT}), then a job that runs when
 * every shard succeeded ({@code --dependency=afterok}) and merges the shards into {@code FILE} ({@code embed ...
 * --merge-shards N}). Scripts and logs go to {@code FILE.slurm/}, beside the output on the shared filesystem.
 */
public final class ShardedEmbedding {
  private ShardedEmbedding() {}

  /** What was submitted: the array (one task per shard) and the merge job. */
  public record Submission(String arrayJob, String mergeJob, Path logs) {}

  /**
   * Submits {@code embedArgs} (an {@code embed} command line without shard and executor options, with absolute
   * paths) as {@code shards} array tasks and a merge job; scripts and logs go to {@code FILE.slurm/}.
   */
  public static Submission submit(List<String> embedArgs, int shards, Path output, SlurmOptions options,
      int maxParallel, String command, PrintStream log) {
    Path abs = output.toAbsolutePath().normalize();
    return submit("cptbench-embed", "embed", embedArgs, shards, abs, abs.resolveSibling(abs.getFileName() + ".slurm"),
        options, maxParallel, command, log);
  }

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

  /**
   * Concatenates the {@code count} shard files of {@code target} ({@link Shard#file}) into {@code target}, in shard
   * order, checking that shard {@code i} holds exactly the rows of its range of the {@code n} texts; {@code .npy}
   * targets are merged as matrices, others as lines.
   */
  public static void merge(Path target, int count, int n) {
    boolean npy = target.getFileName().toString().endsWith(".npy");
    List<float[][]> matrices = new ArrayList<>();
    List<List<String>> lines = new ArrayList<>();
    int d = -1;
    for (int i = 0; i < count; i++) {
      Shard s = new Shard(i, count);
      Path f = s.file(target);
      if (!Files.isRegularFile(f)) {
        throw new CptbenchException("shard " + i + "/" + count + " is missing: " + f
            + " (run embed with --shard " + i + "/" + count + ")");
      }
      int rows;
      if (npy) {
        float[][] m = Npy.read(f);
        if (m.length > 0) {
          if (d >= 0 && m[0].length != d) {
            throw new CptbenchException(f + ": rows of " + m[0].length + " floats, other shards have " + d);
          }
          d = m[0].length;
        }
        matrices.add(m);
        rows = m.length;
      } else {
        try {
          List<String> l = Files.readAllLines(f, StandardCharsets.UTF_8);
          lines.add(l);
          rows = l.size();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + f, e);
        }
      }
      int expected = s.to(n) - s.from(n);
      if (rows != expected) {
        throw new CptbenchException(f + ": " + rows + " rows, but shard " + i + "/" + count + " of " + n
            + " texts has " + expected + " (was it written from another input?)");
      }
    }
    if (npy) {
      float[][] all = new float[n][];
      int p = 0;
      for (float[][] m : matrices) {
        for (float[] row : m) {
          all[p++] = row;
        }
      }
      Npy.write(target, all, Math.max(d, 0));
    } else {
      AtomicFiles.write(target, tmp -> {
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          for (List<String> l : lines) {
            for (String line : l) {
              w.write(line);
              w.write('\n');
            }
          }
        }
      });
    }
  }
}
