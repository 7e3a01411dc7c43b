package org.cptbench.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an evaluation task measures, which decides how it is loaded and scored; the {@link #id()} is the {@code kind}
 * of results ({@code results.csv}, eval JSON) and of a folder's {@code task.yaml}. Each kind has a default main
 * metric (the primary metric of the cpt paper's tables), used when neither the task's catalog card nor its folder
 * description declares one ({@link TaskMetadata}):
 *
 * <ul>
 *   <li>{@code probe}: {@code accuracy} of the SentEval linear probe;
 *   <li>{@code sts}: {@code spearman} (SentEval / MTEB report Spearman's rho of cosine similarities);
 *   <li>{@code retrieval}: {@code nDCG@10} (BEIR);
 *   <li>{@code qa}: {@code AnswerAcc@20} (DPR top-20 answer accuracy);
 *   <li>{@code code}: {@code CSN-MRR} where the task has CodeSearchNet's 1,000-candidate protocol, else
 *       {@code MRR@10} over the full pool.
 * </ul>
 */
public enum TaskKind {
  /** Linear-probe classification (SentEval). */
  PROBE("probe"),
  /** Sentence similarity, Spearman correlation with gold scores (STS, SICK-R). */
  STS("sts"),
  /** Ranked retrieval with graded judgments (BEIR, MS MARCO). */
  RETRIEVAL("retrieval"),
  /** Open-domain QA retrieval: top-k accuracy by answer match (NQ, TriviaQA in DPR format). */
  QA("qa"),
  /** Code search: docstring to function, CodeSearchNet's 1,000-candidate MRR and full-pool retrieval. */
  CODE("code");

  /** The CodeSearchNet protocol's metric id (see {@code eval.CodeSearchEvaluation}). */
  public static final String CSN_MRR = "CSN-MRR";

  private final String id;

  TaskKind(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** Whether the task is a search task (retrieval, open-domain QA or code search): part of the search average. */
  public boolean isSearch() {
    return this == RETRIEVAL || this == QA || this == CODE;
  }

  /** The kind with this id, or null when it is not one of {@link #allowed()}. */
  public static TaskKind parse(String id) {
    for (TaskKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }

  /** The kind with this id; the error lists the allowed ids (for YAML binding). */
  @JsonCreator
  public static TaskKind of(String id) {
    TaskKind k = parse(id);
    if (k == null) {
      throw new IllegalArgumentException("kind: '" + id + "' is not a task kind; allowed: " + allowed());
    }
    return k;
  }

  /** The allowed ids, comma separated, for error messages. */
  public static String allowed() {
    return Arrays.stream(values()).map(TaskKind::id).collect(Collectors.joining(", "));
  }

  /**
   * This kind's default main metric for a task that reports {@code available} (see the class comment); with an
   * empty list, the metric it would prefer.
   */
  public String defaultMainMetric(List<String> available) {
    String preferred =
        switch (this) {
          case PROBE -> "accuracy";
          case STS -> "spearman";
          case RETRIEVAL -> "nDCG@10";
          case QA -> "AnswerAcc@20";
          case CODE -> available.contains(CSN_MRR) ? CSN_MRR : "MRR@10";
        };
    return available.contains(preferred) || available.isEmpty() ? preferred : available.getFirst();
  }

  /**
   * The metric a report shows for the named task: the main metric its catalog card declares ({@link
   * TaskMetadata#declaredMainMetric}) if the task reports it, else {@link #defaultMainMetric}.
   */
  public String primaryMetric(String task, List<String> available) {
    String declared = TaskMetadata.declaredMainMetric(task);
    return declared != null && (available.contains(declared) || available.isEmpty())
        ? declared
        : defaultMainMetric(available);
  }

  /** The metric among {@code available} a report shows when the results record their main metric. */
  public String primaryMetric(String task, List<String> available, String recorded) {
    return recorded != null && available.contains(recorded) ? recorded : primaryMetric(task, available);
  }
}
