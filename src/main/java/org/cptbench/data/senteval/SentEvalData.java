package org.cptbench.data.senteval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cptbench.data.LoadReport;

/**
 * The samples of a SentEval task by split name. Single-sentence tasks fill {@code texts} and leave {@code pairs}
 * empty; pair tasks ({@link SentEvalKind#PAIRS}) do the opposite. The split names are exactly {@code task.splits()}
 * and every label is below {@code task.numClasses()}.
 */
public record SentEvalData(
    SentEvalTask task,
    Map<String, List<LabeledText>> texts,
    Map<String, List<TextPair>> pairs,
    LoadReport report) {
  public SentEvalData {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(report, "report");
    texts = copy(texts);
    pairs = copy(pairs);
    Map<String, ?> filled = task.pairs() ? pairs : texts;
    Map<String, ?> unused = task.pairs() ? texts : pairs;
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          (task.pairs() ? "texts" : "pairs") + " must be empty for " + task.kind() + " task " + task.name());
    }
    if (!List.copyOf(filled.keySet()).equals(task.splits())) {
      throw new IllegalArgumentException(
          "splits of " + task.name() + " must be " + task.splits() + ", got " + filled.keySet());
    }
    int n = task.numClasses();
    texts.forEach((split, list) -> list.forEach(t -> checkLabel(task, split, t.label(), n)));
    pairs.forEach((split, list) -> list.forEach(p -> checkLabel(task, split, p.label(), n)));
  }

  private static void checkLabel(SentEvalTask task, String split, int label, int n) {
    if (label >= n) {
      throw new IllegalArgumentException(
          "label " + label + " in split " + split + " of " + task.name() + " must be < " + n);
    }
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> m) {
    Objects.requireNonNull(m);
    Map<String, List<T>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /** The sentences of {@code split}; an error for pair tasks or unknown splits. */
  public List<LabeledText> texts(String split) {
    if (task.pairs()) {
      throw new IllegalStateException(task.name() + " is a sentence-pair task: use pairs(split)");
    }
    return get(texts, split);
  }

  /** The sentence pairs of {@code split}; an error for single-sentence tasks or unknown splits. */
  public List<TextPair> pairs(String split) {
    if (!task.pairs()) {
      throw new IllegalStateException(task.name() + " is a single-sentence task: use texts(split)");
    }
    return get(pairs, split);
  }

  /** The number of samples in {@code split}. */
  public int size(String split) {
    return task.pairs() ? pairs(split).size() : texts(split).size();
  }

  private <T> List<T> get(Map<String, List<T>> m, String split) {
    List<T> list = m.get(split);
    if (list == null) {
      throw new IllegalArgumentException(
          "unknown split '" + split + "' for " + task.name() + "; allowed: " + task.splits());
    }
    return list;
  }
}
