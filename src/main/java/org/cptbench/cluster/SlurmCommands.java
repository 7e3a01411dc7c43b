package org.cptbench.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cptbench.CptbenchException;

/** Runs Slurm's client commands (sbatch, squeue, sacct, scancel) and returns what they print. */
final class SlurmCommands {
  private SlurmCommands() {}

  /** What a command printed, and its exit status. */
  record Output(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code command}; null when it cannot be started (not installed, not on the PATH). */
  static Output tryRun(List<String> command) {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      return null;
    }
    try {
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      String out = read(p.getInputStream());
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new CptbenchException(String.join(" ", command) + " did not answer within 120 s");
      }
      return new Output(p.exitValue(), out, err.join());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CptbenchException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** Runs {@code command} and returns its standard output; a failure is an error naming the command. */
  static String run(List<String> command) {
    Output o = tryRun(command);
    if (o == null) {
      throw new CptbenchException("cannot run " + command.getFirst() + ": not found on the PATH (is this a Slurm"
          + " login node? the Slurm client commands sbatch, squeue and sacct are needed)");
    }
    if (!o.ok()) {
      throw new CptbenchException(String.join(" ", command) + " failed (exit " + o.exitCode() + "): "
          + (o.stderr().strip() + " " + o.stdout().strip()).strip());
    }
    return o.stdout();
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
