package org.cptbench.config;

import java.util.Locale;
import org.cptbench.CptbenchException;
import org.cptbench.eval.EvalOptions;

/**
 * A suite's {@code eval:} mapping, bound and validated once.
 *
 * @param distractors when >= 0, sub-sample large retrieval corpora to the judged documents plus this many seeded
 *     distractors (-1 = whole corpus)
 * @param relevanceLevel grade at which a judged document counts as relevant; null = the task's own level
 * @param probeFolds cross-validation folds of the linear probe; null = SentEval's default
 * @param probeAt at which checkpoints linear probes run: every checkpoint or the final one only
 * @param stsSplit split of STS-B / SICK to score; null (not written) = the task's own split (its catalog card or
 *     {@code task.yaml}, else test)
 * @param written the mapping as written in the YAML (compact JSON); it enters the cell ids, kept as written so
 *     that the ids (and the cached results) of existing run folders stay valid
 */
public record EvalSettings(
    int distractors, Integer relevanceLevel, Integer probeFolds, ProbeAt probeAt, String stsSplit, String written) {

  public static final String[] KEYS = {"distractors", "relevanceLevel", "probeFolds", "probeAt", "stsSplit"};

  /** Which checkpoints the linear probes (the slowest tasks) run at. */
  public enum ProbeAt {
    ALL,
    FINAL;

    static ProbeAt parse(String key, String value) {
      try {
        return valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CptbenchException(key + ": unknown value '" + value + "'; allowed: [all, final]");
      }
    }
  }

  public EvalSettings {
    if (distractors < -1) {
      throw new CptbenchException("eval.distractors: " + distractors + " must be >= 0, or -1 for the whole corpus");
    }
    if (probeFolds != null && probeFolds < 2) {
      throw new CptbenchException("eval.probeFolds: " + probeFolds + " must be >= 2");
    }
  }

  /** Binds an {@code eval:} mapping; errors name the file, key, value and what is allowed. */
  public static EvalSettings parse(ConfigNode n) {
    n.allowOnly(KEYS);
    String sts = n.getString("stsSplit", "test");
    if (!sts.equals("test") && !sts.equals("dev") && !sts.equals("train")) {
      throw new CptbenchException(
          n.source() + ": " + n.key("stsSplit") + ": unknown value '" + sts + "'; allowed: [test, dev, train]");
    }
    try {
      return new EvalSettings(
          n.getInt("distractors", -1),
          n.has("relevanceLevel") ? n.getInt("relevanceLevel", 1) : null,
          n.has("probeFolds") ? n.getInt("probeFolds", 10) : null,
          ProbeAt.parse(n.source() + ": " + n.key("probeAt"), n.getString("probeAt", "all")),
          n.has("stsSplit") ? sts : null,
          n.node().toString());
    } catch (CptbenchException e) {
      throw e.getMessage().startsWith(n.source()) ? e : new CptbenchException(n.source() + ": " + e.getMessage(), e);
    }
  }

  /** The evaluation options of every checkpoint of a suite with root seed {@code seed}. */
  public EvalOptions options(long seed) {
    var base = EvalOptions.defaults();
    var probe = probeFolds == null ? base.probe() : base.probe().withFolds(probeFolds);
    return base.toBuilder()
        .stsSplit(stsSplit)
        .relevanceLevel(relevanceLevel)
        .distractors(distractors)
        .seed(seed)
        .probe(probe)
        .build();
  }
}
