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
import java.util.Map;
import org.cptbench.eval.EvalOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./harness eval` with the reference encoder on small files written in the real formats (BEIR, STS-B, SentEval,
 * MS MARCO TSV, DPR), and the TREC run it writes re-scored by `./harness score` to the same values.
 */
class EvalCommandIT {
  @TempDir static Path tmp;
  static Path data;
  static Path out;
  static Map<String, Map<String, Double>> metrics;

  static final String[][] TOPICS = {
    {"volcano", "lava erupts from the volcano near the village"},
    {"piano", "she practised the piano sonata every evening"},
    {"football", "the football team won the championship match"},
    {"bread", "fresh bread was baked in the stone oven"},
    {"satellite", "the satellite orbits the earth every ninety minutes"},
    {"vaccine", "the vaccine protects children against measles"},
    {"glacier", "the glacier retreated several metres this year"},
    {"election", "voters chose a new mayor in the city election"},
  };

  @BeforeAll
  static void evaluate() throws IOException {
    data = tmp.resolve("data");
    Path beir = Files.createDirectories(data.resolve("beir/toy/qrels"));
    StringBuilder corpus = new StringBuilder();
    StringBuilder queries = new StringBuilder();
    StringBuilder qrels = new StringBuilder();
    for (int i = 0; i < TOPICS.length; i++) {
      corpus.append("{\"_id\": \"doc").append(i).append("\", \"title\": \"").append(TOPICS[i][0])
          .append("\", \"text\": \"").append(TOPICS[i][1]).append("\"}\n");
      queries.append("{\"_id\": \"q").append(i).append("\", \"text\": \"what about the ").append(TOPICS[i][0])
          .append("\"}\n");
      qrels.append("q").append(i).append("\tdoc").append(i).append("\t1\n");
    }
    Files.writeString(beir.getParent().resolve("corpus.jsonl"), corpus);
    Files.writeString(beir.getParent().resolve("queries.jsonl"), queries);
    Files.writeString(beir.resolve("test.tsv"), qrels);

    Path marco = Files.createDirectories(data.resolve("msmarco/toy"));
    StringBuilder collection = new StringBuilder();
    StringBuilder mq = new StringBuilder();
    StringBuilder mqrels = new StringBuilder();
    for (int i = 0; i < TOPICS.length; i++) {
      collection.append(100 + i).append('\t').append(TOPICS[i][1]).append('\n');
      mq.append(10 + i).append('\t').append("tell me about the ").append(TOPICS[i][0]).append('\n');
      mqrels.append(10 + i).append(" 0 ").append(100 + i).append(" 1\n");
    }
    Files.writeString(marco.resolve("collection.tsv"), collection);
    Files.writeString(marco.resolve("queries.test.tsv"), mq);
    Files.writeString(marco.resolve("qrels.test.tsv"), mqrels);

    Path dpr = Files.createDirectories(data.resolve("openqa/toy"));
    StringBuilder psgs = new StringBuilder("id\ttext\ttitle\n");
    StringBuilder qs = new StringBuilder();
    for (int i = 0; i < TOPICS.length; i++) {
      psgs.append(i + 1).append('\t').append(TOPICS[i][1]).append('\t').append(TOPICS[i][0]).append('\n');
      qs.append("which thing does this describe: ").append(TOPICS[i][1]).append("\t['").append(TOPICS[i][0])
          .append("']\r\n");
    }
    Files.writeString(dpr.resolve("psgs_w100.tsv"), psgs);
    Files.writeString(dpr.resolve("toy-test.csv"), qs);

    Path sts = Files.createDirectories(data.resolve("sts/STSBenchmark"));
    StringBuilder stsb = new StringBuilder();
    String[][] pairs = {
      {"A man is playing a guitar.", "A man plays the guitar.", "4.8"},
      {"A woman is slicing an onion.", "A woman cuts an onion.", "4.4"},
      {"A dog runs in the park.", "A dog is running on grass.", "3.6"},
      {"Two children are reading.", "Kids read books together.", "3.2"},
      {"The stock market fell today.", "A cat sleeps on the sofa.", "0.0"},
      {"A plane is taking off.", "Someone is cooking pasta.", "0.2"},
      {"He drinks \"black\" coffee.", "The train arrived late.", "0.4"},
      {"A boy kicks a ball.", "A child is kicking a football.", "4.0"},
    };
    for (int i = 0; i < pairs.length; i++) {
      stsb.append("main-forums\tdeft\t2015\t").append(i).append('\t').append(pairs[i][2]).append('\t')
          .append(pairs[i][0]).append('\t').append(pairs[i][1]).append('\n');
    }
    Files.writeString(sts.resolve("sts-test.csv"), stsb);

    out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int rc = cli.execute("eval", "--encoder", "minilm-l6", "--task", "beir/toy", "--task", "sts/STSBenchmark",
        "--task", "msmarco/toy", "--task", "openqa/toy", "--data-dir", data.toString(), "--out", out.toString(),
        "--no-cache");
    assertEquals(0, rc, err.toString());
    metrics = EvalOutput.readMetrics(out);
  }

  @Test
  void metricsJsonHasTheStableShape() {
    assertEquals(Map.of("MRR@10", 1.0, "nDCG@10", 1.0, "R@10", 1.0, "R@100", 1.0, "Success@10", 1.0),
        metrics.get("beir/toy"), "each query's own document must rank first for a good reference encoder");
    assertTrue(metrics.get("sts/STSBenchmark").get("spearman") > 0.8, metrics.toString());
    assertTrue(metrics.get("msmarco/toy").get("MRR@10") > 0.9, metrics.toString());
    assertEquals(1.0, metrics.get("openqa/toy").get("AnswerAcc@1"), 0.13, metrics.toString());
    assertEquals(1.0, metrics.get("openqa/toy").get("AnswerAcc@5"), 0.0);
    assertTrue(Files.exists(out.resolve("definitions.json")));
    assertTrue(Files.exists(out.resolve("per-query/beir_toy.tsv")));
  }

  @Test
  void perPairScoresRecomputeTheSpearman() {
    org.cptbench.eval.PairScores pairs = org.cptbench.eval.ItemScoreFiles.readPairs(out, "sts/STSBenchmark");
    assertTrue(pairs.size() > 2, "pairs: " + pairs.size());
    assertEquals(metrics.get("sts/STSBenchmark").get("spearman"),
        new org.cptbench.eval.metric.Spearman().compute(pairs.predicted(), pairs.gold()), 0.0);
    assertEquals(metrics.get("sts/STSBenchmark").get("spearman"),
        new org.cptbench.stats.SpearmanStatistic(pairs.predicted(), pairs.gold()).observed(), 1e-12);
  }

  @Test
  void theRunFileRescoresToTheSameValues() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute("score", "--qrels", data.resolve("msmarco/toy/qrels.test.tsv").toString(),
          "--run", out.resolve("runs/msmarco_toy.trec").toString(), "--metrics", "MRR@10,R@100,nDCG@10"));
    } finally {
      System.setOut(old);
    }
    String printed = buf.toString(StandardCharsets.UTF_8);
    for (String m : new String[] {"MRR@10", "R@100", "nDCG@10"}) {
      String expected = String.format(java.util.Locale.ROOT, "%s\tall\t%.4f", m, metrics.get("msmarco/toy").get(m));
      assertTrue(printed.contains(expected), "expected " + expected + " in\n" + printed);
    }
  }
}
