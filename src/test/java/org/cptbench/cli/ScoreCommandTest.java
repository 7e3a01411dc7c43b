package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cptbench.eval.TrecFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@link Main#execute}; expected values are the hand-computed ones of {@link TrecFixture}. */
class ScoreCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTrecEvalStyleMeans() throws IOException {
    Path qrels = TrecFixture.writeQrels(dir);
    Path run = TrecFixture.writeRun(dir);
    int rc =
        Main.execute(
            "score", "--qrels", qrels.toString(), "--run", run.toString(), "--metrics", "MRR@10,R@10,R@100,nDCG@10");
    assertEquals(0, rc, stderr());
    // MRR (1/3 + 1/2)/5; R@10 (2/3 + 1)/5; R@100 (2/3 + 2)/5; nDCG@10 (0.4537216 + 0.6309298)/5
    assertEquals(
        "MRR@10\tall\t0.1667\nR@10\tall\t0.3333\nR@100\tall\t0.5333\nnDCG@10\tall\t0.2169\n",
        stdout().replace("\r\n", "\n"));
    assertTrue(stderr().contains("1 of 5 judged queries have no results"), stderr());
    assertTrue(stderr().contains("1 run queries have no judgments"), stderr());
  }

  @Test
  void perQueryLinesComeFirstAndRelevanceLevelApplies() throws IOException {
    Path qrels = TrecFixture.writeQrels(dir);
    Path run = TrecFixture.writeRun(dir);
    int rc =
        Main.execute(
            "score",
            "--qrels",
            qrels.toString(),
            "--run",
            run.toString(),
            "--metrics",
            "MRR@10,Success@3",
            "--relevance-level",
            "2",
            "--per-query");
    assertEquals(0, rc, stderr());
    String expected =
        """
        MRR@10\tq1\t0.3333
        Success@3\tq1\t1.0000
        MRR@10\tq2\t0.0000
        Success@3\tq2\t0.0000
        MRR@10\tq3\t0.0000
        Success@3\tq3\t0.0000
        MRR@10\tq4\t0.0000
        Success@3\tq4\t0.0000
        MRR@10\tq5\t0.0000
        Success@3\tq5\t0.0000
        MRR@10\tall\t0.0667
        Success@3\tall\t0.2000
        """;
    assertEquals(expected, stdout().replace("\r\n", "\n"));
  }

  @Test
  void errorsAreReportedWithoutStackTrace() throws IOException {
    Path qrels = TrecFixture.writeQrels(dir);
    Path run = Files.writeString(dir.resolve("bad.run"), "q1 Q0 d1 1 0.5 t\nq1 Q0 d2 2\n");
    int rc = Main.execute("score", "--qrels", qrels.toString(), "--run", run.toString());
    assertEquals(2, rc);
    assertTrue(stderr().startsWith("error: " + run + ":2: expected 6"), stderr());

    err.reset();
    rc = Main.execute("score", "--qrels", qrels.toString(), "--run", qrels.toString(), "--metrics", "MAP");
    assertEquals(2, rc);
    assertTrue(stderr().contains("unknown metric 'MAP'; allowed: MRR@k"), stderr());

    err.reset();
    rc = Main.execute("score", "--qrels", qrels.toString(), "--run", qrels.toString(), "--metrics", "spearman");
    assertEquals(2, rc);
    assertTrue(stderr().contains("cannot be computed from a qrels and a run file"), stderr());
  }

  @Test
  void formatRoundsTheExactBinaryValueHalfEvenLikePrintf() {
    assertEquals("0.1667", ScoreCommand.format(1.0 / 6));
    assertEquals("1.0000", ScoreCommand.format(1.0));
    assertEquals("0.0000", ScoreCommand.format(0.0));
    // 0.00015 is stored as 0.000149999999999999986...: printf("%6.4f") gives 0.0001, String.format gives 0.0002
    assertEquals("0.0001", ScoreCommand.format(0.00015));
    // 0.03125 is exact in binary: a true tie, glibc rounds to even
    assertEquals("0.0312", ScoreCommand.format(0.03125));
  }
}
