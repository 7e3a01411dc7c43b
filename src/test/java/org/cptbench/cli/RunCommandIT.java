package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.run.RunLock;
import org.cptbench.util.Hashing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./harness run FILE` end to end on tiny data written in the real formats: outputs, resume, lock, failures. */
class RunCommandIT {
  @TempDir Path tmp;
  Path data;
  Path corpus;

  @BeforeEach
  void writeData() throws IOException {
    data = tmp.resolve("data");
    String[] things = {"river", "mountain", "city", "forest", "ocean", "desert", "island", "valley", "lake", "road"};
    StringBuilder text = new StringBuilder();
    for (int d = 0; d < 20; d++) {
      for (int s = 0; s < 5; s++) {
        String a = things[(d + s) % things.length];
        String b = things[(d * 3 + s) % things.length];
        text.append("The ").append(a).append(" near the ").append(b).append(" was seen in year ").append(d)
            .append(". ");
      }
      text.append("\n\n");
    }
    corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, text.toString());
    Path sts = Files.createDirectories(data.resolve("sts/STSBenchmark"));
    StringBuilder stsb = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      String a = things[i % things.length];
      String b = things[(i * 7) % things.length];
      stsb.append("main-captions\tMSRvid\t2012test\t").append(i).append('\t').append(i % 6).append(".000\tThe ")
          .append(a).append(" is big.\tThe ").append(b).append(" is \"big\".\n");
    }
    Files.writeString(sts.resolve("sts-test.csv"), stsb.toString());
    Path beir = Files.createDirectories(data.resolve("beir/toy/qrels"));
    StringBuilder docs = new StringBuilder();
    StringBuilder qrels = new StringBuilder("query-id\tcorpus-id\tscore\n");
    StringBuilder queries = new StringBuilder();
    for (int i = 0; i < things.length; i++) {
      docs.append("{\"_id\": \"d").append(i).append("\", \"title\": \"").append(things[i])
          .append("\", \"text\": \"A text about the ").append(things[i]).append(".\"}\n");
      queries.append("{\"_id\": \"q").append(i).append("\", \"text\": \"where is the ").append(things[i])
          .append("\"}\n");
      qrels.append("q").append(i).append("\td").append(i).append("\t1\n");
    }
    Files.writeString(beir.getParent().resolve("corpus.jsonl"), docs.toString());
    Files.writeString(beir.getParent().resolve("queries.jsonl"), queries.toString());
    Files.writeString(beir.resolve("test.tsv"), qrels.toString());
  }

  private Path suite(String extraSweep) throws IOException {
    Path f = tmp.resolve("suite.yaml");
    Files.writeString(f, """
        name: toy
        seed: 7
        encoder: {preset: tiny, vocabSize: 400}
        train: {corpus: %s, steps: 6, checkpoints: [3], batchSize: 8, tokenizerChars: 100000}
        sweep:
          temperature: [{learned: 0.07}, {fixed: 0.05}]
        %s
        tasks: [sts/STSBenchmark, beir/toy]
        expect:
          - {task: sts/STSBenchmark, metric: spearman, min: -1.0, max: 1.0}
          - {cell: {temperature: fixed(0.05)}, task: beir/toy, metric: MRR@10, min: 2.0}
        """.formatted(corpus, extraSweep));
    return f;
  }

  private int run(Path suite, Path out, StringWriter err) {
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    return cli.execute("run", suite.toString(), "--out", out.toString(), "--data-dir", data.toString());
  }

  @Test
  void runsResumesAfterLosingWorkAndReportsFailuresAndVerdicts() throws IOException {
    Path suite = suite("");
    Path a = tmp.resolve("a");
    StringWriter errA = new StringWriter();
    int rc = run(suite, a, errA);
    System.err.println(errA);
    assertEquals(1, rc, "the impossible MRR band must FAIL and make the exit status non-zero");
    for (String f : List.of("run.json", "results.csv", "verdicts.csv", "report.md", "report.html", "suite.yaml")) {
      assertTrue(Files.exists(a.resolve(f)), f);
    }
    List<String> rows = Files.readAllLines(a.resolve("results.csv"));
    assertEquals("cell,encoder,attention,pooling,temperature,batchSize,steps,seed,precision,init,step,task,kind,"
        + "metric,value,definition", rows.get(0));
    // 2 cells x 2 checkpoints x (2 sts + 5 retrieval metrics)
    assertEquals(1 + 2 * 2 * 7, rows.size());
    String verdicts = Files.readString(a.resolve("verdicts.csv"));
    assertTrue(verdicts.contains(",OK") && verdicts.contains(",FAIL") && verdicts.contains(",NEW"), verdicts);
    assertEquals(1, Main.execute("verify", a.toString()));

    // lose work as a kill -9 would: the second cell's final checkpoint, evaluation and done marker, plus a
    // half-written temporary checkpoint; then the same command must end with identical results
    Path b = tmp.resolve("b");
    run(suite, b, new StringWriter());
    Path cell;
    try (Stream<Path> cells = Files.list(b.resolve("cells"))) {
      cell = cells.sorted().toList().get(1);
    }
    Hashing.deleteRecursively(cell.resolve("checkpoints/step-6"));
    Hashing.deleteRecursively(cell.resolve("evals/step-6"));
    Files.delete(cell.resolve("train.done"));
    Files.createDirectories(cell.resolve("checkpoints/.step-6.12345"));
    Files.delete(b.resolve("results.csv"));
    run(suite, b, new StringWriter());
    assertEquals(values(a.resolve("results.csv")), values(b.resolve("results.csv")));
  }

  /**
   * The suite's claims in the report: the Claims table comes first, claims.csv holds one row per claim, a step
   * claim's effect equals the mean over cells of the Spearman gain in results.csv, and a claim whose group has no
   * task in the run says why instead of giving numbers.
   */
  @Test
  void reportsTheSuitesClaimsFirst() throws IOException {
    Path f = tmp.resolve("claims.yaml");
    Files.writeString(f, """
        name: toy-claims
        seed: 7
        seeds: 2
        encoder: {preset: tiny, vocabSize: 400}
        train: {corpus: %s, steps: 6, checkpoints: [3], batchSize: 8, tokenizerChars: 100000}
        sweep:
          batchSize: [4, 8]
        tasks: [sts/STSBenchmark, beir/toy]
        claims:
          - {id: batch, paper: "Larger batches help search.", compare: {better: {batchSize: 8}, worse: {batchSize: 4}},
             tasks: search}
          - {id: longer, paper: "Longer training helps STS.", compare: {better: {step: 6}, worse: {step: 3}},
             tasks: [sts/STSBenchmark]}
          - {id: probes, paper: "p", compare: {better: {batchSize: 8}, worse: {batchSize: 4}}, tasks: probe}
        """.formatted(corpus));
    Path out = tmp.resolve("claims-run");
    StringWriter err = new StringWriter();
    assertEquals(0, run(f, out, err), err.toString());
    String md = Files.readString(out.resolve("report.md"));
    int claims = md.indexOf("## Claims");
    assertTrue(claims > 0 && claims < md.indexOf("## Provenance"), md);
    List<String> rows = Files.readAllLines(out.resolve("tables/claims.csv"));
    assertEquals("claim,paper,better,worse,tasks,effect_points,ci_low_points,ci_high_points,p,p_holm,verdict,note",
        rows.get(0));
    assertEquals(4, rows.size(), String.join("\n", rows));
    List<org.apache.commons.csv.CSVRecord> recs;
    try (var r = Files.newBufferedReader(out.resolve("tables/claims.csv"))) {
      recs = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(r).getRecords();
    }
    for (var rec : recs.subList(0, 2)) {
      double effect = Double.parseDouble(rec.get("effect_points"));
      double lo = Double.parseDouble(rec.get("ci_low_points"));
      double hi = Double.parseDouble(rec.get("ci_high_points"));
      double p = Double.parseDouble(rec.get("p"));
      double holm = Double.parseDouble(rec.get("p_holm"));
      assertTrue(lo <= effect + 0.01 && effect <= hi + 0.01, rec.toString());
      assertTrue(p > 0 && p <= 1 && holm >= p && holm <= 1, rec.toString());
      assertTrue(List.of("reproduced", "contradicted", "inconclusive").contains(rec.get("verdict")), rec.toString());
      assertEquals("seeds 2 vs 2", rec.get("note"));
    }
    assertEquals("beir/toy", recs.get(0).get("tasks"));
    assertEquals("step 6", recs.get(1).get("better"));
    // the step claim pairs every cell with itself: effect = mean over the 4 cells of spearman(6) - spearman(3)
    double gain = 0;
    List<String> results = Files.readAllLines(out.resolve("results.csv"));
    List<String> header = List.of(results.get(0).split(","));
    int step = header.indexOf("step");
    int task = header.indexOf("task");
    int metric = header.indexOf("metric");
    int value = header.indexOf("value");
    for (String line : results.subList(1, results.size())) {
      String[] c = line.split(",");
      if (c.length > value && c[task].equals("sts/STSBenchmark") && c[metric].equals("spearman")) {
        gain += (c[step].equals("6") ? 1 : -1) * Double.parseDouble(c[value]) / 4;
      }
    }
    assertEquals(100 * gain, Double.parseDouble(recs.get(1).get("effect_points")), 0.006);
    assertEquals("", recs.get(2).get("p"));
    assertEquals("not tested: no task of group probe in this run", recs.get(2).get("note"));
  }

  /**
   * Reference rows: a finished run without references gets them on a re-run into the same folder, and only they are
   * evaluated (every file under cells/ keeps its modification time); a reference folder is an evaluation folder
   * that compare reads; a result on disk is never recomputed; the default suite names bm25 and minilm-l6.
   */
  @Test
  void referencesAreAddedToAFinishedRunWithoutRedoingCells() throws IOException {
    Path f = tmp.resolve("refs.yaml");
    String yaml = """
        name: refs
        seed: 7
        encoder: {preset: tiny, vocabSize: 400}
        train: {corpus: %s, steps: 6, checkpoints: [3], batchSize: 8, tokenizerChars: 100000}
        tasks: [sts/STSBenchmark, beir/toy]
        """.formatted(corpus);
    Files.writeString(f, yaml + "references: []\n");
    Path out = tmp.resolve("refs-run");
    StringWriter err = new StringWriter();
    assertEquals(0, run(f, out, err), err.toString());
    assertTrue(!Files.exists(out.resolve("references.csv")) && !Files.exists(out.resolve("references")));
    java.util.Map<Path, java.nio.file.attribute.FileTime> before = mtimes(out.resolve("cells"));

    Files.writeString(f, yaml + "references: [bm25]\n");
    err = new StringWriter();
    assertEquals(0, run(f, out, err), err.toString());
    assertEquals(before, mtimes(out.resolve("cells")), "no cell file was rewritten");
    Path bm25 = out.resolve("references/bm25");
    assertTrue(Files.exists(bm25.resolve("beir_toy.json")) && Files.exists(bm25.resolve("per-query/beir_toy.tsv")));
    assertTrue(!Files.exists(bm25.resolve("sts_STSBenchmark.json")), "bm25 has no STS scores");
    List<String> refs = Files.readAllLines(out.resolve("references.csv"));
    assertEquals("reference,task,kind,metric,value,definition", refs.get(0));
    // every query names its document's title (stop words aside): BM25 ranks it first
    assertTrue(refs.stream().anyMatch(l -> l.startsWith("bm25,beir/toy,retrieval,nDCG@10,1.0,")), refs.toString());
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| reference: bm25 | 100.0 |"), md);
    assertTrue(!md.contains(out.toString()) && !md.contains(data.toString()), "no local path in the report");
    Path cellEvals;
    try (Stream<Path> cells = Files.list(out.resolve("cells"))) {
      cellEvals = cells.toList().getFirst().resolve("evals/step-6");
    }
    assertEquals(0, Main.execute("compare", "--a", bm25.toString(), "--b", cellEvals.toString(), "--task",
        "beir/toy", "--resamples", "1000"));

    java.nio.file.attribute.FileTime bm25Time = Files.getLastModifiedTime(bm25.resolve("beir_toy.json"));
    Files.writeString(f, yaml); // the default: bm25 and minilm-l6
    err = new StringWriter();
    assertEquals(0, run(f, out, err), err.toString());
    assertEquals(bm25Time, Files.getLastModifiedTime(bm25.resolve("beir_toy.json")), "bm25 is not redone");
    assertEquals(before, mtimes(out.resolve("cells")));
    for (String task : List.of("sts_STSBenchmark", "beir_toy")) {
      assertTrue(Files.exists(out.resolve("references/minilm-l6/" + task + ".json")), task);
    }
    assertTrue(Files.exists(out.resolve("references/minilm-l6/per-pair/sts_STSBenchmark.tsv")));
    md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| reference: minilm-l6 |"), md);
  }

  private static java.util.Map<Path, java.nio.file.attribute.FileTime> mtimes(Path dir) throws IOException {
    java.util.Map<Path, java.nio.file.attribute.FileTime> m = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      // cell.json is rewritten on every run (same content); training and evaluation files must not be
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.endsWith("cell.json")).toList()) {
        m.put(dir.relativize(p), Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  @Test
  void aSecondRunIntoTheSameFolderIsRefused() throws IOException {
    Path out = tmp.resolve("locked");
    StringWriter err = new StringWriter();
    try (RunLock held = RunLock.acquire(out)) {
      assertEquals(2, run(suite(""), out, err));
    }
    assertTrue(err.toString().contains("is being written by another cptbench process (pid "), err.toString());
  }

  @Test
  void aFailingCellIsRecordedAndTheSuiteGoesOn() throws IOException {
    Path out = tmp.resolve("failing");
    assertEquals(1, run(suite("  batchSize: [8, 100000]"), out, new StringWriter()));
    String failures = Files.readString(out.resolve("failures.csv"));
    assertTrue(failures.contains("train.batchSize: 100000 is larger than the number of training pairs"), failures);
    assertTrue(Files.readAllLines(out.resolve("results.csv")).size() > 1, "the other cells still report");
  }

  @Test
  void unknownSuiteKeysAreErrorsThatNameTheKey() throws IOException {
    Path f = tmp.resolve("bad.yaml");
    Files.writeString(f, "name: bad\ntasks: [sts/STSBenchmark]\nsweep:\n  batchsize: [1, 2]\n");
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("run", f.toString(), "--dry-run", "--data-dir", data.toString()));
    assertTrue(err.toString().contains("sweep.batchsize: unknown key; allowed keys here: [batchSize, encoder, "
        + "init, precision, seed, steps, temperature]"), err.toString());
  }

  /** results.csv without the cell-independent parts that legitimately differ: none should. */
  private static List<String> values(Path csv) throws IOException {
    return Files.readAllLines(csv);
  }
}
