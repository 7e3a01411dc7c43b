package org.cptbench.eval.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.eval.TrecFixture;
import org.cptbench.data.trec.Qrels;
import org.cptbench.data.trec.QrelsReader;
import org.cptbench.data.trec.TrecRunReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-computed values for {@link TrecFixture}; see its Javadoc for the trec_eval ordering of each query. */
class RankingMetricsTest {
  private static final double EPS = 1e-12;

  @TempDir Path dir;
  private Qrels qrels;
  private Map<String, List<String>> rankings;

  @BeforeEach
  void load() throws IOException {
    qrels = QrelsReader.read(TrecFixture.writeQrels(dir));
    rankings = TrecRunReader.read(TrecFixture.writeRun(dir)).rankings();
  }

  @Test
  void reciprocalRankUsesTrecEvalTieBreakAndCutoff() {
    PerQueryScores s = new ReciprocalRank(10).evaluate(qrels, rankings);
    // q1: d3(0) d2(0) d1(2): first relevant at rank 3 (ascending tie-break would give rank 2)
    assertEquals(1.0 / 3, s.value("q1"), EPS);
    assertEquals(0.5, s.value("q2"), EPS); // b before a
    assertEquals(0.0, s.value("q3"), EPS); // missing from the run
    assertEquals(0.0, s.value("q4"), EPS); // relevant doc at rank 11
    assertEquals(0.0, s.value("q5"), EPS); // only grade 0
    assertEquals(List.of("q1", "q2", "q3", "q4", "q5"), List.copyOf(s.perQuery().keySet()));
    assertEquals((1.0 / 3 + 0.5) / 5, s.mean(), EPS);
    // MRR@11 reaches q4's relevant doc
    assertEquals(1.0 / 11, new ReciprocalRank(11).evaluate(qrels, rankings).value("q4"), EPS);
  }

  @Test
  void relevanceLevelTwo() {
    PerQueryScores mrr = new ReciprocalRank(10, 2).evaluate(qrels, rankings);
    assertEquals(1.0 / 3, mrr.value("q1"), EPS); // d1 grade 2
    assertEquals(0.0, mrr.value("q2"), EPS); // a is grade 1
    assertEquals(1.0 / 15, mrr.mean(), EPS);
    assertEquals(0.2, mrr.mean() * 3, EPS);
    PerQueryScores r10 = new Recall(10, 2).evaluate(qrels, rankings);
    assertEquals(1.0, r10.value("q1"), EPS); // d1, d4 of {d1, d4}
    assertEquals(0.2, r10.mean(), EPS);
    assertEquals(0.2, new ReciprocalRank(10, 3).evaluate(qrels, rankings).value("q1"), EPS); // d4 at rank 5
  }

  @Test
  void recallAtCutoffs() {
    PerQueryScores r10 = new Recall(10).evaluate(qrels, rankings);
    assertEquals(2.0 / 3, r10.value("q1"), EPS); // d1, d4 of {d1, d4, d5}
    assertEquals(1.0, r10.value("q2"), EPS);
    assertEquals(0.0, r10.value("q4"), EPS);
    assertEquals(0.0, r10.value("q5"), EPS); // no relevant doc: 0, still averaged
    assertEquals((2.0 / 3 + 1.0) / 5, r10.mean(), EPS);
    PerQueryScores r100 = new Recall(100).evaluate(qrels, rankings);
    assertEquals(1.0, r100.value("q4"), EPS);
    assertEquals((2.0 / 3 + 2.0) / 5, r100.mean(), EPS);
    assertEquals(0.0, new Recall(2).evaluate(qrels, rankings).value("q1"), EPS);
    assertEquals(1.0 / 3, new Recall(3).evaluate(qrels, rankings).value("q1"), EPS);
  }

  @Test
  void ndcgUsesLinearGainsAndAllPositiveGrades() {
    // q1 ranking grades: 0, 0, 2, unjudged, 3. Ideal: 3, 2, 1 (d5 not retrieved still counts).
    double dcg5 = 2 / log2(4) + 3 / log2(6);
    double idcg = 3 / log2(2) + 2 / log2(3) + 1 / log2(4);
    PerQueryScores n5 = new Ndcg(5).evaluate(qrels, rankings);
    assertEquals(dcg5 / idcg, n5.value("q1"), EPS);
    assertEquals(0.453721580500796, n5.value("q1"), 1e-12);
    assertEquals(1 / log2(3), n5.value("q2"), EPS);
    assertEquals(0.0, n5.value("q5"), EPS);
    assertEquals((dcg5 / idcg + 1 / log2(3)) / 5, n5.mean(), EPS);
    assertEquals(1.0 / idcg, new Ndcg(3).evaluate(qrels, rankings).value("q1"), EPS);
    assertEquals(0.0, new Ndcg(10).evaluate(qrels, rankings).value("q4"), EPS); // rank 11
    // ideal cut at k: nDCG@1 of a ranking whose first doc has the top grade is 1
    assertEquals(1.0, new Ndcg(1).score(Map.of("a", 3, "b", 3), List.of("b")), EPS);
    // negative grades and unjudged docs give no gain
    assertEquals(0.0, new Ndcg(10).score(Map.of("a", -1, "b", 1), List.of("a", "x")), EPS);
  }

  @Test
  void successAtCutoffs() {
    assertEquals(0.0, new Success(1).evaluate(qrels, rankings).mean(), EPS);
    PerQueryScores s3 = new Success(3).evaluate(qrels, rankings);
    assertEquals(1.0, s3.value("q1"), EPS);
    assertEquals(1.0, s3.value("q2"), EPS);
    assertEquals(0.4, s3.mean(), EPS);
    assertEquals(0.0, new Success(2).evaluate(qrels, rankings).value("q1"), EPS);
  }

  @Test
  void inMemoryRankingsAndValidation() {
    Qrels q = Qrels.of(Map.of("a", Map.of("x", 1), "b", Map.of("y", 1)));
    PerQueryScores s = new Success(5).evaluate(q, Map.of("a", List.of("z", "x")));
    assertEquals(0.5, s.mean(), EPS);
    assertThrows(CptbenchException.class, () -> new Success(5).evaluate(q, Map.of("a", List.of("x", "x"))));
    assertThrows(CptbenchException.class, () -> new Recall(0));
    assertThrows(CptbenchException.class, () -> new ReciprocalRank(10, -1));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
