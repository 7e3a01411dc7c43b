package org.cptbench.data.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cptbench.CptbenchException;
import org.cptbench.data.LoadReport;
import org.cptbench.data.trec.Qrels;

/** Cross-checks queries, qrels and corpus and assembles a {@link RetrievalTask}; shared by the formats. */
final class RetrievalAssembly {
  private RetrievalAssembly() {}

  /**
   * The judgments restricted to queries present in {@code queries}; judgments of unknown queries are counted under
   * {@code qrels.unknownQueries} / {@code qrels.unknownQueryJudgments}. An error when no judged query is left.
   */
  static Qrels judgedQueries(Path folder, Queries queries, Qrels qrels, LoadReport.Builder report) {
    Map<String, Map<String, Integer>> keep = new LinkedHashMap<>();
    long unknownQueries = 0;
    long unknownJudgments = 0;
    for (var e : qrels.asMap().entrySet()) {
      if (queries.contains(e.getKey())) {
        keep.put(e.getKey(), e.getValue());
      } else {
        unknownQueries++;
        unknownJudgments += e.getValue().size();
      }
    }
    report.count("qrels.unknownQueries", unknownQueries);
    report.count("qrels.unknownQueryJudgments", unknownJudgments);
    if (unknownQueries > 0) {
      report.warn(
          unknownQueries
              + " judged query id(s) ("
              + unknownJudgments
              + " judgments) are not in the queries file; those judgments were dropped");
    }
    if (keep.isEmpty()) {
      throw new CptbenchException(
          "no judged queries in "
              + folder
              + ": none of the "
              + qrels.numQueries()
              + " query ids in the qrels is in the queries file ("
              + queries.size()
              + " queries)");
    }
    long positive = 0;
    for (var m : keep.values()) {
      if (m.values().stream().anyMatch(g -> g > 0)) {
        positive++;
      }
    }
    if (positive < keep.size()) {
      report.count("qrels.queriesWithoutRelevant", keep.size() - positive);
      report.warn((keep.size() - positive) + " judged query(ies) have no judgment with grade > 0");
    }
    return Qrels.of(keep);
  }

  /**
   * Assembles the task; counts unjudged queries and judgments naming documents absent from the corpus (the warning
   * names the five smallest such ids).
   */
  static RetrievalTask assemble(
      Path folder, String format, Queries all, Qrels judged, RetrievalCorpus corpus, LoadReport.Builder report) {
    if (corpus.size() == 0) {
      throw new CptbenchException("empty corpus in " + folder);
    }
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (judged.contains(all.ids().get(i))) {
        ids.add(all.ids().get(i));
        texts.add(all.texts().get(i));
      }
    }
    long unjudged = all.size() - ids.size();
    report.count("queries.unjudged", unjudged);
    if (unjudged > 0) {
      report.warn(unjudged + " of " + all.size() + " queries have no judgments and are not evaluated");
    }
    long unknownDocs = 0;
    TreeSet<String> missing = new TreeSet<>();
    for (var m : judged.asMap().values()) {
      for (String d : m.keySet()) {
        if (!corpus.contains(d)) {
          unknownDocs++;
          missing.add(d);
          if (missing.size() > 5) {
            missing.pollLast();
          }
        }
      }
    }
    report.count("qrels.unknownDocumentJudgments", unknownDocs);
    if (unknownDocs > 0) {
      report.warn(
          unknownDocs
              + " judgment(s) name documents absent from the corpus (e.g. "
              + missing
              + "); kept: they count as relevant but unretrievable");
    }
    Queries queries = new Queries(ids, texts);
    return new RetrievalTask(
        folder.getFileName().toString(), format, corpus, queries, judged, report.build());
  }
}
