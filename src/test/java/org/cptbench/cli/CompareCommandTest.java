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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./harness compare} on evaluation folders written in the per-item formats. */
class CompareCommandTest {
  @TempDir Path tmp;

  Path folder(String name, double[] ndcg, double[] cosine) throws IOException {
    Path dir = tmp.resolve(name);
    StringBuilder q = new StringBuilder("metric\tqid\tvalue\n");
    for (int i = 0; i < ndcg.length; i++) {
      q.append("nDCG@10\tq").append(i).append('\t').append(ndcg[i]).append('\n');
      q.append("MRR@10\tq").append(i).append('\t').append(1.0).append('\n');
    }
    Files.createDirectories(dir.resolve("per-query"));
    Files.writeString(dir.resolve("per-query/beir_toy.tsv"), q);
    StringBuilder p = new StringBuilder("pair\tsubset\tgold\tpredicted\n");
    for (int i = 0; i < cosine.length; i++) {
      p.append(i).append("\ttest\t").append(i % 5).append('\t').append(cosine[i]).append('\n');
    }
    Files.createDirectories(dir.resolve("per-pair"));
    Files.writeString(dir.resolve("per-pair/sts_toy.tsv"), p);
    return dir;
  }

  String[] run(String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = cli.execute(args);
    } finally {
      System.setOut(old);
    }
    return new String[] {Integer.toString(rc), buf.toString(StandardCharsets.UTF_8), err.toString()};
  }

  @Test
  void printsEffectIntervalAndP() throws IOException {
    Path a = folder("a", new double[] {0.5, 0.7, 0.9, 0.6}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
    Path b = folder("b", new double[] {0.4, 0.6, 0.8, 0.5}, new double[] {0.5, 0.2, 0.3, 0.4, 0.1});
    String[] r = run("compare", "--a", a.toString(), "--b", b.toString(), "--task", "beir/toy");
    assertEquals("0", r[0], r[2]);
    // every query gains exactly 0.1: point interval, smallest p
    assertTrue(r[1].contains("effect A - B: +10.00 points, 95% CI [+10.00, +10.00], p = 0.0002"), r[1]);
    assertTrue(r[1].contains("nDCG@10 over 4 items"), r[1]);
    r = run("compare", "--a", a.toString(), "--b", b.toString(), "--task", "sts/toy");
    assertEquals("0", r[0], r[2]);
    // Spearman vs gold (0, 1, 2, 3, 4): A = 1, B = 0 (ranks 5,2,3,4,1 vs 1..5: 1 - 6*32/120 = -0.6)
    assertTrue(r[1].contains("A: 100.00 (1 seed)   B: -60.00 (1 seed)"), r[1]);
    assertTrue(r[1].contains("spearman over 5 items"), r[1]);
  }

  @Test
  void seedsAndClearErrors() throws IOException {
    Path a1 = folder("a1", new double[] {0.5, 0.7, 0.9}, new double[] {0.1, 0.2});
    Path a2 = folder("a2", new double[] {0.6, 0.8, 1.0}, new double[] {0.1, 0.2});
    Path b = folder("b", new double[] {0.5, 0.7, 0.9}, new double[] {0.1, 0.2});
    String[] r = run("compare", "--a", a1.toString(), "--a", a2.toString(), "--b", b.toString(), "--task",
        "beir/toy");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("effect A - B: +5.00 points, 95% CI [+0.00, +10.00]"), r[1]);
    assertTrue(r[1].contains("seed spread (sd over seeds, points): A 7.07, B n/a (one seed)"), r[1]);
    Path c = folder("c", new double[] {0.5, 0.7}, new double[] {0.1, 0.2});
    r = run("compare", "--a", a1.toString(), "--b", c.toString(), "--task", "beir/toy");
    assertTrue(!r[0].equals("0"), r[1]);
    assertTrue(r[2].contains("the queries of") && r[2].contains("differ"), r[2]);
    r = run("compare", "--a", a1.toString(), "--b", b.toString(), "--task", "beir/toy", "--metric", "R@5");
    assertTrue(r[2].contains("no per-query values of metric 'R@5'; present: [nDCG@10, MRR@10]"), r[2]);
    r = run("compare", "--a", a1.toString(), "--b", b.toString(), "--task", "sts/other");
    assertTrue(r[2].contains("no per-item scores of sts/other"), r[2]);
  }
}
