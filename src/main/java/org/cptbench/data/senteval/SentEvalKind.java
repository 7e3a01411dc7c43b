package org.cptbench.data.senteval;

import java.util.List;

/**
 * How a SentEval classification task is split and evaluated (Conneau &amp; Kiela 2018, SentEval {@code binary.py},
 * {@code sst.py}, {@code trec.py}, {@code mrpc.py}).
 */
public enum SentEvalKind {
  /** One pool of samples, evaluated by 10-fold cross-validation (MR, CR, SUBJ, MPQA). Split {@code all}. */
  CV10(List.of("all")),
  /** Fixed train / dev / test sentences (SST-2, SST-5). */
  TRAIN_DEV_TEST(List.of("train", "dev", "test")),
  /** Fixed train / test sentences; model selection by cross-validation on train (TREC). */
  TRAIN_TEST(List.of("train", "test")),
  /** Fixed train / test sentence pairs; model selection by cross-validation on train (MRPC). */
  PAIRS(List.of("train", "test"));

  private final List<String> splits;

  SentEvalKind(List<String> splits) {
    this.splits = splits;
  }

  /** The split names, in order. */
  public List<String> splits() {
    return splits;
  }
}
