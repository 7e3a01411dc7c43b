package org.cptbench.data;

/** What an evaluation task measures, which decides how it is loaded and scored. */
public enum TaskKind {
  /** Linear-probe classification (SentEval). */
  PROBE,
  /** Sentence similarity, Spearman correlation with gold scores (STS, SICK-R). */
  STS,
  /** Ranked retrieval with graded judgments (BEIR, MS MARCO). */
  RETRIEVAL,
  /** Open-domain QA retrieval: top-k accuracy by answer match (NQ, TriviaQA in DPR format). */
  QA,
  /** Code search: docstring to function, CodeSearchNet's 1,000-candidate MRR and full-pool retrieval. */
  CODE
}
