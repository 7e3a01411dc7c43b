package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cptbench.train.TrainingRun;
import org.cptbench.util.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into a real `harness train` process (a child JVM): kill -9 at seeded random instants, and SIGTERM.
 * After each, the same command run again must end with the log and weights of an uninterrupted run. The seed of the
 * instants is printed so a failure can be reproduced.
 */
class TrainFaultInjectionIT {
  private static final long SEED = Long.getLong("cptbench.faultSeed", 20261130L);
  private static final int KILLS = 5;

  @TempDir Path tmp;

  private Path corpus() throws IOException {
    StringBuilder sb = new StringBuilder();
    String[] topics = {"rivers", "mountains", "cities", "forests", "oceans", "deserts", "islands", "valleys"};
    for (int d = 0; d < 16; d++) {
      for (int s = 0; s < 6; s++) {
        sb.append("The ").append(topics[(d * 3 + s) % topics.length]).append(" of region ").append(d)
            .append(" appear in chapter ").append(s).append(". ");
      }
      sb.append("\n\n");
    }
    Path f = tmp.resolve("corpus.txt");
    Files.writeString(f, sb.toString());
    return f;
  }

  private static String[] args(Path corpus, Path out) {
    return new String[] {
      "train", "--preset", "tiny", "--corpus", corpus.toString(), "--steps", "60", "--batch-size", "8",
      "--checkpoints", "15,30,45,60", "--vocab-size", "400", "--out", out.toString(), "--no-progress", "--seed", "3"
    };
  }

  private static Process child(String[] args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /**
   * Runs the command to its end in a child JVM with the same settings as the interrupted one (one intra-op thread:
   * the same float summation order, so the logs can be compared digit for digit).
   */
  private static int finish(String[] args) throws Exception {
    Process p = child(args);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child run did not finish");
    return p.exitValue();
  }

  private static int loggedSteps(Path out) throws IOException {
    Path log = out.resolve(TrainingRun.LOG);
    return Files.exists(log) ? Math.max(0, Files.readAllLines(log).size() - 1) : 0;
  }

  private static List<String> losses(Path out) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(TrainingRun.LOG))) {
      String[] f = line.split(",");
      rows.add(f[0] + "," + f[1] + "," + f[2] + "," + f[6] + "," + f[7]);
    }
    return rows;
  }

  @Test
  void killedAtRandomInstantsTheSameCommandFinishesAsAnUninterruptedRun() throws Exception {
    Path corpus = corpus();
    Path reference = tmp.resolve("reference");
    assertEquals(0, finish(args(corpus, reference)));
    Random random = new Random(SEED);
    System.out.println("fault-injection seed " + SEED + " (-Dcptbench.faultSeed to reproduce)");
    for (int k = 0; k < KILLS; k++) {
      Path out = tmp.resolve("killed-" + k);
      // the instant: after a random number of logged steps (0 = during start-up or tokenizer training)
      int afterSteps = random.nextInt(50);
      Process p = child(args(corpus, out));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (p.isAlive() && loggedSteps(out) < afterSteps && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      p.destroyForcibly(); // SIGKILL
      p.waitFor(1, TimeUnit.MINUTES);
      System.out.println("kill -9 #" + k + " after " + loggedSteps(out) + " logged steps (asked " + afterSteps + ")");
      assertEquals(0, finish(args(corpus, out)), "the same command again, after kill #" + k);
      assertEquals(losses(reference), losses(out), "train-log.csv after kill #" + k);
      assertEquals(
          Hashing.sha256(TrainingRun.checkpointDir(reference, 60).resolve("weights.ndlist")),
          Hashing.sha256(TrainingRun.checkpointDir(out, 60).resolve("weights.ndlist")),
          "final weights after kill #" + k);
    }
  }

  @Test
  void sigtermStopsAtAStepBoundaryWithACheckpointAndExits143() throws Exception {
    Path corpus = corpus();
    Path reference = tmp.resolve("reference");
    assertEquals(0, finish(args(corpus, reference)));
    Path out = tmp.resolve("terminated");
    Process p = child(args(corpus, out));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (p.isAlive() && loggedSteps(out) < 3 && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertTrue(p.isAlive(), "the run ended before the signal could be sent");
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(143, p.exitValue());
    int last = loggedSteps(out);
    assertTrue(last >= 3 && last < 60, "stopped after step " + last);
    Path checkpoint = TrainingRun.checkpointDir(out, last);
    assertTrue(Files.exists(checkpoint.resolve("optimizer.ndlist")), "a checkpoint at the last logged step " + last);
    assertEquals(0, finish(args(corpus, out)));
    assertEquals(losses(reference), losses(out));
    assertEquals(
        Hashing.sha256(TrainingRun.checkpointDir(reference, 60).resolve("weights.ndlist")),
        Hashing.sha256(TrainingRun.checkpointDir(out, 60).resolve("weights.ndlist")));
  }
}
