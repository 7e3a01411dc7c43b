package org.cptbench.data.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * An open-domain QA question and its gold answer strings (DPR / NQ-open). Retrieval accuracy (top-k) counts a
 * question as answered when a retrieved passage contains one of the answers (DPR {@code has_answer}; for CuratedTREC
 * the answers are regular expressions).
 */
public record QaQuestion(String question, List<String> answers) {
  public QaQuestion {
    Objects.requireNonNull(question, "question");
    answers = List.copyOf(answers);
    if (question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
  }
}
