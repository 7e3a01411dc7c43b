package org.cptbench.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.cptbench.data.code.CodeSearchTask;
import org.cptbench.data.retrieval.RetrievalTask;
import org.cptbench.eval.metric.PerQueryScores;
import org.cptbench.eval.metric.ReciprocalRank;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.text.Side;

/**
 * Code search under two protocols, reported side by side in one result (kind {@code code}):
 *
 * <ul>
 *   <li><b>CodeSearchNet</b> ({@value #CSN_MRR}; CodeSearchNet-format tasks): each query ranks its true function
 *       against {@value #DISTRACTORS} distractors drawn without replacement, with a seed, from the other functions of
 *       the same split and language (fewer when the language has fewer); rank = the number of candidates whose
 *       cosine is &gt;= the true function's (CodeSearchNet's {@code compute_ranks}: ties count against the true
 *       function; for BM25, whose score stands in for the cosine, a function it does not retrieve scores 0); {@value #CSN_MRR} = mean of 1/rank over queries (Husain et al. 2019, section 4; the cpt-code
 *       evaluation, Neelakantan et al. 2022, section 3.5).
 *   <li><b>Full pool</b> (every format): exact search over the whole split, as for text retrieval
 *       ({@link RetrievalEvaluation}: MRR@10, nDCG@10, R@10, R@100, Success@10 with trec_eval semantics), plus
 *       {@code MRR@100}, which is the official measure of CodeXGLUE AdvTest and CoSQA up to ranks beyond 100.
 * </ul>
 *
 * Distractor draws: {@code SplittableRandom(seed)}, queries in task order, Floyd's sampling of distinct positions in
 * the language's list of functions with the true function excluded.
 */
public final class CodeSearchEvaluation {
  /** Metric id of the CodeSearchNet protocol. */
  public static final String CSN_MRR = "CSN-MRR";

  /** Distractors per query in the CodeSearchNet protocol (999: 1,000 candidates). */
  public static final int DISTRACTORS = 999;

  private CodeSearchEvaluation() {}

  public static TaskResult run(CodeSearchTask task, Embedder embedder, long seed) {
    long t0 = System.nanoTime();
    TaskResult full;
    Scorer scorer;
    if (embedder.hasEmbeddings()) {
      float[][] docs = embedder.embed(task.docs(), Side.Y);
      float[][] queries = embedder.embed(task.queries(), Side.X);
      full = RetrievalEvaluation.run("code", asRetrieval(task), (texts, side) -> side == Side.Y ? docs : queries, 1);
      scorer = (q, d) -> dot(queries[q], docs[d]);
    } else {
      // a lexical ranking function (BM25): rank the whole pool for every query once; a function it does not
      // retrieve (no shared term) scores 0, below every retrieved one
      // (searched under ids no document has: a lexical retriever drops the document whose id equals the query's,
      // BEIR's convention, and a code-search query shares its id with its true function)
      RetrievalTask pool = asRetrieval(task);
      Set<String> docIdSet = new HashSet<>(task.docIds());
      String p = "query:";
      while (clashes(p, task.queryIds(), docIdSet)) {
        p = "_" + p;
      }
      String prefix = p;
      List<String> searchIds = task.queryIds().stream().map(q -> prefixOf(prefix, q)).toList();
      Retriever.Ranking raw = embedder.retriever().search(
          task.docIds(), task.docs(), searchIds, task.queries(), task.docIds().size());
      Map<String, List<TrecRun.Entry>> byQuery = new LinkedHashMap<>();
      for (int q = 0; q < searchIds.size(); q++) {
        byQuery.put(task.queryIds().get(q), raw.run().getOrDefault(searchIds.get(q), List.of()));
      }
      Retriever.Ranking ranking = new Retriever.Ranking(byQuery, raw.details());
      full = RetrievalEvaluation.score("code", pool, ranking, 1);
      scorer = lexicalScores(task, ranking);
    }
    long t1 = System.nanoTime();
    TaskResult.Builder b = TaskResult.builder(task.name(), "code");
    if (task.format().equals(CodeSearchTask.CODESEARCHNET)) {
      Csn csn = csnRanks(task, scorer, seed, DISTRACTORS);
      PerQueryScores s = csn.scores();
      b.metric(CSN_MRR, s.mean(), csnDefinition(seed, csn.minCandidates())).perQuery(s);
      b.detail("csnMinCandidates", csn.minCandidates());
    }
    full.metrics().forEach((id, v) -> b.metric(id, v, full.definitions().get(id) + "; full pool"));
    full.perQuery().forEach(b::perQuery);
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    full.run().forEach((q, entries) -> rankings.put(q, entries.stream().map(TrecRun.Entry::docId).toList()));
    ReciprocalRank mrr100 = new ReciprocalRank(100, 1);
    PerQueryScores s100 = mrr100.evaluate(asRetrieval(task).qrels(), rankings);
    b.metric("MRR@100", s100.mean(), mrr100.definition() + "; full pool").perQuery(s100);
    full.details().forEach(b::detail);
    return b.run(full.run())
        .detail("format", task.format())
        .detail("protocol", protocol(task))
        .detail("encodeSeconds", (t1 - t0) / 1e9)
        .detail("counts", task.report().counts())
        .build();
  }

  private static String protocol(CodeSearchTask task) {
    return task.format().equals(CodeSearchTask.CODESEARCHNET)
        ? "CodeSearchNet 1,000-candidate MRR (CSN-MRR) and full-pool retrieval"
        : "full-pool retrieval (" + task.format() + ")";
  }

  static String csnDefinition(long seed, int minCandidates) {
    return "CodeSearchNet protocol (Husain et al. 2019): each query ranks its true function among it and up to "
        + DISTRACTORS + " distractors drawn with seed " + seed + " from the same split and language (fewest "
        + "candidates here: " + minCandidates + "); rank = #candidates with cosine >= the true one's; mean 1/rank";
  }

  /** Per-query reciprocal ranks of the CodeSearchNet protocol and the smallest candidate count. */
  record Csn(PerQueryScores scores, int minCandidates) {}

  /** The score of document {@code d} for query {@code q} (cosine, or a lexical score). */
  @FunctionalInterface
  interface Scorer {
    double score(int q, int d);
  }

  static Csn csnRanks(CodeSearchTask task, float[][] docs, float[][] queries, long seed, int distractors) {
    return csnRanks(task, (q, d) -> dot(queries[q], docs[d]), seed, distractors);
  }

  static Csn csnRanks(CodeSearchTask task, Scorer scorer, long seed, int distractors) {
    Map<String, List<Integer>> byLanguage = new LinkedHashMap<>();
    for (int d = 0; d < task.docs().size(); d++) {
      byLanguage.computeIfAbsent(task.docLanguages().get(d), k -> new ArrayList<>()).add(d);
    }
    Map<Integer, Integer> positionInLanguage = new java.util.HashMap<>();
    byLanguage.values().forEach(list -> {
      for (int i = 0; i < list.size(); i++) {
        positionInLanguage.put(list.get(i), i);
      }
    });
    SplittableRandom rnd = new SplittableRandom(seed);
    LinkedHashMap<String, Double> rr = new LinkedHashMap<>();
    int minCandidates = Integer.MAX_VALUE;
    for (int q = 0; q < task.queries().size(); q++) {
      int answer = task.answers().get(q);
      List<Integer> same = byLanguage.get(task.docLanguages().get(answer));
      int[] drawn = sampleExcluding(rnd, same.size(), positionInLanguage.get(answer), distractors);
      double trueScore = scorer.score(q, answer);
      int rank = 1;
      for (int p : drawn) {
        if (scorer.score(q, same.get(p)) >= trueScore) {
          rank++;
        }
      }
      minCandidates = Math.min(minCandidates, drawn.length + 1);
      rr.put(task.queryIds().get(q), 1.0 / rank);
    }
    return new Csn(PerQueryScores.of(CSN_MRR, rr), minCandidates);
  }

  /**
   * {@code min(k, n - 1)} distinct positions in {@code [0, n)} other than {@code excluded}, by Floyd's algorithm
   * over {@code [0, n - 1)} with positions from {@code excluded} on shifted up by one.
   */
  static int[] sampleExcluding(SplittableRandom rnd, int n, int excluded, int k) {
    int m = n - 1;
    int take = Math.min(k, m);
    Set<Integer> chosen = new HashSet<>();
    int[] out = new int[take];
    int o = 0;
    for (int j = m - take; j < m; j++) {
      int t = rnd.nextInt(j + 1);
      int pick = chosen.contains(t) ? j : t;
      chosen.add(pick);
      out[o++] = pick >= excluded ? pick + 1 : pick;
    }
    return out;
  }

  private static boolean clashes(String prefix, List<String> queryIds, Set<String> docIds) {
    return queryIds.stream().anyMatch(q -> docIds.contains(prefixOf(prefix, q)));
  }

  private static String prefixOf(String prefix, String id) {
    return prefix + id;
  }

  /** Lexical scores of every (query, document) pair the ranking holds; 0 for the rest. */
  private static Scorer lexicalScores(CodeSearchTask task, Retriever.Ranking ranking) {
    Map<String, Integer> docIndex = new java.util.HashMap<>();
    for (int d = 0; d < task.docIds().size(); d++) {
      docIndex.put(task.docIds().get(d), d);
    }
    List<Map<Integer, Double>> scores = new ArrayList<>();
    for (String qid : task.queryIds()) {
      Map<Integer, Double> m = new java.util.HashMap<>();
      for (TrecRun.Entry e : ranking.run().getOrDefault(qid, List.of())) {
        m.put(docIndex.get(e.docId()), e.score());
      }
      scores.add(m);
    }
    return (q, d) -> scores.get(q).getOrDefault(d, 0.0);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The full-pool view: one query per record, its true function the one relevant document. */
  static RetrievalTask asRetrieval(CodeSearchTask task) {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (int q = 0; q < task.queryIds().size(); q++) {
      qrels.put(task.queryIds().get(q), Map.of(task.docIds().get(task.answers().get(q)), 1));
    }
    return RetrievalTask.inMemory(task.name(), task.queryIds(), task.queries(), task.docIds(), task.docs(), qrels);
  }
}
