package org.cptbench.eval;

import org.cptbench.eval.probe.ProbeOptions;

/**
 * Settings of an evaluation.
 *
 * @param stsSplit split of STS-B / SICK to score (default test; SemEval years have one)
 * @param relevanceLevel grade at which a judged document counts as relevant for MRR, recall and success; null =
 *     automatic: 2 for TREC Deep Learning tasks (names containing {@code dl19}, {@code dl20} or {@code trec-dl}), else 1
 * @param retrievalSplit qrels split of BEIR folders (default test)
 * @param distractors when >= 0, sub-sample large corpora to every judged document plus this many seeded distractors
 * @param seed seed of the sub-sampling
 * @param probe linear-probe settings (SentEval defaults)
 * @param strict data-integrity findings of the loaders (judged documents missing from the corpus, judged queries
 *     missing from the queries file, ...: {@link DataIntegrity}) are errors instead of warnings
 */
public record EvalOptions(
    String stsSplit,
    Integer relevanceLevel,
    String retrievalSplit,
    int distractors,
    long seed,
    ProbeOptions probe,
    boolean strict) {

  /** Lenient: integrity findings are warnings. */
  public EvalOptions(
      String stsSplit, Integer relevanceLevel, String retrievalSplit, int distractors, long seed, ProbeOptions probe) {
    this(stsSplit, relevanceLevel, retrievalSplit, distractors, seed, probe, false);
  }

  public static EvalOptions defaults() {
    return new EvalOptions("test", null, "test", -1, 13, ProbeOptions.senteval());
  }

  /** The same options with {@code strict} set. */
  public EvalOptions withStrict(boolean strict) {
    return new EvalOptions(stsSplit, relevanceLevel, retrievalSplit, distractors, seed, probe, strict);
  }

  /** The relevance level for a task name. */
  public int relevanceLevelFor(String task) {
    if (relevanceLevel != null) {
      return relevanceLevel;
    }
    String t = task.toLowerCase(java.util.Locale.ROOT);
    return t.contains("dl19") || t.contains("dl20") || t.contains("trec-dl") ? 2 : 1;
  }
}
