package org.cptbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cptbench.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./harness run SUITE --executor slurm} against a real single-node Slurm cluster ({@link LocalSlurm}): the
 * results equal the local executor's, a task killed mid-cell is resubmitted by the same command and resumes from its
 * checkpoint, and {@code status} reports pending, running, failed and done cells. Skipped only when Slurm cannot be
 * installed. Every harness process uses one intra-op thread.
 */
class SlurmExecutorIT {
  @TempDir static Path tmp;
  static LocalSlurm slurm;
  static Path data;
  static Path corpus;

  private static final Pattern SUBMITTED =
      Pattern.compile("job array (\\d+) \\((\\d+) cells\\), report job (\\d+)");

  @BeforeAll
  static void startCluster() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    slurm = LocalSlurm.start(tmp.resolve("cluster"));
    System.out.printf("local Slurm cluster up in %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9, slurm.conf);
    writeData();
  }

  @AfterAll
  static void stopCluster() throws IOException, InterruptedException {
    if (slurm != null) {
      slurm.close();
    }
  }

  private static void writeData() throws IOException {
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
    for (int i = 0; i < 30; i++) {
      stsb.append("main-captions\tMSRvid\t2012test\t").append(i).append('\t').append(i % 6).append(".000\tThe ")
          .append(things[i % things.length]).append(" is big.\tThe ").append(things[(i * 7) % things.length])
          .append(" is \"big\".\n");
    }
    Files.writeString(sts.resolve("sts-test.csv"), stsb.toString());
  }

  private static Path suite(String name, int steps, String checkpoints, String sweep) throws IOException {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, """
        name: %s
        seed: 7
        encoder: {preset: tiny, vocabSize: 400}
        train: {corpus: %s, steps: %d, checkpoints: %s, batchSize: 8, tokenizerChars: 100000}
        sweep: {%s}
        tasks: [sts/STSBenchmark]
        slurm: {time: "10:00", cpusPerTask: 1}
        """.formatted(name, corpus, steps, checkpoints, sweep));
    return f;
  }

  private static String[] submit(Path suite, Path out, String... extra) throws IOException, InterruptedException {
    List<String> args = new java.util.ArrayList<>(List.of("run", suite.toString(), "--out", out.toString(),
        "--data-dir", data.toString(), "--executor", "slurm"));
    args.addAll(List.of(extra));
    LocalSlurm.Result r = slurm.harness(args.toArray(String[]::new));
    System.out.println("$ ./harness " + String.join(" ", args) + "\n" + r.out());
    assertEquals(0, r.rc(), r.out());
    Matcher m = SUBMITTED.matcher(r.out());
    assertTrue(m.find(), r.out());
    return new String[] {m.group(1), m.group(2), m.group(3)};
  }

  private static String status(Path run) throws IOException, InterruptedException {
    LocalSlurm.Result r = slurm.harness("status", run.toString());
    System.out.println("$ ./harness status " + run + "\n" + r.out());
    assertEquals(0, r.rc(), r.out());
    return r.out();
  }

  private static List<Path> cells(Path run) throws IOException {
    try (Stream<Path> s = Files.list(run.resolve("cells"))) {
      return s.sorted().toList();
    }
  }

  @Test
  void quickOnSlurmEqualsTheLocalExecutor() throws Exception {
    // the local run (one thread) and the Slurm array (one task at a time, one CPU) run side by side
    long t0 = System.nanoTime();
    Path local = tmp.resolve("quick-local");
    var localRun = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        LocalSlurm.Result l = slurm.harness(Duration.ofMinutes(25), "run", "quick", "--out", local.toString(),
            "--data-dir", data.toString());
        return new Object[] {l, (System.nanoTime() - t0) / 1e9};
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Path run = tmp.resolve("quick-slurm");
    LocalSlurm.Result sub = slurm.harness("run", "quick", "--out", run.toString(), "--data-dir", data.toString(),
        "--executor", "slurm", "--max-parallel", "1", "--cpus-per-task", "1", "--time", "30:00");
    System.out.println("$ ./harness run quick --out " + run + " --executor slurm --max-parallel 1\n" + sub.out());
    assertEquals(0, sub.rc(), sub.out());
    Matcher m = SUBMITTED.matcher(sub.out());
    assertTrue(m.find(), sub.out());
    String[] jobs = {m.group(1), m.group(2), m.group(3)};
    assertEquals("4", jobs[1], "one array task per cell of quick");
    slurm.awaitEnd(Duration.ofMinutes(25), jobs[0], jobs[2]);
    double slurmSeconds = (System.nanoTime() - t0) / 1e9;
    Object[] l = localRun.get(26, java.util.concurrent.TimeUnit.MINUTES);
    LocalSlurm.Result lr = (LocalSlurm.Result) l[0];
    assertEquals(0, lr.rc(), lr.out());
    String st = status(run);
    assertTrue(st.contains("4 cells, 4 done"), st);
    for (int i = 0; i < 4; i++) {
      assertTrue(st.contains(jobs[0] + "_" + i), st);
    }
    String expected = Files.readString(local.resolve("results.csv"));
    String actual = Files.readString(run.resolve("results.csv"));
    assertEquals(expected, actual, "results.csv of the Slurm run equals the local run's");
    assertEquals(Files.readString(local.resolve("verdicts.csv")), Files.readString(run.resolve("verdicts.csv")),
        "the claims' verdicts");
    assertTrue(Files.exists(run.resolve("report.html")), "the report job wrote the report");
    assertTrue(Files.readString(run.resolve("slurm/logs/report-" + jobs[2] + ".out")).contains("4 cells, 0 not"
        + " finished"), "report job log");
    System.out.printf("run quick: local run %.1f s, Slurm run (submit to report) %.1f s, side by side; array %s"
        + " (4 cells), report job %s; results.csv identical (%d rows), verdicts.csv identical%n", (double) l[1],
        slurmSeconds, jobs[0], jobs[2], actual.split("\n").length - 1);

    // the same command again: nothing left to submit
    LocalSlurm.Result again = slurm.harness("run", "quick", "--out", run.toString(), "--data-dir",
        data.toString(), "--executor", "slurm");
    assertEquals(0, again.rc(), again.out());
    assertTrue(again.out().contains("nothing to submit"), again.out());
  }

  @Test
  void aKilledTaskIsResubmittedAndResumesFromItsCheckpoint() throws IOException, InterruptedException {
    // task 0 trains 300 steps (the one killed), task 1 only 30
    Path suite = suite("toy-kill", 300, "[20, 300]", "steps: [300, 30]");
    Path run = tmp.resolve("kill");
    String[] first = submit(suite, run, "--max-parallel", "1");
    Path victim = null;
    for (Path c : cells(run)) { // the cell of array task 0
      if (Json.MAPPER.readTree(c.resolve("task/slurm.json").toFile()).path("task").asInt() == 0) {
        victim = c;
      }
    }
    assertTrue(victim != null, "no cell was submitted as task 0");
    Path victimTask = victim.resolve("task");
    // task 0 runs, task 1 waits (at most one at a time); kill task 0's JVM once its first checkpoint is complete
    Path checkpoint = victim.resolve("checkpoints/step-20/optimizer.ndlist");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!(Files.exists(checkpoint) && Files.exists(victimTask.resolve("attempt.json")))) {
      assertTrue(System.nanoTime() < deadline, "no checkpoint step-20 within 3 minutes");
      Thread.sleep(100);
    }
    String running = status(run);
    assertTrue(running.matches("(?s).*" + victim.getFileName() + "\\s+running\\s+" + first[0] + "_0.*"), running);
    assertTrue(running.matches("(?s).*\\s+pending\\s+" + first[0] + "_1.*"), running);
    JsonNode attempt = Json.MAPPER.readTree(victimTask.resolve("attempt.json").toFile());
    long pid = attempt.path("pid").asLong();
    FileTime checkpointTime = Files.getLastModifiedTime(checkpoint);
    LocalSlurm.Result kill = LocalSlurm.exec(List.of("kill", "-9", Long.toString(pid)), java.util.Map.of(),
        Duration.ofSeconds(10));
    assertEquals(0, kill.rc(), "kill -9 " + pid + ": " + kill.out());
    System.out.println("killed the JVM of task " + first[0] + "_0 (pid " + pid + ") with kill -9 after checkpoint"
        + " step-20");
    assertTrue(!Files.exists(victim.resolve("train.done")), "killed before the end of training");

    // the killed cell is failed; the other one runs (or has finished) without it
    deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String failed;
    do {
      Thread.sleep(300);
      failed = status(run);
      assertTrue(System.nanoTime() < deadline, "the killed cell is not reported as failed: " + failed);
    } while (!failed.contains("failed"));
    assertTrue(failed.matches("(?s).*" + victim.getFileName() + "\\s+failed\\s+" + first[0] + "_0.*ended without"
        + " finishing.*"), failed);

    // the same command resubmits the killed cell only (the other is running or done)
    String[] second = submit(suite, run, "--max-parallel", "1");
    assertEquals("1", second[1], "only the killed cell is resubmitted");
    slurm.awaitEnd(Duration.ofMinutes(5), first[0], first[2], second[0], second[2]);
    String done = status(run);
    assertTrue(done.contains("2 cells, 2 done"), done);
    assertTrue(done.matches("(?s).*" + victim.getFileName() + "\\s+done\\s+" + second[0] + "_0.*"), done);
    String log = Files.readString(run.resolve("slurm/logs/" + second[0] + "_0.out"));
    System.out.println("log of the resubmitted task " + second[0] + "_0:\n" + log);
    assertTrue(log.contains("checkpoints at start: [20]"), log);
    assertEquals(checkpointTime, Files.getLastModifiedTime(checkpoint), "checkpoint step-20 was not redone");
    List<String> trainLog = Files.readAllLines(victim.resolve("train-log.csv"));
    assertEquals(301, trainLog.size(), "one row per step 1..300 after the resume");
    for (int i = 1; i <= 300; i++) {
      assertTrue(trainLog.get(i).startsWith(i + ","), "row " + i + ": " + trainLog.get(i));
    }
    String results = Files.readString(run.resolve("results.csv"));
    assertEquals(1 + 2 * 2 * 2, results.split("\n").length, results); // 2 cells x 2 checkpoints x 2 STS metrics
    System.out.println("kill and resubmit: array " + first[0] + " (2 cells), task " + first[0] + "_0 killed after"
        + " step-20, resubmitted as array " + second[0] + " (1 cell), resumed from step-20, all done");
  }

  @Test
  void shardedEmbeddingEqualsTheSingleProcessOne() throws IOException, InterruptedException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("sentence ").append(i).append(" about the ").append(i % 2 == 0 ? "river bank" : "stock market")
          .append(" and ".repeat(i % 5)).append("more\n");
    }
    Path input = tmp.resolve("texts.txt");
    Files.writeString(input, text.toString());
    Path whole = tmp.resolve("emb-whole.npy");
    LocalSlurm.Result l = slurm.harness("embed", "--encoder", "minilm-l6", "--input", input.toString(), "--output",
        whole.toString(), "--no-cache");
    assertEquals(0, l.rc(), l.out());
    Path sharded = tmp.resolve("emb-sharded.npy");
    LocalSlurm.Result r = slurm.harness("embed", "--encoder", "minilm-l6", "--input", input.toString(), "--output",
        sharded.toString(), "--no-cache", "--executor", "slurm", "--shards", "3");
    System.out.println("$ ./harness embed ... --output " + sharded + " --shards 3 --executor slurm\n" + r.out());
    assertEquals(0, r.rc(), r.out());
    Matcher m = Pattern.compile("job array (\\d+) \\(3 shards\\) and merge job (\\d+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    slurm.awaitEnd(Duration.ofMinutes(3), m.group(1), m.group(2));
    assertTrue(Files.exists(sharded), "the merge job wrote " + sharded + ": "
        + Files.readString(tmp.resolve("emb-sharded.npy.slurm/logs/merge-" + m.group(2) + ".out")));
    assertEquals(-1, Files.mismatch(whole, sharded), "merged shards equal the single-process embedding");
    System.out.println("sharded embedding: array " + m.group(1) + " (3 shards of 40 texts), merge job " + m.group(2)
        + "; emb-sharded.npy identical to emb-whole.npy (" + Files.size(whole) + " bytes)");
  }
  @Test
  void shardedEvaluationEqualsTheSingleProcessOne() throws IOException, InterruptedException {
    Path beir = Files.createDirectories(data.resolve("beir/shardtoy/qrels"));
    StringBuilder corpus = new StringBuilder();
    StringBuilder queries = new StringBuilder();
    StringBuilder qrels = new StringBuilder("query-id\tcorpus-id\tscore\n");
    String[] things = {"river", "mountain", "city", "forest", "ocean", "desert", "island", "valley", "lake", "road"};
    for (int i = 0; i < 50; i++) {
      corpus.append("{\"_id\": \"p").append(i).append("\", \"title\": \"").append(things[i % 10])
          .append("\", \"text\": \"a ").append(things[(i * 3) % 10]).append(" beside a ")
          .append(things[(i * 7) % 10]).append("\"}\n");
    }
    for (int q = 0; q < 10; q++) {
      queries.append("{\"_id\": \"q").append(q).append("\", \"text\": \"").append(things[q]).append(" and ")
          .append(things[(q * 3) % 10]).append("\"}\n");
      qrels.append('q').append(q).append("\tp").append(q * 5).append("\t1\n");
    }
    Files.writeString(beir.getParent().resolve("corpus.jsonl"), corpus);
    Files.writeString(beir.getParent().resolve("queries.jsonl"), queries);
    Files.writeString(beir.resolve("test.tsv"), qrels);
    Path whole = tmp.resolve("eval-whole");
    LocalSlurm.Result l = slurm.harness("eval", "--encoder", "minilm-l6", "--task", "beir/shardtoy", "--data-dir",
        data.toString(), "--out", whole.toString(), "--no-cache");
    assertEquals(0, l.rc(), l.out());
    Path sharded = tmp.resolve("eval-sharded");
    LocalSlurm.Result r = slurm.harness("eval", "--encoder", "minilm-l6", "--task", "beir/shardtoy", "--data-dir",
        data.toString(), "--out", sharded.toString(), "--no-cache", "--executor", "slurm", "--shards", "3");
    System.out.println("$ ./harness eval ... --out " + sharded + " --shards 3 --executor slurm\n" + r.out());
    assertEquals(0, r.rc(), r.out());
    Matcher m = Pattern.compile("job array (\\d+) \\(3 shards\\) and merge job (\\d+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    slurm.awaitEnd(Duration.ofMinutes(3), m.group(1), m.group(2));
    assertTrue(Files.exists(sharded.resolve("metrics.json")), "the merge job scored the merged ranking: "
        + Files.readString(tmp.resolve("eval-sharded.slurm/logs/merge-" + m.group(2) + ".out")));
    assertEquals(org.cptbench.eval.EvalOutput.readMetrics(whole), org.cptbench.eval.EvalOutput.readMetrics(sharded));
    assertEquals(-1, Files.mismatch(whole.resolve("runs/beir_shardtoy.trec"),
        sharded.resolve("runs/beir_shardtoy.trec")), "merged top-k equals the single-process run");
    System.out.println("sharded evaluation: array " + m.group(1) + " (3 shards of 50 documents), merge job "
        + m.group(2) + "; metrics.json and runs/beir_shardtoy.trec identical to the single-process eval");
  }
}
