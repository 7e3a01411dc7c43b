package org.cptbench.data.trec;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.cptbench.CptbenchException;

/**
 * Relevance judgments: query id -> (doc id -> integer grade), as trec_eval 10.0 holds them.
 *
 * <p>Queries iterate in trec_eval's order (strcmp of the query id, {@link TrecOrder#STRCMP}). Grades are integers;
 * a negative grade means "in the pool but not judged" to trec_eval: such a doc is never relevant and contributes no
 * gain, but its query still counts. Every query has at least one judgment (a qrels file cannot express a query
 * without one). Read files with {@link QrelsReader}. This is also the type of the data loaders' judgments
 * ({@link org.cptbench.data.retrieval.RetrievalTask#qrels()}).
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> byQuery;
  private final List<String> queryIds;
  private final long numJudgments;

  private Qrels(TreeMap<String, Map<String, Integer>> byQuery) {
    this.byQuery = Collections.unmodifiableMap(byQuery);
    this.queryIds = List.copyOf(byQuery.keySet());
    long n = 0;
    for (Map<String, Integer> m : byQuery.values()) {
      n += m.size();
    }
    this.numJudgments = n;
  }

  /**
   * Judgments given in memory. Ids must be non-empty; each query needs at least one judgment; grades must be
   * non-null.
   */
  public static Qrels of(Map<String, ? extends Map<String, Integer>> judgments) {
    Objects.requireNonNull(judgments, "judgments");
    if (judgments.isEmpty()) {
      throw new CptbenchException("qrels: no judgments given (at least one query with one judgment is needed)");
    }
    TreeMap<String, Map<String, Integer>> copy = new TreeMap<>(TrecOrder.STRCMP);
    for (Map.Entry<String, ? extends Map<String, Integer>> q : judgments.entrySet()) {
      String qid = q.getKey();
      if (qid == null || qid.isEmpty()) {
        throw new CptbenchException("qrels: query id must be non-empty, got " + (qid == null ? "null" : "''"));
      }
      Map<String, Integer> docs = q.getValue();
      if (docs == null || docs.isEmpty()) {
        throw new CptbenchException(
            "qrels: query '" + qid + "' has no judgments (trec_eval needs at least one per listed query)");
      }
      Map<String, Integer> inner = new HashMap<>(docs.size() * 2);
      for (Map.Entry<String, Integer> d : docs.entrySet()) {
        if (d.getKey() == null || d.getKey().isEmpty()) {
          throw new CptbenchException("qrels: query '" + qid + "' has an empty doc id");
        }
        if (d.getValue() == null) {
          throw new CptbenchException("qrels: query '" + qid + "' doc '" + d.getKey() + "' has a null grade");
        }
        inner.put(d.getKey(), d.getValue());
      }
      copy.put(qid, Collections.unmodifiableMap(inner));
    }
    return new Qrels(copy);
  }

  /** Query ids in trec_eval order (strcmp). */
  public List<String> queryIds() {
    return queryIds;
  }

  /** Number of judged queries. */
  public int numQueries() {
    return queryIds.size();
  }

  /** Total number of (query, doc) judgments. */
  public long numJudgments() {
    return numJudgments;
  }

  public boolean contains(String qid) {
    return byQuery.containsKey(qid);
  }

  /** Doc id -> grade for {@code qid}; empty when the query is not judged. */
  public Map<String, Integer> judgments(String qid) {
    Map<String, Integer> m = byQuery.get(qid);
    return m == null ? Map.of() : m;
  }

  /** All judgments, query ids in trec_eval order. */
  public Map<String, Map<String, Integer>> asMap() {
    return byQuery;
  }

  /** Every judged document id (any grade, any query). */
  public Set<String> judgedDocuments() {
    Set<String> out = new HashSet<>();
    for (Map<String, Integer> m : byQuery.values()) {
      out.addAll(m.keySet());
    }
    return Collections.unmodifiableSet(out);
  }

  /** Number of docs of {@code qid} with grade >= {@code relevanceLevel} (trec_eval's num_rel). */
  public int numRelevant(String qid, int relevanceLevel) {
    return countRelevant(judgments(qid), relevanceLevel);
  }

  /** Number of judgments with a non-negative grade >= {@code relevanceLevel}. */
  public static int countRelevant(Map<String, Integer> judgments, int relevanceLevel) {
    int n = 0;
    for (int g : judgments.values()) {
      if (g >= 0 && g >= relevanceLevel) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "Qrels[" + numQueries() + " queries, " + numJudgments + " judgments]";
  }
}
