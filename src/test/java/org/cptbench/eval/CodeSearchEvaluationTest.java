package org.cptbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.cptbench.data.LoadReport;
import org.cptbench.data.code.CodeSearchTask;
import org.junit.jupiter.api.Test;

class CodeSearchEvaluationTest {

  @Test
  void distractorDrawsAreDistinctSeededAndSkipTheAnswer() {
    for (int n : new int[] {1, 2, 5, 1000, 1001, 5000}) {
      for (int excluded : new int[] {0, n / 2, n - 1}) {
        int[] a = CodeSearchEvaluation.sampleExcluding(new SplittableRandom(7), n, excluded, 999);
        int[] b = CodeSearchEvaluation.sampleExcluding(new SplittableRandom(7), n, excluded, 999);
        assertArrayEquals(a, b);
        assertEquals(Math.min(999, n - 1), a.length);
        Set<Integer> s = new HashSet<>();
        for (int x : a) {
          assertTrue(x >= 0 && x < n && x != excluded, "n=" + n + " x=" + x);
          assertTrue(s.add(x));
        }
      }
    }
    int[] other = CodeSearchEvaluation.sampleExcluding(new SplittableRandom(8), 5000, 3, 999);
    assertFalse(Arrays.equals(other, CodeSearchEvaluation.sampleExcluding(new SplittableRandom(7), 5000, 3, 999)));
  }

  /** Three functions, all in each candidate set; ranks worked out by hand, ties count against the true one. */
  @Test
  void csnRanksByHand() {
    CodeSearchTask t = task(List.of("java", "java", "java"));
    float[][] docs = {{1, 0}, {0, 1}, {0.6f, 0.8f}};
    float[][] queries = {{1, 0}, {1, 0}, {1, 0}};
    var csn = CodeSearchEvaluation.csnRanks(t, docs, queries, 1, 999);
    // q0: true 1.0, others 0, 0.6 -> rank 1. q1: true 0, others 1, 0.6 -> rank 3. q2: true 0.6, others 1, 0 -> 2
    assertEquals(List.of(1.0, 1.0 / 3, 0.5), List.copyOf(csn.scores().perQuery().values()));
    assertEquals(3, csn.minCandidates());
    float[][] tie = {{1, 0}, {1, 0}, {0, 1}};
    var tied = CodeSearchEvaluation.csnRanks(t, tie, queries, 1, 999);
    assertEquals(0.5, tied.scores().perQuery().get("q0"), "a tie ranks the true function below the distractor");
  }

  @Test
  void distractorsComeFromTheSameLanguage() {
    CodeSearchTask t = task(List.of("java", "python", "python"));
    float[][] docs = {{1, 0}, {0, 1}, {0, 1}};
    float[][] queries = {{0, 1}, {0, 1}, {1, 0}};
    var csn = CodeSearchEvaluation.csnRanks(t, docs, queries, 1, 999);
    // q0 (java) has no other java function: rank 1 although python functions score higher
    assertEquals(1.0, csn.scores().perQuery().get("q0"));
    assertEquals(1, csn.minCandidates());
  }

  @Test
  void resultCarriesBothProtocols() {
    CodeSearchTask t = task(List.of("java", "java", "java"));
    Embedder e = (texts, side) -> {
      List<float[]> out = new ArrayList<>();
      for (String s : texts) {
        int k = Integer.parseInt(s.substring(s.length() - 1));
        float[] v = new float[3];
        v[k] = 1;
        out.add(v);
      }
      return out.toArray(new float[0][]);
    };
    TaskResult r = CodeSearchEvaluation.run(t, e, 13);
    assertEquals("code", r.kind());
    assertEquals(1.0, r.metrics().get(CodeSearchEvaluation.CSN_MRR));
    assertEquals(1.0, r.metrics().get("MRR@10"));
    assertEquals(1.0, r.metrics().get("MRR@100"));
    assertTrue(r.definitions().get(CodeSearchEvaluation.CSN_MRR).startsWith("CodeSearchNet protocol"));
    assertTrue(r.definitions().get("MRR@10").endsWith("full pool"));
  }

  @Test
  void bm25RanksByItsScoresUnderBothProtocols() {
    // q0's words are only in d0; q1's are in d1 and (fewer) in d2; q2 shares no word with any function: BM25 scores
    // every candidate 0, the ties count against the true function (rank 3 of 3). A query shares its id with its
    // true function (as in CodeSearchNet tasks): BEIR's rule of dropping that document must not apply here.
    CodeSearchTask t = new CodeSearchTask(
        "t", CodeSearchTask.CODESEARCHNET, List.of("q0", "q1", "q2"),
        List.of("int parse(char hex) digit", "String join(List lines) lines lines", "void sleep() lines"),
        List.of("java", "java", "java"), List.of("q0", "q1", "q2"),
        List.of("parse a hex digit", "join lines", "zebra"), List.of(0, 1, 2), LoadReport.empty());
    TaskResult r = CodeSearchEvaluation.run(t, org.cptbench.lexical.Bm25.anserini(), 13);
    var csn = r.perQuery().stream().filter(p -> p.metricId().equals(CodeSearchEvaluation.CSN_MRR)).findFirst()
        .orElseThrow();
    assertEquals(1.0, csn.value("q0"));
    assertEquals(1.0, csn.value("q1"));
    assertEquals(1.0 / 3, csn.value("q2"), 1e-12);
    assertEquals((2 + 1.0 / 3) / 3, r.metrics().get(CodeSearchEvaluation.CSN_MRR), 1e-12);
    // full pool: q2 retrieves nothing, so it scores 0 there
    assertEquals(2.0 / 3, r.metrics().get("MRR@10"), 1e-12);
  }

  private static CodeSearchTask task(List<String> languages) {
    List<String> ids = List.of("d0", "d1", "d2");
    return new CodeSearchTask(
        "t", CodeSearchTask.CODESEARCHNET, ids, List.of("code 0", "code 1", "code 2"), languages,
        List.of("q0", "q1", "q2"), List.of("query 0", "query 1", "query 2"), List.of(0, 1, 2), LoadReport.empty());
  }
}
