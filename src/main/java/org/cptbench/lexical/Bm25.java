package org.cptbench.lexical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.Version;
import org.cptbench.CptbenchException;
import org.cptbench.eval.Embedder;
import org.cptbench.eval.Retriever;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.text.Side;

/**
 * The BM25 reference row (Robertson et al., Okapi at TREC-3) with Anserini's defaults for BEIR "flat" indexes
 * (Lin et al. 2021, Pyserini; Kamphuis et al. 2020 for Lucene's variant): Lucene's {@link EnglishAnalyzer}
 * (standard tokenizer, English possessive filter, lower case, Lucene's 33 English stop words, Porter stemmer: the
 * same chain as Anserini's {@code DefaultEnglishAnalyzer.newDefaultInstance()}), one field holding the document's
 * text (for BEIR the title and the text joined by a space), {@code BM25Similarity(k1 = 0.9, b = 0.4)}, bag-of-words
 * queries, and the document whose id equals the query id left out (Anserini's {@code -removeQuery}, BEIR's
 * {@code ignore_identical_ids}). Lucene's BM25 (since 8.0) scores {@code idf * tf / (tf + k1 (1 - b + b dl / avgdl))}
 * with {@code idf = log(1 + (N - n + 0.5) / (n + 0.5))}: without the constant {@code (k1 + 1)} factor, and with the
 * document length {@code dl} stored lossily in one byte (exact below about 40 tokens). The index lives in memory,
 * built once per retrieval call.
 *
 * <p>It is an {@link Embedder} only so that evaluations can take it where they take an encoder: it has no
 * embeddings, and similarity or probe tasks fail with a clear error.
 */
public final class Bm25 implements Embedder {
  public static final String NAME = "bm25";
  public static final float ANSERINI_K1 = 0.9f;
  public static final float ANSERINI_B = 0.4f;

  private final float k1;
  private final float b;

  public Bm25(float k1, float b) {
    if (!(k1 >= 0) || !Float.isFinite(k1)) {
      throw new CptbenchException("bm25 k1: " + k1 + "; allowed: a finite number >= 0");
    }
    if (!(b >= 0 && b <= 1)) {
      throw new CptbenchException("bm25 b: " + b + "; allowed: a number in [0, 1]");
    }
    this.k1 = k1;
    this.b = b;
  }

  /** k1 = 0.9, b = 0.4 (Anserini's BEIR regressions). */
  public static Bm25 anserini() {
    return new Bm25(ANSERINI_K1, ANSERINI_B);
  }

  public String name() {
    return NAME;
  }

  /** What identifies this ranking function: parameters, analyzer and Lucene version. */
  public String fingerprint() {
    return "bm25(k1=" + k1 + ",b=" + b + ",analyzer=lucene-EnglishAnalyzer(porter,default-stopwords),flat,lucene="
        + Version.LATEST + ")";
  }

  @Override
  public boolean hasEmbeddings() {
    return false;
  }

  @Override
  public float[][] embed(List<String> texts, Side side) {
    throw new CptbenchException("bm25 is a lexical ranking function without embeddings: it evaluates retrieval, "
        + "QA and code-search tasks only");
  }

  @Override
  public Retriever retriever() {
    return (docIds, docTexts, queryIds, queryTexts, depth) -> {
      long t0 = System.nanoTime();
      try (Bm25Index index = open(docIds, docTexts)) {
        long t1 = System.nanoTime();
        Map<String, List<TrecRun.Entry>> run = new LinkedHashMap<>();
        for (int q = 0; q < queryIds.size(); q++) {
          run.put(queryIds.get(q), index.search(queryTexts.get(q), depth, queryIds.get(q)));
        }
        long t2 = System.nanoTime();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ranking", fingerprint());
        details.put("indexSeconds", (t1 - t0) / 1e9);
        details.put("searchSeconds", (t2 - t1) / 1e9);
        return new Retriever.Ranking(run, details);
      }
    };
  }

  Bm25Index open(List<String> docIds, List<String> docTexts) {
    return new Bm25Index(new EnglishAnalyzer(), new BM25Similarity(k1, b), docIds, docTexts);
  }
}
