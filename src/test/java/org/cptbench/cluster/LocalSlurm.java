package org.cptbench.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The private single-node Slurm cluster of the integration tests ({@code src/test/slurm/local-cluster.sh}), and
 * processes run against it: {@code ./harness} commands and Slurm's client commands with {@code SLURM_CONF} set.
 */
final class LocalSlurm implements AutoCloseable {
  static final Path SCRIPT = Path.of("src/test/slurm/local-cluster.sh");

  final Path dir;
  final Path conf;

  private LocalSlurm(Path dir, Path conf) {
    this.dir = dir;
    this.conf = conf;
  }

  /** Starts the cluster in {@code dir}; a JUnit assumption fails (the test is skipped) when Slurm cannot be installed. */
  static LocalSlurm start(Path dir) throws IOException, InterruptedException {
    Result r = exec(List.of("bash", SCRIPT.toString(), "start", dir.toString()), Map.of(), Duration.ofMinutes(8));
    assumeTrue(r.rc != 3, "Slurm is not installed and apt-get cannot install slurm-wlm and munge here (needs root"
        + " and the Debian archive): " + r.out);
    if (r.rc != 0) {
      throw new IllegalStateException("the local Slurm cluster did not start (exit " + r.rc + "):\n" + r.out);
    }
    LocalSlurm cluster = new LocalSlurm(dir, dir.resolve("slurm.conf"));
    // daemons must not outlive an aborted test JVM either
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        cluster.close();
      } catch (IOException | InterruptedException e) {
        // the JVM is going down
      }
    }));
    return cluster;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    exec(List.of("bash", SCRIPT.toString(), "stop", dir.toString()), Map.of(), Duration.ofMinutes(1));
  }

  record Result(int rc, String out) {}

  /**
   * {@code harness ARGS} in a child JVM on this test's class path (as {@code ./harness} runs it, with one intra-op
   * thread), SLURM_CONF set; stdout and stderr together. Slurm tasks it submits start the same way.
   */
  Result harness(String... args) throws IOException, InterruptedException {
    return harness(Duration.ofMinutes(5), args);
  }

  /** {@link #harness(String...)} with a time limit. */
  Result harness(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseParallelGC", "-Xss4m",
        "-Xmx2g", "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-Dai.djl.offline=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1", "-Dai.djl.pytorch.graph_optimizer=false",
        "-cp", System.getProperty("java.class.path"), "org.cptbench.cli.Main"));
    cmd.addAll(List.of(args));
    return exec(cmd, Map.of("SLURM_CONF", conf.toString(), "CPTBENCH_THREADS", "1", "OMP_NUM_THREADS", "1"),
        timeout);
  }

  /** A Slurm client command (squeue, scancel, ...). */
  Result slurm(String... args) throws IOException, InterruptedException {
    return exec(List.of(args), Map.of("SLURM_CONF", conf.toString()), Duration.ofMinutes(1));
  }

  /** Waits until none of {@code jobs} is queued or running. */
  void awaitEnd(Duration patience, String... jobs) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      Result q = slurm("squeue", "-h", "-r", "-o", "%i %T");
      boolean any = false;
      for (String line : q.out.split("\n")) {
        for (String j : jobs) {
          if (line.startsWith(j + " ") || line.startsWith(j + "_")) {
            any = true;
          }
        }
      }
      if (!any) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("jobs " + List.of(jobs) + " still queued after " + patience + ":\n"
        + slurm("squeue", "-r").out);
  }

  static Result exec(List<String> cmd, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("cptbench-exec", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(cmd + " did not end within " + timeout + ":\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
