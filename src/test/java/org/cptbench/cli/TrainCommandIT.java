package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.model.CptEncoder;
import org.cptbench.text.Side;
import org.cptbench.train.TrainingRun;
import org.cptbench.util.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./harness train` end to end on a small user text file: outputs, checkpoint loading, exact resume. */
class TrainCommandIT {
  @TempDir Path tmp;

  private Path corpus() throws IOException {
    String[] topics = {"rivers", "mountains", "cities", "forests", "oceans", "deserts", "islands", "valleys"};
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < 12; d++) {
      for (int s = 0; s < 6; s++) {
        String t = topics[(d + s) % topics.length];
        sb.append("The ").append(t).append(" of region ").append(d).append(" are described in part ").append(s)
            .append(" of the survey. ");
      }
      sb.append("\n\n");
    }
    Path f = tmp.resolve("corpus.txt");
    Files.writeString(f, sb.toString());
    return f;
  }

  private int train(Path corpus, Path out) {
    return Main.execute(
        "train", "--preset", "tiny", "--corpus", corpus.toString(), "--steps", "6", "--batch-size", "8",
        "--checkpoints", "3", "--vocab-size", "400", "--out", out.toString(), "--no-progress", "--seed", "5");
  }

  private static List<String> losses(Path log) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      String[] f = line.split(",");
      out.add(f[0] + "," + f[1] + "," + f[2]);
    }
    return out;
  }

  @Test
  void trainsWritesCheckpointsAndResumesExactly() throws IOException {
    Path corpus = corpus();
    Path a = tmp.resolve("a");
    assertEquals(0, train(corpus, a));
    List<String> header = Files.readAllLines(a.resolve(TrainingRun.LOG));
    assertTrue(header.get(0).startsWith("step,loss,tau,exp_tau,lr,pairs_per_s,inbatch_acc"), header.get(0));
    assertEquals(7, header.size());
    assertTrue(Files.exists(TrainingRun.checkpointDir(a, 3).resolve("weights.ndlist")));
    assertTrue(Files.exists(TrainingRun.checkpointDir(a, 6).resolve("config.json")));

    // an interrupted run: train, then lose everything after the step-3 checkpoint, and run again
    Path b = tmp.resolve("b");
    assertEquals(0, train(corpus, b));
    Hashing.deleteRecursively(TrainingRun.checkpointDir(b, 6));
    List<String> log = Files.readAllLines(b.resolve(TrainingRun.LOG));
    Files.write(b.resolve(TrainingRun.LOG), log.subList(0, 5)); // header + steps 1-4 (step 4 half-done)
    assertEquals(0, train(corpus, b));
    assertEquals(losses(a.resolve(TrainingRun.LOG)), losses(b.resolve(TrainingRun.LOG)));
    assertEquals(
        Hashing.sha256(TrainingRun.checkpointDir(a, 6).resolve("weights.ndlist")),
        Hashing.sha256(TrainingRun.checkpointDir(b, 6).resolve("weights.ndlist")));

    try (CptEncoder enc = CptEncoder.load(TrainingRun.checkpointDir(a, 6))) {
      float[][] e = enc.embed(List.of("The rivers of region 1.", "An unrelated sentence."), Side.X);
      assertEquals(128, e[0].length);
      for (float[] v : e) {
        double n = 0;
        for (float x : v) {
          n += x * x;
        }
        assertEquals(1.0, n, 1e-4);
      }
      float[][] y = enc.embed(List.of("The rivers of region 1."), Side.Y);
      assertTrue(!java.util.Arrays.equals(e[0], y[0]), "x and y delimiters must differ");
      // the pooled vectors before normalisation (the probes' input) are the embeddings times their norms
      float[][] raw = enc.embedUnnormalized(List.of("The rivers of region 1."), Side.X);
      double n = 0;
      for (float x : raw[0]) {
        n += x * x;
      }
      n = Math.sqrt(n);
      assertTrue(Math.abs(n - 1) > 1e-3, "pooled norm " + n);
      for (int k = 0; k < raw[0].length; k++) {
        assertEquals(e[0][k], raw[0][k] / n, 1e-5);
      }
    }
  }

  @Test
  void trainsFromAConfigFileAndRejectsUnknownKeys() throws IOException {
    Path config = tmp.resolve("train.yaml");
    Files.writeString(config, """
        encoder: {preset: tiny, layers: 1, width: 64, heads: 2, ffn: 128, vocabSize: 300, pooling: mean}
        train: {steps: 3, batchSize: 4, temperature: {fixed: 0.05}, chunkSize: 2, seed: 9}
        """);
    Path out = tmp.resolve("cfg");
    assertEquals(0, Main.execute("train", "--config", config.toString(), "--corpus", corpus().toString(), "--out",
        out.toString(), "--no-progress"));
    String json = Files.readString(TrainingRun.checkpointDir(out, 3).resolve("config.json"));
    assertTrue(json.contains("\"pooling\" : \"mean\"") && json.contains("\"width\" : 64")
        && json.contains("\"chunkSize\" : 2"), json);
    Files.writeString(config, "train: {steps: 3, batchsize: 4}\n");
    java.io.StringWriter err = new java.io.StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new java.io.PrintWriter(err));
    assertEquals(2, cli.execute("train", "--config", config.toString(), "--out", out.toString(), "--no-progress"));
    assertTrue(err.toString().contains("train.batchsize: unknown key; allowed keys here:"), err.toString());
  }

  @Test
  void badOptionsAreClearErrors() throws IOException {
    java.io.StringWriter err = new java.io.StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new java.io.PrintWriter(err));
    int rc = cli.execute("train", "--corpus", corpus().toString(), "--attention", "sideways", "--out",
        tmp.resolve("x").toString(), "--no-progress");
    assertEquals(2, rc);
    assertTrue(err.toString().contains("--attention: unknown value 'sideways'; allowed: [causal, bidirectional]"),
        err.toString());
  }

  @Test
  void aDamagedCheckpointStopsTheResumeAndSaysHowToRecover() throws IOException {
    Path corpus = corpus();
    Path a = tmp.resolve("damaged");
    assertEquals(0, train(corpus, a));
    Path last = TrainingRun.checkpointDir(a, 6);
    byte[] opt = Files.readAllBytes(last.resolve("optimizer.ndlist"));
    Files.write(last.resolve("optimizer.ndlist"), java.util.Arrays.copyOf(opt, opt.length / 2));
    java.io.StringWriter err = new java.io.StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new java.io.PrintWriter(err));
    int rc = cli.execute(
        "train", "--preset", "tiny", "--corpus", corpus.toString(), "--steps", "6", "--batch-size", "8",
        "--checkpoints", "3", "--vocab-size", "400", "--out", a.toString(), "--no-progress", "--seed", "5");
    assertEquals(2, rc);
    assertTrue(err.toString().contains("checkpoint " + last + " is damaged: optimizer.ndlist has sha256"), err.toString());
    assertTrue(err.toString().contains("delete " + last + " and run the same command again"), err.toString());
  }
}
