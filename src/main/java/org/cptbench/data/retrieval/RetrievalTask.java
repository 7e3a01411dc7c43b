package org.cptbench.data.retrieval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cptbench.data.LoadReport;
import org.cptbench.data.trec.Qrels;

/**
 * A loaded retrieval benchmark: the corpus, the judged queries (those with at least one judgment, in query-file
 * order, as BEIR evaluates: {@code queries = {qid: queries[qid] for qid in qrels}}) and their judgments. Every query
 * in {@code qrels} is in {@code queries}. Judgments naming documents missing from the corpus are kept (they count as
 * relevant but unretrievable, as in trec_eval) and counted in {@code report}. Tasks built in memory
 * ({@link #inMemory}) are stricter: there every judged document is in the corpus.
 */
public record RetrievalTask(
    String name, String format, RetrievalCorpus corpus, Queries queries, Qrels qrels, LoadReport report) {
  /** The {@link #format()} of tasks made by {@link #inMemory}. */
  public static final String IN_MEMORY_FORMAT = "builtin";

  public RetrievalTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(qrels, "qrels");
    Objects.requireNonNull(report, "report");
    for (String q : qrels.queryIds()) {
      if (!queries.contains(q)) {
        throw new IllegalArgumentException("qrels query '" + q + "' is not among the queries of " + name);
      }
    }
    if (queries.size() != qrels.numQueries()) {
      throw new IllegalArgumentException(
          "queries (" + queries.size() + ") must be exactly the judged queries (" + qrels.numQueries() + ")");
    }
  }

  /**
   * A task given in memory (the BEIR layout without files), format {@value #IN_MEMORY_FORMAT}, an empty report.
   * Strict: query ids and doc ids are unique, every query has at least one judged document, and every id in
   * {@code qrels} is one of the task's; a violation is an {@link IllegalArgumentException} naming the task.
   *
   * @param name e.g. {@code builtin/code-search}
   * @param queryIds query ids, parallel to {@code queries}; their order is the task's query order
   * @param queries query texts
   * @param docIds document ids, parallel to {@code docs}; their order is the corpus order
   * @param docs document texts
   * @param qrels query id -> document id -> grade (1 = relevant)
   */
  public static RetrievalTask inMemory(
      String name,
      List<String> queryIds,
      List<String> queries,
      List<String> docIds,
      List<String> docs,
      Map<String, ? extends Map<String, Integer>> qrels) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(qrels, "qrels");
    if (queryIds.size() != queries.size()) {
      throw new IllegalArgumentException(
          name + ": " + queryIds.size() + " query ids but " + queries.size() + " queries");
    }
    if (docIds.size() != docs.size()) {
      throw new IllegalArgumentException(name + ": " + docIds.size() + " doc ids but " + docs.size() + " docs");
    }
    if (queryIds.isEmpty()) {
      throw new IllegalArgumentException(name + ": no queries");
    }
    Set<String> q = unique(name, "query", queryIds);
    Set<String> d = unique(name, "doc", docIds);
    for (String qid : queryIds) {
      Map<String, Integer> judged = qrels.get(qid);
      if (judged == null || judged.isEmpty()) {
        throw new IllegalArgumentException(name + ": query " + qid + " has no relevant document in qrels");
      }
      for (String docId : judged.keySet()) {
        if (!d.contains(docId)) {
          throw new IllegalArgumentException(name + ": qrels of " + qid + " name unknown doc " + docId);
        }
      }
    }
    for (String qid : qrels.keySet()) {
      if (!q.contains(qid)) {
        throw new IllegalArgumentException(name + ": qrels name unknown query " + qid);
      }
    }
    return new RetrievalTask(
        name,
        IN_MEMORY_FORMAT,
        new RetrievalCorpus(docIds, docs, null),
        new Queries(queryIds, queries),
        Qrels.of(qrels),
        LoadReport.empty());
  }

  private static Set<String> unique(String name, String what, List<String> ids) {
    Set<String> s = new HashSet<>();
    for (String id : ids) {
      if (!s.add(id)) {
        throw new IllegalArgumentException(name + ": duplicate " + what + " id " + id);
      }
    }
    return s;
  }
}
