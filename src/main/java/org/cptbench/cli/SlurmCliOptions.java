package org.cptbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.cptbench.cluster.SlurmOptions;
import picocli.CommandLine.Option;

/** The Slurm options of {@code run --executor slurm}, as a picocli mixin; they win over the suite's {@code slurm:}. */
final class SlurmCliOptions {
  @Option(names = "--partition", paramLabel = "P", description = "Slurm partition of the cells' tasks")
  String partition;

  @Option(names = "--time", paramLabel = "T", description = "time limit per cell (minutes, HH:MM:SS, D-HH:MM, ...)")
  String time;

  @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPUs (and intra-op threads) per cell")
  Integer cpusPerTask;

  @Option(names = "--mem", paramLabel = "M", description = "memory per cell (e.g. 16G)")
  String mem;

  @Option(names = "--gres", paramLabel = "G", description = "generic resources per cell (e.g. gpu:1)")
  String gres;

  @Option(names = "--account", paramLabel = "A", description = "Slurm account to charge")
  String account;

  @Option(names = "--sbatch-arg", paramLabel = "ARG",
      description = "an extra sbatch option, e.g. --sbatch-arg=--qos=high (repeatable)")
  List<String> sbatchArgs = new ArrayList<>();

  @Option(names = "--max-parallel", paramLabel = "N", defaultValue = "0",
      description = "at most N cells at once (sbatch --array=...%%N); 0: no limit. Default: ${DEFAULT-VALUE}")
  int maxParallel;

  SlurmOptions options() {
    return new SlurmOptions(partition, time, cpusPerTask, mem, gres, account, sbatchArgs);
  }

  boolean anySet() {
    return partition != null || time != null || cpusPerTask != null || mem != null || gres != null
        || account != null || !sbatchArgs.isEmpty() || maxParallel != 0;
  }

  /** The encoder as a Slurm task must name it: a checkpoint folder by its absolute path, a registered name as it is. */
  static String encoderForTask(String encoder) {
    java.nio.file.Path p = java.nio.file.Path.of(encoder);
    return java.nio.file.Files.exists(p) ? p.toAbsolutePath().toString() : encoder;
  }
}
