package org.cptbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cptbench.data.LoadReport;
import org.cptbench.data.retrieval.Queries;
import org.cptbench.data.retrieval.RetrievalCorpus;
import org.cptbench.data.retrieval.RetrievalTask;
import org.cptbench.eval.metric.MetricId;
import org.cptbench.eval.metric.RankingMetric;
import org.cptbench.data.trec.Qrels;
import org.cptbench.data.trec.TrecOrder;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.data.trec.TrecRunReader;
import org.cptbench.data.trec.TrecRunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact score ties are broken as trec_eval breaks them (doc id descending, strcmp), for the cut and the ranks. */
class RetrievalEvaluationTest {
  @TempDir Path tmp;

  /** Texts "tie" embed to one unit vector, anything else to an orthogonal one; queries embed like "tie". */
  static final Embedder EMBEDDER =
      (texts, side) ->
          texts.stream()
              .map(t -> t.equals("tie") || t.startsWith("query") ? new float[] {1, 0} : new float[] {0, 1})
              .toArray(float[][]::new);

  /** Four documents, three of them tied; "d1" is relevant to q1. */
  static RetrievalTask task() {
    RetrievalCorpus corpus =
        new RetrievalCorpus(List.of("d1", "d10", "dz", "d2"), List.of("tie", "tie", "other", "tie"), null);
    Queries queries = new Queries(List.of("q1"), List.of("query one"));
    Qrels qrels = Qrels.of(Map.of("q1", Map.of("d1", 1)));
    return new RetrievalTask("ties", RetrievalTask.IN_MEMORY_FORMAT, corpus, queries, qrels, LoadReport.empty());
  }

  @Test
  void tiedDocumentsRankByIdDescendingInStrcmpOrder() {
    RetrievalTask t = task();
    float[][] docs = EMBEDDER.embed(t.corpus().texts(), null);
    float[][] q = EMBEDDER.embed(t.queries().texts(), null);
    List<TrecRun.Entry> all = RetrievalEvaluation.search(t.corpus().ids(), docs, List.of("q1"), q, 100).get("q1");
    // strcmp: "d2" > "d10" > "d1"; the ascending order used before gave d1, d10, d2
    assertEquals(List.of("d2", "d10", "d1", "dz"), all.stream().map(TrecRun.Entry::docId).toList());
    assertEquals(all, TrecOrder.trecEvalRanking(all), "re-sorting the real scores as trec_eval does changes nothing");
    List<TrecRun.Entry> top2 = RetrievalEvaluation.search(t.corpus().ids(), docs, List.of("q1"), q, 2).get("q1");
    assertEquals(List.of("d2", "d10"), top2.stream().map(TrecRun.Entry::docId).toList(), "the cut keeps the larger ids");
  }

  @Test
  void metricsEqualTrecEvalOnTheWrittenRunFile() {
    TaskResult r = RetrievalEvaluation.run("retrieval", task(), EMBEDDER, 1);
    assertEquals(1.0 / 3, r.metrics().get("MRR@10"), 1e-12, "d1 ranks third behind the tied d2 and d10");
    Path file = tmp.resolve("ties.trec");
    TrecRunWriter.write(file, r.run(), "test");
    Map<String, List<String>> fromFile = TrecRunReader.read(file).rankings();
    Map<String, List<String>> fromRealScores =
        TrecRun.of(r.run(), "real").rankings(); // trec_eval's order applied to the unmodified scores
    assertEquals(fromRealScores, fromFile);
    for (String id : RetrievalEvaluation.METRICS) {
      double rescored =
          ((RankingMetric) MetricId.parse(id, 1)).evaluate(task().qrels(), fromRealScores).mean();
      assertEquals(rescored, r.metrics().get(id), 0.0, id);
    }
  }
}
