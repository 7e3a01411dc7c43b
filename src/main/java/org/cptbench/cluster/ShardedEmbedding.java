package org.cptbench.cluster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Submits {@code embedArgs} (an {@code embed} command line without shard and executor options, with absolute
   * paths) as {@code shards} array tasks and a merge job ({@link ShardedJobs}); scripts and logs go to {@code
   * FILE.slurm/}.
   */
  public static ShardedJobs.Submission submit(List<String> embedArgs, int shards, Path output, SlurmOptions options,
      int maxParallel, String command, PrintStream log) {
    Path abs = output.toAbsolutePath().normalize();
    return ShardedJobs.submit("cptbench-embed", "embed", embedArgs, shards, abs,
        abs.resolveSibling(abs.getFileName() + ".slurm"), options, maxParallel, command, log);
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
