package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cptbench.model.Checkpoint;
import org.cptbench.train.TrainingRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only output folder, made real with small tmpfs mounts (a read-only mount stops root too,
 * which file permissions would not): every writing verb fails with an error naming the file, the folder and what to
 * do, leaves no partial file under a final name, and train run again once there is space ends as an uninterrupted
 * run. Needs {@code mount} (root or CAP_SYS_ADMIN); skipped with that reason where it is not allowed.
 */
class OutputFaultsIT {
  @TempDir Path tmp;
  Path mount;
  Path data;
  Path corpus;
  final List<Path> mounted = new ArrayList<>();

  @BeforeEach
  void writeData() throws IOException {
    mount = Files.createDirectories(tmp.resolve("mnt"));
    corpus = tmp.resolve("corpus.txt");
    String[] topics = {"rivers", "mountains", "cities", "forests", "oceans", "deserts", "islands", "valleys"};
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < 12; d++) {
      for (int s = 0; s < 6; s++) {
        sb.append("The ").append(topics[(d + s) % topics.length]).append(" of region ").append(d)
            .append(" are described in part ").append(s).append(" of the survey. ");
      }
      sb.append("\n\n");
    }
    Files.writeString(corpus, sb.toString());
    data = tmp.resolve("data");
    Path beir = Files.createDirectories(data.resolve("beir/toy/qrels"));
    Files.writeString(beir.getParent().resolve("corpus.jsonl"), """
        {"_id": "d1", "title": "Volcanoes", "text": "Lava erupts from the volcano."}
        {"_id": "d2", "title": "Pianos", "text": "She practised the piano sonata."}
        """);
    Files.writeString(beir.getParent().resolve("queries.jsonl"), """
        {"_id": "q1", "text": "erupting volcanoes"}
        {"_id": "q2", "text": "piano music"}
        """);
    Files.writeString(beir.resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
  }

  @AfterEach
  void unmount() throws Exception {
    for (Path m : mounted) {
      sh("umount", m.toString());
    }
  }

  private static int sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    return p.exitValue();
  }

  /** Mounts a tmpfs with {@code options} on {@code mount}, or skips the test saying why. */
  private void tmpfs(String options) throws Exception {
    Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs mounts need Linux");
    int rc = sh("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString());
    Assumptions.assumeTrue(rc == 0, "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): the full-disk and"
        + " read-only output tests are skipped");
    mounted.add(mount);
  }

  /** Fills the mounted tmpfs so that about {@code leave} bytes stay free. */
  private void fill(long leave) throws IOException {
    long free = Files.getFileStore(mount).getUsableSpace();
    Files.write(mount.resolve("filler"), new byte[(int) Math.max(0, free - leave)]);
  }

  private record Outcome(int rc, String stderr) {}

  private static Outcome cli(String... args) {
    StringWriter err = new StringWriter();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      var cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int rc = cli.execute(args);
      return new Outcome(rc, "rc " + rc + "\n" + err + captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  private String[] train(Path out) {
    return new String[] {"train", "--preset", "tiny", "--corpus", corpus.toString(), "--steps", "6", "--batch-size",
      "8", "--checkpoints", "3", "--vocab-size", "400", "--out", out.toString(), "--no-progress", "--seed", "5"};
  }

  /** Files under the mount other than the filler: hidden temporaries included. */
  private List<String> leftOnMount() throws IOException {
    try (Stream<Path> s = Files.walk(mount)) {
      return s.filter(Files::isRegularFile).map(p -> mount.relativize(p).toString())
          .filter(n -> !n.equals("filler")).sorted().toList();
    }
  }

  @Test
  void aReadOnlyOutputFolderIsANamedErrorForEveryWritingVerb() throws Exception {
    tmpfs("ro,size=1m");
    Path texts = Files.writeString(tmp.resolve("texts.txt"), "one\ntwo\n");
    Path suite = Files.writeString(tmp.resolve("suite.yaml"), """
        name: ro
        encoder: {preset: tiny, vocabSize: 400}
        train: {corpus: %s, steps: 2, batchSize: 4}
        tasks: [beir/toy]
        """.formatted(corpus));
    List<String[]> commands = List.of(
        train(mount.resolve("train")),
        new String[] {"pretrain", "--preset", "tiny", "--corpus", corpus.toString(), "--steps", "2", "--out",
          mount.resolve("lm").toString(), "--no-progress"},
        new String[] {"run", suite.toString(), "--out", mount.resolve("run").toString(), "--data-dir",
          data.toString()},
        new String[] {"eval", "--encoder", "bm25", "--task", "beir/toy", "--data-dir", data.toString(), "--out",
          mount.resolve("eval").toString()},
        new String[] {"embed", "--encoder", "minilm-l6", "--input", texts.toString(), "--output",
          mount.resolve("e/texts.npy").toString(), "--no-cache"});
    for (String[] args : commands) {
      Outcome o = cli(args);
      assertEquals(2, o.rc(), o.stderr());
      assertTrue(o.stderr().contains("error: cannot write " + mount + "/"), o.stderr());
      assertTrue(o.stderr().contains(": " + mount + " is on a read-only file system; choose a writable output"
          + " folder (--out, --output) or remount it read-write, then run the same command again"), o.stderr());
    }
  }

  @Test
  void aFullDiskDuringTrainingIsANamedErrorAndTheSameCommandResumesOnceThereIsSpace() throws Exception {
    Path reference = tmp.resolve("reference");
    assertEquals(0, cli(train(reference)).rc());
    long checkpointBytes;
    try (Stream<Path> s = Files.list(TrainingRun.checkpointDir(reference, 3))) {
      checkpointBytes = s.mapToLong(p -> p.toFile().length()).sum();
    }
    tmpfs("size=" + Math.max(4 << 20, 4 * checkpointBytes));
    // room for the tokenizer and the log, not for a checkpoint
    fill(checkpointBytes / 2);
    Path out = mount.resolve("train");
    Outcome o = cli(train(out));
    assertEquals(2, o.rc(), o.stderr());
    assertTrue(o.stderr().contains("error: cannot write " + out), o.stderr());
    assertTrue(o.stderr().contains(": no space left on the file system of " + mount), o.stderr());
    assertTrue(o.stderr().contains("free some space there or choose another output folder, then run the same"
        + " command again (train, pretrain and run resume from their last checkpoint"), o.stderr());
    assertTrue(leftOnMount().stream().noneMatch(f -> f.endsWith(".tmp") || f.contains("/.step-")),
        "temporary files left: " + leftOnMount());
    // whatever checkpoint exists is complete
    for (int step : new int[] {3, 6}) {
      if (Files.exists(TrainingRun.checkpointDir(out, step))) {
        Checkpoint.verify(TrainingRun.checkpointDir(out, step), "test");
      }
    }
    Files.delete(mount.resolve("filler"));
    assertEquals(0, cli(train(out)).rc());
    assertEquals(losses(reference), losses(out));
  }

  private static List<String> losses(Path run) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve(TrainingRun.LOG))) {
      String[] f = line.split(",");
      out.add(f[0] + "," + f[1] + "," + f[2]);
    }
    return out;
  }

  @Test
  void aFullDiskDuringEvalAndEmbedLeavesNoFileUnderAFinalName() throws Exception {
    Path model = tmp.resolve("model");
    assertEquals(0, cli(train(model)).rc());
    tmpfs("size=1m");
    fill(0);
    Path eval = mount.resolve("eval");
    Outcome e = cli("eval", "--encoder", "bm25", "--task", "beir/toy", "--data-dir", data.toString(), "--out",
        eval.toString());
    assertEquals(2, e.rc(), e.stderr());
    assertTrue(e.stderr().contains(": no space left on the file system of " + mount), e.stderr());
    assertTrue(leftOnMount().stream().allMatch(f -> f.endsWith("/.lock")), "left: " + leftOnMount());

    Path texts = Files.writeString(tmp.resolve("texts.txt"), "the rivers of region 1\nthe cities\n".repeat(200));
    Files.createDirectories(mount.resolve("e"));
    Outcome m = cli("embed", "--encoder", TrainingRun.checkpointDir(model, 6).toString(), "--input",
        texts.toString(), "--output", mount.resolve("e/texts.npy").toString(), "--format", "both", "--no-cache");
    assertEquals(2, m.rc(), m.stderr());
    assertTrue(m.stderr().contains("error: cannot write " + mount.resolve("e")), m.stderr());
    assertTrue(m.stderr().contains(": no space left on the file system of " + mount.resolve("e")), m.stderr());
    assertTrue(leftOnMount().stream().allMatch(f -> f.endsWith("/.lock")), "left: " + leftOnMount());
  }
}
