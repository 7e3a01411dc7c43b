package org.cptbench.data.retrieval;

import java.util.Objects;
import org.cptbench.data.LoadReport;
import org.cptbench.eval.trec.Qrels;

/**
 * A loaded retrieval benchmark: the corpus, the judged queries (those with at least one judgment, in query-file
 * order, as BEIR evaluates: {@code queries = {qid: queries[qid] for qid in qrels}}) and their judgments. Every query
 * in {@code qrels} is in {@code queries}. Judgments naming documents missing from the corpus are kept (they count as
 * relevant but unretrievable, as in trec_eval) and counted in {@code report}.
 */
public record RetrievalTask(
    String name, String format, RetrievalCorpus corpus, Queries queries, Qrels qrels, LoadReport report) {
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
}
