package org.cptbench.data.trec;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;

/**
 * Writes ranked lists as a TREC run file ({@code qid Q0 docid rank score tag}, single spaces, UTF-8) such that
 * trec_eval's re-sorting (score descending, ties by doc id <em>descending</em>) reproduces exactly the order we
 * give, whatever the caller's tie-breaking was (the harness's own retrieval already ranks in trec_eval's order, see
 * {@code RetrievalEvaluation}; other callers need not).
 *
 * <p><b>Score column:</b> the written score of the doc at rank i is {@code w_i = min(s_i, nextDown(w_{i-1}))} with
 * {@code w_1 = s_1}: the real score whenever the list is strictly decreasing, otherwise nudged down by the fewest
 * ulps that keep it strictly below the previous one (ties in a run of n equal scores move by at most n-1 ulps).
 * Values are written with {@link Double#toString} (shortest text that parses back to the same double), so C's
 * {@code atof} recovers exactly {@code w_i} and no two written scores tie. The rank column is 1..n. The real,
 * unnudged scores stay in the caller's data; this file is for trec_eval / external tools. Queries are written in
 * strcmp order of their ids.
 *
 * <p>Ids and the tag must be non-empty and contain no whitespace (TREC run fields are whitespace-separated; e.g.
 * BEIR Climate-FEVER doc ids like {@code Global warming:14} cannot be written), and a query id must not start with
 * {@code #} (trec_eval would read the line as a comment). Scores must be finite.
 */
public final class TrecRunWriter {
  private TrecRunWriter() {}

  /**
   * Writes {@code ranked} (per query, entries in our final rank order) to {@code file} atomically.
   *
   * @param tag the run name for the last column
   */
  public static void write(Path file, Map<String, ? extends List<TrecRun.Entry>> ranked, String tag) {
    checkToken("run tag", tag);
    TrecRun run = TrecRun.of(ranked, tag); // validates ids, duplicate docs; keeps our order per query
    List<String> lines = new ArrayList<>();
    for (String qid : run.queryIds()) {
      checkToken("query id", qid);
      if (qid.startsWith("#")) {
        throw new CptbenchException("query id '" + qid + "' starts with '#': trec_eval would read it as a comment");
      }
      List<TrecRun.Entry> entries = run.entries(qid);
      double[] scores = new double[entries.size()];
      for (int i = 0; i < scores.length; i++) {
        checkToken("doc id", entries.get(i).docId());
        scores[i] = entries.get(i).score();
      }
      double[] written = strictlyDecreasing(scores, qid);
      for (int i = 0; i < scores.length; i++) {
        lines.add(
            qid + " Q0 " + entries.get(i).docId() + " " + (i + 1) + " " + Double.toString(written[i]) + " " + tag);
      }
    }
    AtomicFiles.write(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (String l : lines) {
              w.write(l);
              w.write('\n');
            }
          }
        });
  }

  /**
   * The scores to write for a ranked list: {@code w_1 = s_1}, {@code w_i = min(s_i, nextDown(w_{i-1}))}. Equal to
   * {@code scores} when they already strictly decrease.
   *
   * @param qid used in the error message only
   */
  public static double[] strictlyDecreasing(double[] scores, String qid) {
    double[] w = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      if (!Double.isFinite(s)) {
        throw new CptbenchException(
            "query '" + qid + "' rank " + (i + 1) + ": score " + s + " is not finite; a run file needs finite scores");
      }
      w[i] = i == 0 ? s : Math.min(s, Math.nextDown(w[i - 1]));
      if (w[i] == Double.NEGATIVE_INFINITY) {
        throw new CptbenchException(
            "query '" + qid + "': scores cannot be made strictly decreasing without reaching -Infinity");
      }
    }
    return w;
  }

  private static void checkToken(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new CptbenchException(what + " must be non-empty in a TREC run file");
    }
    if (TrecSyntax.containsSpace(value)) {
      throw new CptbenchException(
          what + " '" + value + "' contains whitespace, which a TREC run file (whitespace-separated) cannot hold");
    }
  }
}
