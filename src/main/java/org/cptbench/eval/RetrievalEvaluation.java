package org.cptbench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.data.retrieval.RetrievalTask;
import org.cptbench.eval.metric.Metric;
import org.cptbench.eval.metric.MetricId;
import org.cptbench.eval.metric.PerQueryScores;
import org.cptbench.eval.metric.RankingMetric;
import org.cptbench.data.trec.Qrels;
import org.cptbench.data.trec.TrecOrder;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.kernel.ExactSearch;
import org.cptbench.kernel.TopK;

/**
 * Dense retrieval by exact search: queries embedded on the x side, documents on the y side, cosine (inner product
 * of unit vectors) over the whole corpus, top {@value #DEPTH} per query in trec_eval's order: score descending, exact
 * ties broken by document id <em>descending</em> in strcmp order ({@link TrecOrder#RUN_ORDER}), both for which
 * documents make the cut and for their ranks. trec_eval re-sorts a run file the same way, so the metrics here and
 * {@code ./harness score} (or trec_eval) on the written run agree by construction. Metrics as trec_eval 10 computes
 * them with {@code -c} (MS MARCO's MRR@10 is trec_eval's {@code recip_rank} cut at 10): {@code MRR@10},
 * {@code nDCG@10}, {@code R@10}, {@code R@100}, {@code Success@10}.
 * The ranking comes from the embedder's {@link Retriever}: this dense search by default, or a lexical model such as
 * {@link org.cptbench.lexical.Bm25}.
 */
public final class RetrievalEvaluation {
  /** Ranking depth kept per query (and written to the TREC run file). */
  public static final int DEPTH = 100;

  public static final List<String> METRICS = List.of("MRR@10", "nDCG@10", "R@10", "R@100", "Success@10");

  private RetrievalEvaluation() {}

  /** Result of exact search over a corpus: per query, ranked (doc id, score) in trec_eval's order. */
  public static Map<String, List<TrecRun.Entry>> search(
      List<String> docIds, float[][] docs, List<String> queryIds, float[][] queries, int depth) {
    int d = docs[0].length;
    float[] flatDocs = flatten(docs, d);
    float[] flatQueries = flatten(queries, d);
    ExactSearch index = ExactSearch.index(flatDocs, docs.length, d, trecTieRanks(docIds));
    TopK top = index.search(flatQueries, queries.length, Math.min(depth, docs.length));
    return toRun(top, docIds, 0, queryIds);
  }

  /**
   * A top-k result as a run: query {@code q}'s ranked documents are {@code docIds.get(offset + index)} with their
   * scores ({@code offset}: the first corpus document the result's indices count from).
   */
  public static Map<String, List<TrecRun.Entry>> toRun(TopK top, List<String> docIds, int offset,
      List<String> queryIds) {
    Map<String, List<TrecRun.Entry>> run = new LinkedHashMap<>();
    for (int q = 0; q < top.queries(); q++) {
      List<TrecRun.Entry> ranked = new ArrayList<>(top.indices()[q].length);
      for (int r = 0; r < top.indices()[q].length; r++) {
        ranked.add(new TrecRun.Entry(docIds.get(offset + top.indices()[q][r]), top.scores()[q][r]));
      }
      run.put(queryIds.get(q), ranked);
    }
    return run;
  }

  public static TaskResult run(String kind, RetrievalTask task, Embedder embedder, int relevanceLevel) {
    Retriever.Ranking ranking = embedder.retriever().search(
        task.corpus().ids(), task.corpus().texts(), task.queries().ids(), task.queries().texts(), DEPTH);
    return score(kind, task, ranking, relevanceLevel);
  }

  /** Scores a ranking of {@code task}'s queries (at most {@link #DEPTH} documents of each are read). */
  static TaskResult score(String kind, RetrievalTask task, Retriever.Ranking ranking, int relevanceLevel) {
    Map<String, List<TrecRun.Entry>> run = new LinkedHashMap<>();
    ranking.run().forEach((q, entries) -> run.put(q, entries.subList(0, Math.min(DEPTH, entries.size()))));
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    run.forEach((q, entries) -> rankings.put(q, entries.stream().map(TrecRun.Entry::docId).toList()));
    Qrels qrels = task.qrels();
    TaskResult.Builder b = TaskResult.builder(task.name(), kind);
    for (String id : METRICS) {
      Metric m = MetricId.parse(id, relevanceLevel);
      PerQueryScores s = ((RankingMetric) m).evaluate(qrels, rankings);
      b.metric(id, s.mean(), m.definition()).perQuery(s);
    }
    b.run(run)
        .detail("documents", task.corpus().size())
        .detail("queries", task.queries().size())
        .detail("relevanceLevel", relevanceLevel)
        .detail("subsample", task.corpus().subsample() == null ? "none" : task.corpus().subsample().toString())
        .detail("warnings", task.report().warnings())
        .detail("counts", task.report().counts());
    ranking.details().forEach(b::detail);
    return b.build();
  }

  /**
   * The tie order {@link ExactSearch} wants (lower rank wins an exact tie) for trec_eval's convention: rank 0 is the
   * largest document id in strcmp order ({@link TrecOrder#STRCMP}), so tied documents come out id-descending.
   */
  public static int[] trecTieRanks(List<String> docIds) {
    Integer[] order = new Integer[docIds.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> TrecOrder.STRCMP.compare(docIds.get(b), docIds.get(a)));
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  /** Rows of width {@code d} as one row-major array. */
  public static float[] flatten(float[][] rows, int d) {
    float[] flat = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return flat;
  }
}
