package org.cptbench.data.retrieval;

import java.util.List;
import java.util.Objects;
import org.cptbench.data.LoadReport;

/**
 * Open-domain QA retrieval data: questions with answers (no qrels), and the passage collection when the folder has
 * one ({@code psgs_w100.tsv}); {@code corpus} is null for a questions-only folder or file.
 */
public record QaTask(
    String name, String questionsFile, RetrievalCorpus corpus, List<QaQuestion> questions, LoadReport report) {
  public QaTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(questionsFile, "questionsFile");
    Objects.requireNonNull(report, "report");
    questions = List.copyOf(questions);
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("questions must not be empty for " + name);
    }
    if (corpus != null && corpus.size() == 0) {
      throw new IllegalArgumentException("corpus must not be empty for " + name);
    }
  }

  /** Whether a passage collection was loaded. */
  public boolean hasCorpus() {
    return corpus != null;
  }
}
