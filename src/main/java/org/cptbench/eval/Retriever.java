package org.cptbench.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.text.Side;

/**
 * Ranks a corpus for each query: dense exact search over embeddings ({@link #dense}) or a lexical model such as
 * BM25 ({@link org.cptbench.lexical.Bm25}). Retrieval, QA and code-search evaluations go through this interface.
 */
@FunctionalInterface
public interface Retriever {
  /** Ranked documents per query (query order kept) and facts about how they were ranked (timings, parameters). */
  record Ranking(Map<String, List<TrecRun.Entry>> run, Map<String, Object> details) {}

  /** The top {@code depth} documents for every query. */
  Ranking search(List<String> docIds, List<String> docTexts, List<String> queryIds, List<String> queryTexts,
      int depth);

  /** Exact cosine search: documents embedded on the y side, queries on the x side (see {@link RetrievalEvaluation}). */
  static Retriever dense(Embedder embedder) {
    return (docIds, docTexts, queryIds, queryTexts, depth) -> {
      long t0 = System.nanoTime();
      float[][] docs = embedder.embed(docTexts, Side.Y);
      float[][] queries = embedder.embed(queryTexts, Side.X);
      long t1 = System.nanoTime();
      Map<String, List<TrecRun.Entry>> run = RetrievalEvaluation.search(docIds, docs, queryIds, queries, depth);
      long t2 = System.nanoTime();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("encodeSeconds", (t1 - t0) / 1e9);
      details.put("searchSeconds", (t2 - t1) / 1e9);
      return new Ranking(run, details);
    };
  }
}
