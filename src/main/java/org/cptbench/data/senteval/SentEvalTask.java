package org.cptbench.data.senteval;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Description of a SentEval classification task: its name (MR, CR, SUBJ, MPQA, SST2, SST5, TREC, MRPC or the folder
 * name for an unknown binary set), how it is evaluated, and the class names indexed by label ({@code classNames.get(i)}
 * is the name of label {@code i}).
 */
public record SentEvalTask(String name, SentEvalKind kind, List<String> classNames) {
  public SentEvalTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    classNames = List.copyOf(classNames);
    if (classNames.size() < 2) {
      throw new IllegalArgumentException(
          "classNames must name at least 2 classes, got " + classNames + " for task " + name);
    }
    if (new HashSet<>(classNames).size() != classNames.size()) {
      throw new IllegalArgumentException("classNames must be distinct, got " + classNames);
    }
  }

  /** The number of classes. */
  public int numClasses() {
    return classNames.size();
  }

  /** The split names: {@code [all]}, {@code [train, dev, test]} or {@code [train, test]}. */
  public List<String> splits() {
    return kind.splits();
  }

  /** Whether the samples are sentence pairs ({@link SentEvalKind#PAIRS}). */
  public boolean pairs() {
    return kind == SentEvalKind.PAIRS;
  }
}
