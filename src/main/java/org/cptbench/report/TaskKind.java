package org.cptbench.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kind of an evaluation task in {@code results.csv}, and the metric the comparison table reports for it (the
 * primary metric of the cpt paper's tables):
 *
 * <ul>
 *   <li>{@code probe}: {@code accuracy} of the SentEval linear probe;
 *   <li>{@code sts}: {@code spearman} (SentEval / MTEB report Spearman's rho of cosine similarities);
 *   <li>{@code retrieval}: {@code nDCG@10} (BEIR), except {@code MRR@10} for tasks whose name contains {@code msmarco}
 *       (the official MS MARCO passage metric);
 *   <li>{@code qa}: {@code AnswerAcc@20} (DPR top-20 answer accuracy);
 *   <li>{@code code}: {@code MRR@10} (CodeSearchNet-style code search).
 * </ul>
 *
 * When a task lacks its preferred metric, the first metric it has in file order is used instead.
 */
public enum TaskKind {
  PROBE("probe"),
  STS("sts"),
  RETRIEVAL("retrieval"),
  QA("qa"),
  CODE("code");

  private final String id;

  TaskKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether the task is a search task (retrieval, open-domain QA or code search): part of the search average. */
  public boolean isSearch() {
    return this == RETRIEVAL || this == QA || this == CODE;
  }

  /** The id as written in results.csv, or null when it is not one of {@link #allowed()}. */
  public static TaskKind parse(String id) {
    for (TaskKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }

  /** The allowed ids, comma separated, for error messages. */
  public static String allowed() {
    return Arrays.stream(values()).map(TaskKind::id).collect(Collectors.joining(", "));
  }

  /** The metric this kind prefers for the named task (see the class comment). */
  public String preferredMetric(String task) {
    return switch (this) {
      case PROBE -> "accuracy";
      case STS -> "spearman";
      case RETRIEVAL -> task.toLowerCase(Locale.ROOT).contains("msmarco") ? "MRR@10" : "nDCG@10";
      case QA -> "AnswerAcc@20";
      case CODE -> "MRR@10";
    };
  }

  /** The preferred metric if the task has it, else the first of {@code available} (file order). */
  public String primaryMetric(String task, List<String> available) {
    String preferred = preferredMetric(task);
    return available.contains(preferred) || available.isEmpty() ? preferred : available.getFirst();
  }
}
