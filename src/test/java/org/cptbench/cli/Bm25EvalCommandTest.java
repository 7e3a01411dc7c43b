package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cptbench.eval.EvalOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./harness eval --encoder bm25} on a BEIR-format folder: metrics, per-query scores and a TREC run. */
class Bm25EvalCommandTest {
  @TempDir Path tmp;

  Path beir() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("data/beir/toy/qrels"));
    Files.writeString(dir.getParent().resolve("corpus.jsonl"), """
        {"_id": "d1", "title": "Volcanoes", "text": "Lava erupts from the volcano."}
        {"_id": "d2", "title": "Pianos", "text": "She practised the piano sonata."}
        {"_id": "d3", "title": "Bread", "text": "Bakers bake bread in ovens."}
        """);
    Files.writeString(dir.getParent().resolve("queries.jsonl"), """
        {"_id": "q1", "text": "erupting volcanoes"}
        {"_id": "q2", "text": "baking breads"}
        """);
    Files.writeString(dir.resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\n");
    Path sts = Files.createDirectories(tmp.resolve("data/sts/STSBenchmark"));
    Files.writeString(sts.resolve("sts-test.csv"), "main-captions\tMSRvid\t2012test\t0001\t5.000\tA b.\tA b.\n");
    return tmp.resolve("data");
  }

  @Test
  void writesMetricsPerQueryScoresAndARun() throws IOException {
    Path data = beir();
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int rc = cli.execute("eval", "--encoder", "bm25", "--task", "beir/toy", "--data-dir", data.toString(), "--out",
        out.toString());
    assertEquals(0, rc, err.toString());
    assertEquals(1.0, EvalOutput.readMetrics(out).get("beir/toy").get("nDCG@10"), 1e-12);
    assertTrue(Files.readString(out.resolve("runs/beir_toy.trec")).startsWith("q1 Q0 d1 1 "));
    assertTrue(Files.readString(out.resolve("per-query/beir_toy.tsv")).contains("nDCG@10\tq2\t1.000000"));
    assertTrue(Files.readString(out.resolve("details.json")).contains("k1=0.9,b=0.4"));

    StringWriter err2 = new StringWriter();
    cli = Main.commandLine();
    cli.setErr(new PrintWriter(err2));
    rc = cli.execute("eval", "--encoder", "bm25", "--task", "sts/STSBenchmark", "--data-dir", data.toString(),
        "--out", tmp.resolve("out2").toString());
    assertNotEquals(0, rc);
    assertTrue(err2.toString().contains("bm25 is a lexical ranking function without embeddings"), err2.toString());
  }
}
