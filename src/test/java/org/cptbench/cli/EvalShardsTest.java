package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.eval.EvalOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval --shard I/N} per shard, then {@code eval --merge-shards N}: the merged evaluation of a retrieval and an
 * open-domain QA task equals the single-process one (metrics, per-query scores and TREC runs byte for byte),
 * including exact ties that straddle shard boundaries; a missing or foreign shard and an unshardable task are errors
 * naming the file or the task.
 */
class EvalShardsTest {
  @TempDir static Path tmp;
  static Path data;

  private static final String[] WORDS = {"river", "bank", "money", "guitar", "play", "stock", "fell", "quickly",
    "volcano", "bread", "piano", "ocean", "city", "forest", "train", "coffee"};

  @BeforeAll
  static void writeData() throws IOException {
    data = tmp.resolve("data");
    Path beir = Files.createDirectories(data.resolve("beir/toy/qrels"));
    StringBuilder corpus = new StringBuilder();
    StringBuilder qrels = new StringBuilder("query-id\tcorpus-id\tscore\n");
    for (int i = 0; i < 37; i++) {
      // every seventh document repeats document 3's text: exact ties, spread over the shards
      String text = i % 7 == 3 ? words(3) : words(i);
      corpus.append("{\"_id\": \"d").append(i).append("\", \"title\": \"\", \"text\": \"").append(text)
          .append("\"}\n");
    }
    StringBuilder queries = new StringBuilder();
    for (int q = 0; q < 9; q++) {
      queries.append("{\"_id\": \"q").append(q).append("\", \"text\": \"").append(WORDS[q]).append(' ')
          .append(WORDS[(q * 5) % WORDS.length]).append("\"}\n");
      qrels.append('q').append(q).append("\td").append((q * 4) % 37).append("\t1\n");
    }
    Files.writeString(beir.getParent().resolve("corpus.jsonl"), corpus);
    Files.writeString(beir.getParent().resolve("queries.jsonl"), queries);
    Files.writeString(beir.resolve("test.tsv"), qrels);

    Path dpr = Files.createDirectories(data.resolve("openqa/toy"));
    StringBuilder psgs = new StringBuilder("id\ttext\ttitle\n");
    StringBuilder qs = new StringBuilder();
    for (int i = 0; i < 23; i++) {
      psgs.append(i + 1).append('\t').append(words(i + 5)).append('\t').append(WORDS[i % WORDS.length]).append('\n');
    }
    for (int q = 0; q < 6; q++) {
      qs.append("which one is about ").append(WORDS[q * 2]).append("\t['").append(WORDS[q * 2]).append("']\n");
    }
    Files.writeString(dpr.resolve("psgs_w100.tsv"), psgs);
    Files.writeString(dpr.resolve("toy-test.csv"), qs);

    Path sts = Files.createDirectories(data.resolve("sts/STSBenchmark"));
    Files.writeString(sts.resolve("sts-test.csv"), "main-captions\tMSRvid\t2012test\t0001\t5.000\tA b.\tA b.\n");
  }

  private static String words(int i) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w <= i % 6; w++) {
      s.append(WORDS[(i * 7 + w * 3) % WORDS.length]).append(' ');
    }
    return s.append("item ").append(i % 5).toString();
  }

  private static int eval(StringWriter err, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("eval", "--encoder", "minilm-l6", "--task", "beir/toy", "--task",
        "openqa/toy", "--data-dir", data.toString(), "--out", out.toString(), "--no-cache"));
    args.addAll(List.of(extra));
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void mergedShardsEqualTheSingleProcessEvaluation() throws IOException {
    StringWriter err = new StringWriter();
    Path whole = tmp.resolve("whole");
    Path sharded = tmp.resolve("sharded");
    assertEquals(0, eval(err, whole), err.toString());
    for (int i = 0; i < 4; i++) {
      assertEquals(0, eval(err, sharded, "--shard", i + "/4"), err.toString());
    }
    assertTrue(Files.notExists(sharded.resolve("metrics.json")), "a shard task scores nothing");
    assertEquals(0, eval(err, sharded, "--merge-shards", "4"), err.toString());

    assertEquals(EvalOutput.readMetrics(whole), EvalOutput.readMetrics(sharded));
    for (String sub : List.of("runs", "per-query")) {
      List<Path> files;
      try (Stream<Path> s = Files.list(whole.resolve(sub))) {
        files = s.sorted().toList();
      }
      assertTrue(files.size() >= 2, sub + ": " + files);
      for (Path f : files) {
        assertEquals(-1, Files.mismatch(f, sharded.resolve(sub).resolve(f.getFileName())), sub + "/" + f.getFileName());
      }
    }
    // the tied documents d3, d10, d17, d24, d31 lie in all four shards: the run lists them in trec_eval's order
    String run = Files.readString(whole.resolve("runs/beir_toy.trec"));
    assertTrue(run.contains(" d31 ") && run.contains(" d3 "), run);
    assertTrue(Files.readString(sharded.resolve("definitions.json")).contains("MRR@10"));
  }

  @Test
  void aMissingOrForeignShardIsNamed() throws IOException {
    StringWriter err = new StringWriter();
    Path out = tmp.resolve("partial");
    for (int i : new int[] {0, 2}) {
      assertEquals(0, eval(err, out, "--shard", i + "/3"), err.toString());
    }
    StringWriter e1 = new StringWriter();
    assertEquals(2, eval(e1, out, "--merge-shards", "3"));
    assertTrue(e1.toString().contains("shard 1/3 of this search is missing: " + out.resolve("shards/shard-1-of-3"))
        && e1.toString().contains("found for this search: shards 0, 2"), e1.toString());

    // shard 1 from a corpus sub-sample: another search, so its file does not stand in for the missing one
    assertEquals(0, eval(err, out, "--shard", "1/3", "--distractors", "5"), err.toString());
    StringWriter e2 = new StringWriter();
    assertEquals(2, eval(e2, out, "--merge-shards", "3"));
    assertTrue(e2.toString().contains("shard 1/3 of this search is missing"), e2.toString());

    // a corrupted shard file is refused by name
    Path f;
    try (Stream<Path> s = Files.list(out.resolve("shards/shard-0-of-3"))) {
      f = s.filter(p -> p.toString().endsWith(".topk")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertEquals(0, eval(err, out, "--shard", "1/3"), err.toString());
    StringWriter e3 = new StringWriter();
    assertEquals(2, eval(e3, out, "--merge-shards", "3"));
    assertTrue(e3.toString().contains(f + ": truncated"), e3.toString());
  }

  @Test
  void onlyDenseRetrievalAndQaTasksShard() {
    StringWriter e1 = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(e1, true));
    int rc = cli.execute("eval", "--encoder", "minilm-l6", "--task", "sts/STSBenchmark", "--data-dir",
        data.toString(), "--out", tmp.resolve("sts").toString(), "--shard", "0/2");
    assertEquals(2, rc);
    assertTrue(e1.toString().contains("--task sts/STSBenchmark: a sts task; --shard, --merge-shards and --shards"
        + " apply to retrieval and QA tasks"), e1.toString());

    StringWriter e2 = new StringWriter();
    cli = Main.commandLine();
    cli.setErr(new PrintWriter(e2, true));
    rc = cli.execute("eval", "--encoder", "bm25", "--task", "beir/toy", "--data-dir", data.toString(), "--out",
        tmp.resolve("bm25").toString(), "--merge-shards", "2");
    assertEquals(2, rc);
    assertTrue(e2.toString().contains("--encoder bm25 cannot be sharded"), e2.toString());

    StringWriter e3 = new StringWriter();
    cli = Main.commandLine();
    cli.setErr(new PrintWriter(e3, true));
    rc = cli.execute("eval", "--encoder", "minilm-l6", "--task", "beir/toy", "--data-dir", data.toString(), "--out",
        tmp.resolve("x").toString(), "--shards", "2");
    assertEquals(2, rc);
    assertTrue(e3.toString().contains("--shards and the Slurm options need --executor slurm"), e3.toString());
  }
}
