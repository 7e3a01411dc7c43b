package org.cptbench.eval.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cptbench.CptbenchException;
import org.cptbench.data.trec.TrecOrder;

/**
 * Open-domain QA retrieval accuracy {@code AnswerAcc@k} (DPR, Karpukhin et al. 2020, "top-k retrieval accuracy"):
 * a question scores 1 when at least one of its top-k retrieved passages contains an answer according to DPR's
 * {@code has_answer} ({@link AnswerMatcher}; string mode for NQ/TriviaQA/WebQ/SQuAD, regex mode for CuratedTREC),
 * else 0. The mean runs over all questions; a question without retrieved passages scores 0 (DPR's
 * {@code top_k_hits[k-1] / len(questions)}).
 */
public record AnswerAccuracy(int k, AnswerMatcher.Mode mode) implements Metric {
  public AnswerAccuracy {
    if (k < 1) {
      throw new CptbenchException("AnswerAcc@" + k + ": cutoff k must be a positive integer, got " + k);
    }
    Objects.requireNonNull(mode, "mode");
  }

  /** String (token) matching, as DPR uses for NQ, TriviaQA, WebQuestions and SQuAD. */
  public AnswerAccuracy(int k) {
    this(k, AnswerMatcher.Mode.STRING);
  }

  @Override
  public String id() {
    return "AnswerAcc@" + k;
  }

  @Override
  public String definition() {
    return "DPR top-"
        + k
        + " retrieval accuracy: 1 if any of the top "
        + k
        + " passages contains an answer (DPR has_answer, "
        + (mode == AnswerMatcher.Mode.STRING
            ? "NFD + SimpleTokenizer uncased token-sequence match"
            : "NFD + case-insensitive regex search")
        + "), else 0; mean over all questions";
  }

  /** Whether one of the top k of {@code rankedPassageTexts} contains one of {@code answers}. */
  public boolean hit(List<String> answers, List<String> rankedPassageTexts) {
    return new AnswerMatcher(answers, mode).firstHit(rankedPassageTexts, k) >= 0;
  }

  /**
   * Per-question 0/1 values for every question in {@code answers} (in strcmp order of the ids) and their mean.
   *
   * @param answers question id -> its gold answers (strings, or patterns in regex mode)
   * @param rankedPassageTexts question id -> passage texts in rank order (missing: scores 0)
   */
  public PerQueryScores evaluate(
      Map<String, ? extends List<String>> answers, Map<String, ? extends List<String>> rankedPassageTexts) {
    if (answers.isEmpty()) {
      throw new CptbenchException(id() + ": no questions to evaluate");
    }
    TreeMap<String, List<String>> ordered = new TreeMap<>(TrecOrder.STRCMP);
    ordered.putAll(answers);
    LinkedHashMap<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> q : ordered.entrySet()) {
      List<String> passages = rankedPassageTexts.get(q.getKey());
      boolean h = passages != null && hit(q.getValue(), passages);
      values.put(q.getKey(), h ? 1.0 : 0.0);
    }
    return PerQueryScores.of(id(), values);
  }
}
