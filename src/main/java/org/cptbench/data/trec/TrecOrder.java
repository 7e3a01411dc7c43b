package org.cptbench.data.trec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The orderings trec_eval 10.0 uses, so that our scores reproduce its numbers exactly.
 *
 * <ul>
 *   <li>{@link #STRCMP}: C {@code strcmp} on the UTF-8 bytes of two ids. Unsigned byte order of UTF-8 equals
 *       Unicode code point order, which is what this comparator uses (Java's {@link String#compareTo} compares
 *       UTF-16 units and differs for supplementary characters). trec_eval sorts query ids and doc ids this way,
 *       and accumulates per-query values in this query order.
 *   <li>{@link #trecEvalRanking}: the order trec_eval evaluates a run in ({@code form_res_rels.c},
 *       {@code comp_sim_docno}): score descending, ties broken by doc id <em>descending</em> in strcmp order. The
 *       rank column of the run file is ignored. Scores are compared with {@code >}/{@code <}, so {@code -0.0} and
 *       {@code 0.0} tie.
 * </ul>
 */
public final class TrecOrder {
  private TrecOrder() {}

  /** C strcmp over UTF-8 bytes, i.e. code point order. */
  public static final Comparator<String> STRCMP = TrecOrder::compare;

  /** trec_eval's run order: score descending, then doc id descending (strcmp). */
  public static final Comparator<TrecRun.Entry> RUN_ORDER =
      (a, b) -> {
        if (a.score() > b.score()) {
          return -1;
        }
        if (a.score() < b.score()) {
          return 1;
        }
        return compare(b.docId(), a.docId());
      };

  /** strcmp on the UTF-8 encodings of {@code a} and {@code b} (negative, zero or positive). */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** A copy of {@code entries} in the order trec_eval evaluates them (see {@link #RUN_ORDER}). */
  public static List<TrecRun.Entry> trecEvalRanking(List<TrecRun.Entry> entries) {
    List<TrecRun.Entry> sorted = new ArrayList<>(entries);
    sorted.sort(RUN_ORDER);
    return sorted;
  }
}
