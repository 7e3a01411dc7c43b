package org.cptbench.eval;

import java.util.Objects;
import org.cptbench.data.TaskMetadata;
import org.cptbench.eval.probe.ProbeOptions;

/**
 * Settings of an evaluation; built with {@link #builder()}. The relevance level and the splits default to the task's
 * own ({@link TaskMetadata}: its folder's {@code task.yaml}, its catalog card, else relevance level 1 and split
 * test).
 *
 * @param stsSplit split of STS-B / SICK to score; null = the task's split
 * @param relevanceLevel grade at which a judged document counts as relevant for MRR, recall and success; null = the
 *     task's level
 * @param retrievalSplit qrels / questions / CodeSearchNet split of retrieval, QA and code-search folders; null = the
 *     task's split
 * @param distractors when >= 0, sub-sample large corpora to every judged document plus this many seeded distractors
 * @param seed seed of the sub-sampling
 * @param probe linear-probe settings (SentEval defaults)
 * @param strict data-integrity findings of the loaders (judged documents missing from the corpus, judged queries
 *     missing from the queries file, ...: {@link DataIntegrity}) are errors instead of warnings
 */
public record EvalOptions(
    String stsSplit,
    Integer relevanceLevel,
    String retrievalSplit,
    int distractors,
    long seed,
    ProbeOptions probe,
    boolean strict) {

  public EvalOptions {
    Objects.requireNonNull(probe, "probe");
    if (distractors < -1) {
      throw new IllegalArgumentException("distractors: " + distractors + ", must be >= 0, or -1 for the whole corpus");
    }
  }

  /** The task's own splits and relevance level, whole corpora, seed 13, SentEval's probe, lenient. */
  public static EvalOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .stsSplit(stsSplit)
        .relevanceLevel(relevanceLevel)
        .retrievalSplit(retrievalSplit)
        .distractors(distractors)
        .seed(seed)
        .probe(probe)
        .strict(strict);
  }

  /** The same options with {@code strict} set. */
  public EvalOptions withStrict(boolean strict) {
    return toBuilder().strict(strict).build();
  }

  /** The relevance level for a task: the explicit option, else the task's own. */
  public int relevanceLevelFor(TaskMetadata task) {
    return relevanceLevel != null ? relevanceLevel : task.relevanceLevel();
  }

  /** The STS split for a task: the explicit option, else the task's own. */
  public String stsSplitFor(TaskMetadata task) {
    return stsSplit != null ? stsSplit : task.split();
  }

  /** The qrels / questions split for a retrieval, QA or code-search task: the explicit option, else the task's own. */
  public String retrievalSplitFor(TaskMetadata task) {
    return retrievalSplit != null ? retrievalSplit : task.split();
  }

  /** Builds {@link EvalOptions}; every setting starts at {@link #defaults()}. */
  public static final class Builder {
    private String stsSplit;
    private Integer relevanceLevel;
    private String retrievalSplit;
    private int distractors = -1;
    private long seed = 13;
    private ProbeOptions probe = ProbeOptions.senteval();
    private boolean strict;

    private Builder() {}

    /** Null: the task's split. */
    public Builder stsSplit(String v) {
      stsSplit = v;
      return this;
    }

    /** Null: the task's relevance level. */
    public Builder relevanceLevel(Integer v) {
      relevanceLevel = v;
      return this;
    }

    /** Null: the task's split. */
    public Builder retrievalSplit(String v) {
      retrievalSplit = v;
      return this;
    }

    public Builder distractors(int v) {
      distractors = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder probe(ProbeOptions v) {
      probe = v;
      return this;
    }

    public Builder strict(boolean v) {
      strict = v;
      return this;
    }

    public EvalOptions build() {
      return new EvalOptions(stsSplit, relevanceLevel, retrievalSplit, distractors, seed, probe, strict);
    }
  }
}
