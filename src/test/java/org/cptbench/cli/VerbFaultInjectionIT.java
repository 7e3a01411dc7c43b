package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cptbench.train.TrainingRun;
import org.cptbench.util.Hashing;
import org.cptbench.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of real `harness pretrain`, `run`, `eval` and `embed` processes (child JVMs, one intra-op thread) at seeded
 * random instants, then the same command again: its outputs must equal an uninterrupted run's, and whatever the
 * killed process left under a final name must already be complete (equal to the reference). Compared: pretrain's
 * train-log.csv (every column but tokens_per_s, a speed) and final weights; run's results.csv, verdicts.csv and the
 * cell's final weights, byte for byte; eval's metrics.json, definitions.json, per-pair/, per-query/ and runs/ byte
 * for byte and details.json without its timings; embed's .npy and .tsv byte for byte. Instants: after a random
 * number of logged steps (pretrain), else a random time in the last 70 % of the reference run's wall time.
 * The seed is printed; {@code -Dcptbench.faultSeed=S} replays it. {@link TrainFaultInjectionIT} does the same for
 * `train` (5 instants) and SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerbFaultInjectionIT {
  private static final long SEED = Long.getLong("cptbench.faultSeed", 20261130L);
  /** kill -9 instants per verb: 4 + 3 + 4 + 4 = 15, and {@link TrainFaultInjectionIT}'s 5: 20 in all. */
  private static final int KILLS = 4;

  private static final int RUN_KILLS = 3;
  private static final int PRETRAIN_STEPS = 12;

  @TempDir static Path tmp;
  Path data;
  Path corpus;
  Path texts;
  Path suite;
  Path model;

  @BeforeAll
  void writeData() throws Exception {
    data = tmp.resolve("data");
    String[] things = {"river", "mountain", "city", "forest", "ocean", "desert", "island", "valley", "lake", "road"};
    StringBuilder text = new StringBuilder();
    for (int d = 0; d < 20; d++) {
      for (int s = 0; s < 5; s++) {
        text.append("The ").append(things[(d + s) % things.length]).append(" near the ")
            .append(things[(d * 3 + s) % things.length]).append(" was seen in year ").append(d).append(". ");
      }
      text.append("\n\n");
    }
    corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, text.toString());
    Path sts = Files.createDirectories(data.resolve("sts/STSBenchmark"));
    StringBuilder stsb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      stsb.append("main-captions\tMSRvid\t2012test\t").append(i).append('\t').append(i % 6).append(".000\tThe ")
          .append(things[i % things.length]).append(" is big ").append(i).append(".\tThe ")
          .append(things[(i * 7) % things.length]).append(" is small.\n");
    }
    Files.writeString(sts.resolve("sts-test.csv"), stsb.toString());
    Path beir = Files.createDirectories(data.resolve("beir/toy/qrels"));
    StringBuilder docs = new StringBuilder();
    StringBuilder queries = new StringBuilder();
    StringBuilder qrels = new StringBuilder("query-id\tcorpus-id\tscore\n");
    for (int i = 0; i < 40; i++) {
      String t = things[i % things.length];
      docs.append("{\"_id\": \"d").append(i).append("\", \"title\": \"").append(t).append("\", \"text\": \"A text ")
          .append(i).append(" about the ").append(t).append(".\"}\n");
      queries.append("{\"_id\": \"q").append(i).append("\", \"text\": \"where is the ").append(t).append(' ')
          .append(i).append("\"}\n");
      qrels.append("q").append(i).append("\td").append(i).append("\t1\n");
    }
    Files.writeString(beir.getParent().resolve("corpus.jsonl"), docs.toString());
    Files.writeString(beir.getParent().resolve("queries.jsonl"), queries.toString());
    Files.writeString(beir.resolve("test.tsv"), qrels.toString());
    texts = tmp.resolve("texts.txt");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      lines.append("Text ").append(i).append(" is about the ").append(things[i % things.length]).append(" and the ")
          .append(things[(i * 3) % things.length]).append(".\n");
    }
    Files.writeString(texts, lines.toString());
    suite = tmp.resolve("suite.yaml");
    Files.writeString(suite, """
        name: fault
        seed: 7
        encoder: {preset: tiny, vocabSize: 400}
        train: {corpus: %s, steps: 6, checkpoints: [3], batchSize: 8, tokenizerChars: 100000}
        tasks: [sts/STSBenchmark, beir/toy]
        expect:
          - {task: sts/STSBenchmark, metric: spearman, min: -1.0, max: 1.0}
        """.formatted(corpus));
  }

  // ---- child processes ----

  /** A `harness VERB ...` child JVM working in {@code cwd} (its embedding cache is cwd/cache/embeddings). */
  private static Process child(Path cwd, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    Files.createDirectories(cwd);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
        .redirectOutput(cwd.resolve("output.log").toFile());
    pb.environment().put("CPTBENCH_THREADS", "1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  /** Runs to the end and returns its wall time in seconds; fails unless it exits with {@code expectedExit}. */
  private static double finish(Path cwd, List<String> args, int expectedExit) throws Exception {
    long t0 = System.nanoTime();
    Process p = child(cwd, args);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child run did not finish");
    assertEquals(expectedExit, p.exitValue(), args + "\n" + Files.readString(cwd.resolve("output.log")));
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Starts the command and kills it with SIGKILL once {@code ready} holds (or it ended); says when. */
  private static String killWhen(Path cwd, List<String> args, Ready ready) throws Exception {
    long t0 = System.nanoTime();
    Process p = child(cwd, args);
    long deadline = t0 + TimeUnit.MINUTES.toNanos(3);
    while (p.isAlive() && !ready.now((System.nanoTime() - t0) / 1e9) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    boolean alive = p.isAlive();
    p.destroyForcibly(); // SIGKILL
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    return String.format(java.util.Locale.ROOT, "%.2f s%s", (System.nanoTime() - t0) / 1e9,
        alive ? "" : " (it had already ended)");
  }

  @FunctionalInterface
  private interface Ready {
    boolean now(double seconds) throws IOException;
  }

  /**
   * A kill instant in seconds after the start: uniform over the last 70 % of the reference run's wall time (the first
   * part is JVM and library start-up, which writes nothing).
   */
  private static double instant(Random random, double seconds) {
    return seconds * (0.3 + 0.7 * random.nextDouble());
  }

  private Random random(String verb) {
    long seed = SEED ^ verb.hashCode();
    System.out.println("fault-injection seed " + SEED + " (" + verb + "; -Dcptbench.faultSeed to reproduce)");
    return new Random(seed);
  }

  // ---- comparisons ----

  /** The non-hidden files under {@code dir}, relative, sorted; the lock and the child's own log left out. */
  private static List<String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .filter(n -> !n.startsWith(".") && !n.contains("/.")).sorted().toList();
    }
  }

  /** The hidden temporary files ({@code .NAME.*.tmp}) under {@code dir}. */
  private static List<String> temporaries(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") && n.endsWith(".tmp")).toList();
    }
  }

  /** details.json without the timings (each task's "seconds", "encodeSeconds", "searchSeconds", ...). */
  private static JsonNode detailsWithoutTimings(Path file) throws IOException {
    JsonNode root = Json.MAPPER.readTree(file.toFile());
    root.properties().forEach(e -> {
      if (e.getValue() instanceof ObjectNode o) {
        List<String> timings = new ArrayList<>();
        o.fieldNames().forEachRemaining(n -> {
          if (n.equals("seconds") || n.endsWith("Seconds")) {
            timings.add(n);
          }
        });
        o.remove(timings);
      }
    });
    return root;
  }

  /** Every file of eval's output: byte-equal, details.json without timings; {@code partial}: a subset may exist. */
  private static void assertSameEval(Path reference, Path out, boolean partial, String what) throws IOException {
    List<String> want = files(reference);
    List<String> got = files(out);
    if (partial) {
      assertTrue(want.containsAll(got), what + ": unexpected files " + got);
    } else {
      assertEquals(want, got, what);
    }
    for (String f : got) {
      if (f.equals("details.json")) {
        assertEquals(detailsWithoutTimings(reference.resolve(f)), detailsWithoutTimings(out.resolve(f)), what + f);
      } else {
        assertEquals(-1L, Files.mismatch(reference.resolve(f), out.resolve(f)), what + ": " + f + " differs");
      }
    }
  }

  private static List<String> pretrainLog(Path out) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(TrainingRun.LOG))) {
      String[] f = line.split(",", -1);
      rows.add(String.join(",", f[0], f[1], f[2], f[3], f[4], f[6])); // all but tokens_per_s
    }
    return rows;
  }

  private static int loggedSteps(Path out) throws IOException {
    Path log = out.resolve(TrainingRun.LOG);
    try {
      return Files.exists(log) ? Math.max(0, Files.readAllLines(log).size() - 1) : 0;
    } catch (java.nio.charset.MalformedInputException | java.nio.file.NoSuchFileException e) {
      return 0; // the log was being replaced
    }
  }

  // ---- the verbs ----

  private List<String> pretrainArgs(Path out) {
    return List.of("pretrain", "--preset", "tiny", "--corpus", corpus.toString(), "--steps",
        Integer.toString(PRETRAIN_STEPS), "--batch-size", "4", "--seq-len", "16", "--vocab-size", "400",
        "--eval-every", "4", "--val-sequences", "2", "--checkpoints", "4,8", "--seed", "5", "--out", out.toString(),
        "--no-progress");
  }

  /** The pretrained model the eval and embed tests read (the pretrain reference's final checkpoint). */
  private synchronized Path model() throws Exception {
    if (model == null) {
      Path out = tmp.resolve("pretrain-reference");
      finish(tmp.resolve("cwd-pretrain-reference"), pretrainArgs(out), 0);
      model = TrainingRun.checkpointDir(out, PRETRAIN_STEPS);
    }
    return model;
  }

  @Test
  void pretrainKilledAtRandomStepsEndsAsAnUninterruptedRun() throws Exception {
    Path reference = model().getParent().getParent();
    Random random = random("pretrain");
    for (int k = 0; k < KILLS; k++) {
      Path out = tmp.resolve("pretrain-killed-" + k);
      int after = 1 + random.nextInt(PRETRAIN_STEPS - 1); // a step boundary before the last
      Path cwd = tmp.resolve("cwd-pretrain-" + k);
      String when = killWhen(cwd, pretrainArgs(out), s -> loggedSteps(out) >= after);
      System.out.println("pretrain kill -9 #" + k + " at " + when + " after " + loggedSteps(out)
          + " logged steps (asked " + after + ")");
      finish(cwd, pretrainArgs(out), 0);
      assertEquals(pretrainLog(reference), pretrainLog(out), "train-log.csv after kill #" + k);
      assertEquals(Hashing.sha256(model().resolve("weights.ndlist")),
          Hashing.sha256(TrainingRun.checkpointDir(out, PRETRAIN_STEPS).resolve("weights.ndlist")),
          "final weights after kill #" + k);
    }
  }

  private List<String> runArgs(Path out) {
    return List.of("run", suite.toString(), "--out", out.toString(), "--data-dir", data.toString());
  }

  @Test
  void runKilledAtRandomInstantsEndsWithTheSameResults() throws Exception {
    Path reference = tmp.resolve("run-reference");
    double seconds = finish(tmp.resolve("cwd-run-reference"), runArgs(reference), 0);
    Random random = random("run");
    for (int k = 0; k < RUN_KILLS; k++) {
      Path out = tmp.resolve("run-killed-" + k);
      double at = instant(random, seconds);
      Path cwd = tmp.resolve("cwd-run-" + k);
      String when = killWhen(cwd, runArgs(out), s -> s >= at);
      System.out.printf(java.util.Locale.ROOT, "run kill -9 #%d at %s (asked %.2f of %.2f s)%n", k, when, at,
          seconds);
      for (String f : List.of("results.csv", "verdicts.csv")) { // complete or absent
        assertTrue(!Files.exists(out.resolve(f)) || Files.mismatch(reference.resolve(f), out.resolve(f)) == -1,
            f + " is partial after kill #" + k);
      }
      finish(cwd, runArgs(out), 0);
      for (String f : List.of("results.csv", "verdicts.csv")) {
        assertEquals(-1L, Files.mismatch(reference.resolve(f), out.resolve(f)), f + " after kill #" + k);
      }
      assertEquals(finalWeights(reference), finalWeights(out), "the cells' final weights after kill #" + k);
    }
  }

  /** sha256 of each cell's final weights, by cell id. */
  private static TreeMap<String, String> finalWeights(Path run) throws IOException {
    TreeMap<String, String> m = new TreeMap<>();
    try (Stream<Path> cells = Files.list(run.resolve("cells"))) {
      for (Path cell : cells.toList()) {
        m.put(cell.getFileName().toString(),
            Hashing.sha256(TrainingRun.checkpointDir(cell, 6).resolve("weights.ndlist")));
      }
    }
    return m;
  }

  private List<String> evalArgs(Path out) throws Exception {
    return List.of("eval", "--encoder", model().toString(), "--task", "sts/STSBenchmark", "--task", "beir/toy",
        "--data-dir", data.toString(), "--out", out.toString());
  }

  @Test
  void evalKilledAtRandomInstantsWritesTheSameFilesAgain() throws Exception {
    Path reference = tmp.resolve("eval-reference");
    double seconds = finish(tmp.resolve("cwd-eval-reference"), evalArgs(reference), 0);
    assertFalse(files(reference).isEmpty());
    Random random = random("eval");
    for (int k = 0; k < KILLS; k++) {
      Path out = tmp.resolve("eval-killed-" + k);
      double at = instant(random, seconds);
      Path cwd = tmp.resolve("cwd-eval-" + k); // its own embedding cache, which the kill may leave half-filled
      String when = killWhen(cwd, evalArgs(out), s -> s >= at);
      System.out.printf(java.util.Locale.ROOT,
          "eval kill -9 #%d at %s (asked %.2f of %.2f s): %d of %d files, %d embedding-cache entries%n", k, when, at,
          seconds, files(out).size(), files(reference).size(), files(cwd.resolve("cache")).size());
      assertSameEval(reference, out, true, "after kill #" + k);
      finish(cwd, evalArgs(out), 0);
      assertSameEval(reference, out, false, "rerun after kill #" + k);
      assertEquals(List.of(), temporaries(out), "temporary files left after the rerun of kill #" + k);
    }
  }

  private List<String> embedArgs(Path out) throws Exception {
    return List.of("embed", "--encoder", model().toString(), "--input", texts.toString(), "--output",
        out.resolve("texts.npy").toString(), "--format", "both", "--side", "y");
  }

  @Test
  void embedKilledAtRandomInstantsWritesTheSameFilesAgain() throws Exception {
    Path reference = tmp.resolve("embed-reference");
    double seconds = finish(tmp.resolve("cwd-embed-reference"), embedArgs(reference), 0);
    assertEquals(List.of("texts.npy", "texts.tsv"), files(reference));
    Random random = random("embed");
    for (int k = 0; k < KILLS; k++) {
      Path out = tmp.resolve("embed-killed-" + k);
      double at = instant(random, seconds);
      Path cwd = tmp.resolve("cwd-embed-" + k);
      String when = killWhen(cwd, embedArgs(out), s -> s >= at);
      System.out.printf(java.util.Locale.ROOT, "embed kill -9 #%d at %s (asked %.2f of %.2f s): %s, %d cache entries%n",
          k, when, at, seconds, files(out), files(cwd.resolve("cache")).size());
      for (String f : files(out)) { // complete or absent
        assertEquals(-1L, Files.mismatch(reference.resolve(f), out.resolve(f)), f + " is partial after kill #" + k);
      }
      finish(cwd, embedArgs(out), 0);
      for (String f : files(reference)) {
        assertEquals(-1L, Files.mismatch(reference.resolve(f), out.resolve(f)), f + " after kill #" + k);
      }
    }
  }
}
