package org.cptbench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.data.sts.ScoredPair;
import org.cptbench.data.sts.StsData;
import org.cptbench.data.sts.StsLoader;
import org.cptbench.eval.metric.Pearson;
import org.cptbench.eval.metric.Spearman;
import org.cptbench.text.Side;

/**
 * Sentence similarity: cosine of the two sentences' embeddings (both on the x side) against the gold scores.
 * {@code spearman} / {@code pearson} are over all scored pairs of the task together (MTEB and SBERT's convention for
 * STS12-16; for STS-B and SICK-R the single test set). For multi-subset SemEval years, SentEval's per-subset mean and
 * size-weighted mean are {@code spearman_mean} and {@code spearman_wmean}.
 */
public final class StsEvaluation {
  private StsEvaluation() {}

  public static TaskResult run(String name, Path folder, String split, Embedder embedder) {
    return run(name, StsLoader.load(folder, split), embedder);
  }

  /** Scores loaded data (the caller has reviewed its integrity report, see {@link DataIntegrity}). */
  public static TaskResult run(String name, StsData data, Embedder embedder) {
    List<ScoredPair> all = data.allPairs();
    List<String> texts = new ArrayList<>(2 * all.size());
    for (ScoredPair p : all) {
      texts.add(p.s1());
      texts.add(p.s2());
    }
    float[][] e = embedder.embed(texts, Side.X);
    double[] cos = new double[all.size()];
    double[] gold = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      cos[i] = dot(e[2 * i], e[2 * i + 1]);
      gold[i] = all.get(i).score();
    }
    List<String> subsetOfPair = new ArrayList<>(all.size());
    data.subsets().forEach((subset, pairs) -> pairs.forEach(p -> subsetOfPair.add(subset)));
    Spearman spearman = new Spearman();
    Pearson pearson = new Pearson();
    String scope = scope(data, all.size());
    TaskResult.Builder b =
        TaskResult.builder(name, "sts")
            .metric("spearman", spearman.compute(cos, gold),
                "Spearman rank correlation (average ranks for ties) of cosine similarity vs gold, " + scope)
            .metric("pearson", pearson.compute(cos, gold), "Pearson correlation of cosine vs gold, " + scope);
    if (data.subsets().size() > 1) {
      Map<String, Double> per = new LinkedHashMap<>();
      double sum = 0;
      double wsum = 0;
      int offset = 0;
      for (Map.Entry<String, List<ScoredPair>> s : data.subsets().entrySet()) {
        int n = s.getValue().size();
        double[] c = java.util.Arrays.copyOfRange(cos, offset, offset + n);
        double[] g = java.util.Arrays.copyOfRange(gold, offset, offset + n);
        double rho = spearman.compute(c, g);
        per.put(s.getKey(), rho);
        sum += rho;
        wsum += rho * n;
        offset += n;
      }
      b.metric("spearman_mean", sum / per.size(), "SentEval: mean of per-subset Spearman over " + per.size()
              + " subsets")
          .metric("spearman_wmean", wsum / all.size(), "SentEval: per-subset Spearman weighted by subset size")
          .detail("spearmanPerSubset", per);
    }
    return b.pairs(new PairScores(subsetOfPair, gold, cos)).detail("pairs", all.size()).detail("split", data.split()).detail("warnings", data.report().warnings())
        .detail("counts", data.report().counts())
        .build();
  }

  /**
   * Which pairs were scored, in words, naming the protocol the number is comparable with (for SICK-R three protocols
   * circulate: cosine on the 4,927-pair test file; MTEB's cosine on all 9,927 pairs; SentEval's regressor trained on
   * train/dev, which cptbench does not offer).
   */
  static String scope(StsData data, int pairs) {
    boolean mteb = data.split().equals(StsLoader.MTEB);
    if (data.layout().equals("sick")) {
      if (mteb) {
        return "SICK-R as MTEB scores it: all " + pairs + " pairs of the SemEval-2014 train + trial + test files "
            + "(mteb/sickr-sts split 'test'), no training; comparable with MTEB's SICK-R";
      }
      if (data.split().equals("test")) {
        return "SICK-R test split (" + pairs + " pairs, SemEval-2014 SICK_test_annotated.txt), no training; "
            + "comparable with unsupervised SICK-R tables that score the test file by cosine (SimCSE's SentEval "
            + "fork), not with MTEB's SICK-R (all 9,927 pairs: split mteb) nor SentEval's (a regressor trained on "
            + "train/dev)";
      }
      return "SICK-R split " + data.split() + " (" + pairs + " pairs), no training";
    }
    String which = data.subsets().size() > 1
        ? "all " + pairs + " scored pairs of the year pooled"
        : pairs + " scored pairs of split " + (mteb ? "test" : data.split());
    return mteb ? which + " (the pairs MTEB scores)" : which;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
