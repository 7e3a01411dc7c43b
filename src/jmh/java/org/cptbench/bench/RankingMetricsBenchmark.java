package org.cptbench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cptbench.eval.metric.MetricId;
import org.cptbench.eval.metric.PerQueryScores;
import org.cptbench.eval.metric.RankingMetric;
import org.cptbench.data.trec.Qrels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A retrieval metric ({@link MetricId#parse} of {@code metric}, evaluated as {@link RankingMetric#evaluate}, trec_eval
 * -c semantics) over a synthetic run: {@code queries} judged queries with rankings of {@code depth} distinct docs
 * drawn from a 200,000-doc corpus. Each judged query has 1 to 3 relevant docs (grades 1 to 3), each placed at a
 * random rank or not retrieved, plus 2 judged non-relevant (grade 0) retrieved docs; 1% of the judged queries have no
 * ranking (score 0) and 2% extra ranked queries have no judgments (ignored). One op = one evaluation of all queries,
 * so queries/s = ops/s * queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class RankingMetricsBenchmark {
  @Param({"MRR@10", "nDCG@10"})
  public String metric;

  @Param("5000")
  public int queries;

  @Param("100")
  public int depth;

  private static final int CORPUS = 200_000;

  private RankingMetric ranking;
  private Qrels qrels;
  private Map<String, List<String>> rankings;

  @Setup(Level.Trial)
  public void setup() {
    ranking = (RankingMetric) MetricId.parse(metric);
    SplittableRandom rnd = new SplittableRandom(4242);
    Map<String, Map<String, Integer>> judgments = new HashMap<>();
    rankings = new HashMap<>();
    double expectedSum = 0;
    for (int q = 0; q < queries; q++) {
      String qid = "q" + q;
      LinkedHashSet<String> docs = new LinkedHashSet<>();
      while (docs.size() < depth) {
        docs.add("d" + rnd.nextInt(CORPUS));
      }
      List<String> list = new ArrayList<>(docs);
      Map<String, Integer> judged = new HashMap<>();
      judged.put(list.get(rnd.nextInt(depth)), 0);
      judged.put(list.get(rnd.nextInt(depth)), 0);
      int relevant = 1 + rnd.nextInt(3);
      int[] rank = new int[relevant];
      int[] grade = new int[relevant];
      Arrays.fill(rank, -1);
      for (int r = 0; r < relevant; r++) {
        grade[r] = 1 + rnd.nextInt(3);
        String doc = "rel-" + q + "-" + r;
        judged.put(doc, grade[r]);
        // placed at a rank in [0, depth) that no earlier relevant doc took, or (1 in 4) not retrieved
        if (rnd.nextInt(4) != 0) {
          int at = rnd.nextInt(depth);
          while (contains(rank, at)) {
            at = rnd.nextInt(depth);
          }
          rank[r] = at;
          list.set(at, doc);
        }
      }
      judgments.put(qid, judged);
      boolean ranked = rnd.nextInt(100) != 0;
      if (ranked) {
        rankings.put(qid, list);
        expectedSum += expected(rank, grade);
      }
      if (rnd.nextInt(50) == 0) {
        rankings.put("unjudged" + q, list);
      }
    }
    qrels = Qrels.of(judgments);
    // correctness guard: the mean equals the value computed from the planted ranks and grades
    PerQueryScores scores = ranking.evaluate(qrels, rankings);
    double expectedMean = expectedSum / queries;
    if (scores.perQuery().size() != queries || Math.abs(scores.mean() - expectedMean) > 1e-9) {
      throw new IllegalStateException(
          metric + " = " + scores.mean() + " over " + scores.perQuery().size() + " queries; planted: " + expectedMean
              + " over " + queries);
    }
  }

  /** The metric of one query from where its relevant docs were planted (rank -1: not retrieved). */
  private double expected(int[] rank, int[] grade) {
    int k = ranking.k();
    if (metric.toLowerCase(Locale.ROOT).startsWith("mrr")) {
      int best = Integer.MAX_VALUE;
      for (int r : rank) {
        if (r >= 0 && r < k) {
          best = Math.min(best, r);
        }
      }
      return best == Integer.MAX_VALUE ? 0 : 1.0 / (best + 1);
    }
    if (metric.toLowerCase(Locale.ROOT).startsWith("ndcg")) {
      double dcg = 0;
      List<Integer> grades = new ArrayList<>();
      for (int i = 0; i < rank.length; i++) {
        if (rank[i] >= 0 && rank[i] < k) {
          dcg += grade[i] / (Math.log(rank[i] + 2) / Math.log(2));
        }
        grades.add(grade[i]);
      }
      grades.sort(Collections.reverseOrder());
      double ideal = 0;
      for (int i = 0; i < Math.min(k, grades.size()); i++) {
        ideal += grades.get(i) / (Math.log(i + 2) / Math.log(2));
      }
      return dcg / ideal;
    }
    throw new IllegalArgumentException("metric: " + metric + "; the guard knows MRR@k and nDCG@k");
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  @Benchmark
  public void evaluate(Blackhole bh) {
    bh.consume(ranking.evaluate(qrels, rankings));
  }
}
