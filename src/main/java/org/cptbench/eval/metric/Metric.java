package org.cptbench.eval.metric;

/**
 * An evaluation metric with a stable id (as printed in reports, e.g. {@code nDCG@10}) and a one-line definition
 * that names its reference implementation. Parse ids with {@link MetricId}.
 */
public sealed interface Metric permits RankingMetric, AnswerAccuracy, Accuracy, Correlation {
  /** The canonical id, e.g. {@code MRR@10}, {@code R@100}, {@code spearman}. */
  String id();

  /** What exactly is computed, and which reference it matches. */
  String definition();
}
