package org.cptbench.data.builtin;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory retrieval task: queries, a corpus and binary relevance judgments (the BEIR layout without files).
 *
 * @param name e.g. {@code builtin/code-search}
 * @param queryIds query ids, unique, parallel to {@code queries}
 * @param queries query texts
 * @param docIds document ids, unique, parallel to {@code docs}
 * @param docs document texts
 * @param qrels query id -> document id -> grade (1 = relevant); every query has at least one judged document, and
 *     every id is one of the task's
 */
public record RetrievalTask(
    String name,
    List<String> queryIds,
    List<String> queries,
    List<String> docIds,
    List<String> docs,
    Map<String, Map<String, Integer>> qrels) {
  public RetrievalTask {
    queryIds = List.copyOf(queryIds);
    queries = List.copyOf(queries);
    docIds = List.copyOf(docIds);
    docs = List.copyOf(docs);
    if (queryIds.size() != queries.size()) {
      throw new IllegalArgumentException(name + ": " + queryIds.size() + " query ids but " + queries.size() + " queries");
    }
    if (docIds.size() != docs.size()) {
      throw new IllegalArgumentException(name + ": " + docIds.size() + " doc ids but " + docs.size() + " docs");
    }
    Set<String> q = unique(name, "query", queryIds);
    Set<String> d = unique(name, "doc", docIds);
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
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
      copy.put(qid, Map.copyOf(judged));
    }
    for (String qid : qrels.keySet()) {
      if (!q.contains(qid)) {
        throw new IllegalArgumentException(name + ": qrels name unknown query " + qid);
      }
    }
    qrels = Collections.unmodifiableMap(copy);
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
