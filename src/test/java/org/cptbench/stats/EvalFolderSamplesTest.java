package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
