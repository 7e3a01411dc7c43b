package org.cptbench.data.code;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cptbench.data.LoadReport;

/**
 * A loaded code-search benchmark: a pool of functions and queries that each have exactly one true function in the
 * pool (CodeSearchNet, CodeXGLUE AdvTest and CoSQA are built this way).
 *
 * @param name the task name
 * @param format {@value #CODESEARCHNET}, {@value #ADVTEST} or {@value #COSQA}
 * @param docIds unique ids of the pool's functions
 * @param docs the texts the encoder sees (y side)
 * @param docLanguages the programming language of each function (the CodeSearchNet protocol draws distractors
 *     from the same language)
 * @param queryIds unique query ids
 * @param queries the query texts (x side)
 * @param answers for each query, the index in the pool of its true function
 * @param report counts and warnings of the load
 */
public record CodeSearchTask(
    String name,
    String format,
    List<String> docIds,
    List<String> docs,
    List<String> docLanguages,
    List<String> queryIds,
    List<String> queries,
    List<Integer> answers,
    LoadReport report) {
  public static final String CODESEARCHNET = "codesearchnet";
  public static final String ADVTEST = "advtest";
  public static final String COSQA = "cosqa";

  public CodeSearchTask {
    Objects.requireNonNull(name, "name");
    if (!Set.of(CODESEARCHNET, ADVTEST, COSQA).contains(format)) {
      throw new IllegalArgumentException("format: '" + format + "', allowed: codesearchnet, advtest, cosqa");
    }
    docIds = List.copyOf(docIds);
    docs = List.copyOf(docs);
    docLanguages = List.copyOf(docLanguages);
    queryIds = List.copyOf(queryIds);
    queries = List.copyOf(queries);
    answers = List.copyOf(answers);
    Objects.requireNonNull(report, "report");
    if (docs.size() != docIds.size() || docLanguages.size() != docIds.size()) {
      throw new IllegalArgumentException(name + ": docIds, docs and docLanguages differ in length");
    }
    if (queries.size() != queryIds.size() || answers.size() != queryIds.size()) {
      throw new IllegalArgumentException(name + ": queryIds, queries and answers differ in length");
    }
    if (queryIds.isEmpty()) {
      throw new IllegalArgumentException(name + ": no queries");
    }
    unique(name, "doc", docIds);
    unique(name, "query", queryIds);
    for (int a : answers) {
      if (a < 0 || a >= docIds.size()) {
        throw new IllegalArgumentException(name + ": answer index " + a + " outside the pool of " + docIds.size());
      }
    }
  }

  private static void unique(String name, String what, List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException(name + ": duplicate " + what + " id " + id);
      }
    }
  }
}
