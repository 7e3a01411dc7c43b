package org.cptbench.data.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.cptbench.data.TaskKind;

/**
 * What a catalogued dataset is; the card's {@code kind} key holds the {@link #id()}. Finer than the evaluation's
 * {@link TaskKind} (it tells single-sentence from pair classification, and names training corpora, which are not
 * evaluated): {@link #taskKind()} maps one to the other.
 */
public enum DatasetKind {
  /** Linear-probe sentence classification (SentEval MR, CR, SUBJ, MPQA, SST-2, TREC). */
  CLASSIFICATION("classification"),
  /** Linear-probe sentence-pair classification (SentEval MRPC). */
  PAIR_CLASSIFICATION("pair-classification"),
  /** Sentence similarity scored by Spearman correlation (STS12-16, STS-B, SICK-R). */
  SIMILARITY("similarity"),
  /** Query-to-document retrieval with a corpus, queries and qrels (BEIR format). */
  RETRIEVAL("retrieval"),
  /** Queries and judgments without passage text (MS MARCO dev small). */
  RETRIEVAL_JUDGMENTS("retrieval-judgments"),
  /** Open-domain QA questions with answer strings (NQ, TriviaQA, ...), scored by answer matching. */
  QA_QUESTIONS("qa-questions"),
  /** Unlabeled running text for unsupervised contrastive pairs. */
  CORPUS("corpus"),
  /** Docstring-to-code pairs for code search. */
  CODE_SEARCH("code-search");

  private final String id;

  DatasetKind(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** The kind for a card value; the error lists the allowed values. */
  @JsonCreator
  public static DatasetKind of(String id) {
    for (DatasetKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("kind: '" + id + "' is not a dataset kind; allowed: " + ids());
  }

  /** How a dataset of this kind is evaluated; null for a training corpus. */
  public TaskKind taskKind() {
    return switch (this) {
      case CLASSIFICATION, PAIR_CLASSIFICATION -> TaskKind.PROBE;
      case SIMILARITY -> TaskKind.STS;
      case RETRIEVAL, RETRIEVAL_JUDGMENTS -> TaskKind.RETRIEVAL;
      case QA_QUESTIONS -> TaskKind.QA;
      case CODE_SEARCH -> TaskKind.CODE;
      case CORPUS -> null;
    };
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(DatasetKind::id).toList();
  }
}
