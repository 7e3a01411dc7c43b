package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalFolderSamplesTest {
  @TempDir Path tmp;

  Path perQuery(String name, String task, String body) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name).resolve("per-query"));
    Files.writeString(dir.resolve(task.replace('/', '_') + ".tsv"), "metric\tqid\tvalue\n" + body);
    return dir.getParent();
  }

  @Test
  void defaultMetricFollowsTheReportsPreference() throws IOException {
    Path qa = perQuery("qa", "openqa/nq", "AnswerAcc@1\tq1\t0\nAnswerAcc@20\tq1\t1\n");
    assertEquals("AnswerAcc@20", EvalFolderSamples.defaultMetric(List.of(qa), "openqa/nq"));
    Path marco = perQuery("m", "beir/msmarco-dl19-mini", "MRR@10\tq1\t1\nnDCG@10\tq1\t0.5\n");
    assertEquals("nDCG@10", EvalFolderSamples.defaultMetric(List.of(marco), "beir/msmarco-dl19-mini")); // its card
    Path dev = perQuery("d", "msmarco-dev-small", "nDCG@10\tq1\t0.5\nMRR@10\tq1\t1\n");
    assertEquals("MRR@10", EvalFolderSamples.defaultMetric(List.of(dev), "msmarco-dev-small")); // its card
    Path other = perQuery("o", "beir/x", "R@10\tq1\t0.5\n");
    assertEquals("R@10", EvalFolderSamples.defaultMetric(List.of(other), "beir/x"));
  }

  @Test
  void defaultMetricIsTheRecordedMainMetric() throws IOException {
    // eval --out: details.json records each task's kind and main metric (from its task.yaml or card)
    Path out = perQuery("e", "graded/passages", "nDCG@10\tq1\t0.5\nMRR@10\tq1\t1\n");
    Files.writeString(out.resolve("details.json"),
        "{\"graded/passages\": {\"kind\": \"retrieval\", \"mainMetric\": \"MRR@10\"}}");
    assertEquals("MRR@10", EvalFolderSamples.defaultMetric(List.of(out), "graded/passages"));
    // a run's CELL/evals/step-N/<task>.json from before main metrics were recorded: the recorded kind's default
    Path step = perQuery("s", "builtin/code-search", "nDCG@10\tq1\t0.5\nMRR@10\tq1\t1\n");
    Files.writeString(step.resolve("builtin_code-search.json"),
        "{\"task\": \"builtin/code-search\", \"kind\": \"code\", \"details\": {}}");
    assertEquals("MRR@10", EvalFolderSamples.defaultMetric(List.of(step), "builtin/code-search"));
  }

  @Test
  void alignsQueriesByIdNotByLine() throws IOException {
    Path a = perQuery("a", "beir/x", "nDCG@10\tq1\t1\nnDCG@10\tq2\t0\n");
    Path b = perQuery("b", "beir/x", "nDCG@10\tq2\t0.5\nnDCG@10\tq1\t0.25\n");
    TaskSample s = EvalFolderSamples.load(List.of(a), List.of(b), "beir/x", null);
    assertEquals(0.5, s.a().getFirst().observed(), 1e-12);
    assertEquals(0.375, s.b().getFirst().observed(), 1e-12);
    int[] onlyQ1 = {1, 0}; // item order = A's file order: q1, q2
    assertEquals(1.0, s.a().getFirst().value(onlyQ1), 1e-12);
    assertEquals(0.25, s.b().getFirst().value(onlyQ1), 1e-12);
  }

  Path perItem(String name, String task, String body) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name).resolve("per-item"));
    Files.writeString(dir.resolve(task.replace('/', '_') + ".tsv"), "fold\tindex\tgold\tpredicted\tcorrect\n" + body);
    return dir.getParent();
  }

  /**
   * Probe files: items aligned by (fold, index), the statistic is SentEval's mean of fold accuracies, and items are
   * resampled within folds. A: fold 0 {1, 1, 0} (2/3), fold 1 {1, 0} (1/2): (2/3 + 1/2) / 2 = 7/12; B: fold 0
   * {0, 1, 0} (1/3), fold 1 {0, 0}: 1/6. Effect 7/12 - 1/6 = 5/12.
   */
  @Test
  void probeItemsAreAlignedByFoldAndIndexAndResampledWithinFolds() throws IOException {
    Path a = perItem("a", "senteval/MR", "0\t0\t1\t1\t1\n0\t4\t0\t0\t1\n0\t2\t1\t0\t0\n1\t1\t1\t1\t1\n1\t3\t0\t1\t0\n");
    // B lists the same items in another order
    Path b = perItem("b", "senteval/MR", "1\t3\t0\t1\t0\n1\t1\t1\t0\t0\n0\t2\t1\t0\t0\n0\t4\t0\t0\t1\n0\t0\t1\t0\t0\n");
    assertEquals("accuracy", EvalFolderSamples.defaultMetric(List.of(a), "senteval/MR"));
    TaskSample s = EvalFolderSamples.load(List.of(a), List.of(b), "senteval/MR", "accuracy");
    assertEquals(7.0 / 12, s.a().getFirst().observed(), 1e-12);
    assertEquals(1.0 / 6, s.b().getFirst().observed(), 1e-12);
    assertArrayEquals(new int[] {0, 0, 0, 1, 1}, s.strata()); // (0,0) (0,2) (0,4) (1,1) (1,3)
    // only item (0,0) and item (1,3) drawn: A = (1 + 0) / 2, B = (0 + 0) / 2
    int[] counts = {1, 0, 0, 0, 1};
    assertEquals(0.5, s.a().getFirst().value(counts), 1e-12);
    assertEquals(0.0, s.b().getFirst().value(counts), 1e-12);
    Comparison c = new PairedBootstrap(2000, 1, 0.95).compare(s);
    assertEquals(5.0 / 12, c.effect(), 1e-12);
  }

  /**
   * Within-fold resampling keeps every fold in every resample: A is right on both items of fold 0 and on one of four
   * in fold 1, B wrong everywhere, so every resample's effect is (1 + fold-1 mean) / 2 >= 0.5. A resample over all
   * items would drop fold 0 in (4/6)^6 = 8.8 % of resamples, and the interval would reach below 0.5.
   */
  @Test
  void probeIntervalsKeepEveryFold() throws IOException {
    String rows = "0\t0\t1\t%s\t%s\n0\t1\t1\t%s\t%s\n1\t2\t1\t%s\t%s\n1\t3\t1\t0\t0\n1\t4\t1\t0\t0\n"
        + "1\t5\t1\t0\t0\n";
    Path a = perItem("a", "senteval/CR", rows.formatted(1, 1, 1, 1, 1, 1));
    Path b = perItem("b", "senteval/CR", rows.formatted(0, 0, 0, 0, 0, 0));
    Comparison c = new PairedBootstrap(10_000, 3, 0.95)
        .compare(EvalFolderSamples.load(List.of(a), List.of(b), "senteval/CR", null));
    assertEquals((1 + 0.25) / 2, c.effect(), 1e-12);
    assertTrue(c.ciLow() >= 0.5, "interval " + c.ciLow() + " .. " + c.ciHigh());
    assertTrue(c.ciHigh() > c.ciLow());
  }

  @Test
  void probeItemsOfAnotherSplitAreRefused() throws IOException {
    Path a = perItem("a", "senteval/MR", "0\t0\t1\t1\t1\n0\t1\t0\t0\t1\n");
    Path b = perItem("b", "senteval/MR", "0\t0\t1\t1\t1\n1\t1\t0\t0\t1\n");
    org.cptbench.CptbenchException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.cptbench.CptbenchException.class,
        () -> EvalFolderSamples.load(List.of(a), List.of(b), "senteval/MR", null));
    assertTrue(e.getMessage().contains("item 1 of fold 1"), e.getMessage());
    Path bad = perItem("bad", "senteval/MR", "0\t0\t1\t0\t1\n");
    e = org.junit.jupiter.api.Assertions.assertThrows(
        org.cptbench.CptbenchException.class,
        () -> EvalFolderSamples.load(List.of(bad), List.of(a), "senteval/MR", null));
    assertTrue(e.getMessage().contains("senteval_MR.tsv:2: correct is '1' but gold 1 differs from predicted 0"),
        e.getMessage());
  }
}
