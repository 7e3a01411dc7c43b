package org.cptbench.eval.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class MetricIdTest {

  @Test
  void parsesAllForms() {
    assertEquals(new ReciprocalRank(10, 1), MetricId.parse("MRR@10"));
    assertEquals(new Recall(100, 2), MetricId.parse("R@100", 2));
    assertEquals(new Ndcg(10), MetricId.parse("nDCG@10", 2));
    assertEquals(new Success(5, 1), MetricId.parse("Success@5"));
    assertEquals(new AnswerAccuracy(20), MetricId.parse("AnswerAcc@20"));
    assertInstanceOf(Accuracy.class, MetricId.parse("accuracy"));
    assertInstanceOf(Spearman.class, MetricId.parse("spearman"));
    assertInstanceOf(Pearson.class, MetricId.parse("pearson"));
    assertEquals("nDCG@10", MetricId.parse("ndcg@10").id()); // case-insensitive, canonical id
    assertEquals(
        List.of("MRR@10", "R@10", "R@100", "nDCG@10"),
        MetricId.parseList("MRR@10, R@10,R@100,nDCG@10", 1).stream().map(Metric::id).toList());
  }

  @Test
  void unknownOrBadIdsListTheAllowedForms() {
    for (String bad : new String[] {"MAP", "P@10", "MRR@0", "MRR@", "R@-1", "MRR@99999999999", ""}) {
      CptbenchException e = assertThrows(CptbenchException.class, () -> MetricId.parse(bad), bad);
      assertTrue(e.getMessage().contains("MRR@k, R@k, nDCG@k"), e.getMessage());
    }
    assertThrows(CptbenchException.class, () -> MetricId.parseList("R@10,,MRR@10", 1));
    assertThrows(CptbenchException.class, () -> MetricId.parseList("R@10,r@10", 1));
  }

  @Test
  void definitionsNameTheReference() {
    assertEquals(
        "trec_eval 10 recall_100 (-c): relevant retrieved in top 100 / relevant, relevance >= 1, 0 for a query"
            + " without relevant docs, mean over all judged queries",
        new Recall(100).definition());
    assertTrue(new Ndcg(10).definition().contains("relevance level not applied"));
    assertTrue(new ReciprocalRank(10, 2).definition().contains("relevance >= 2"));
    assertTrue(new Spearman().definition().contains("scipy.stats.spearmanr"));
  }
}
