package org.cptbench.eval.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cptbench.CptbenchException;

/**
 * One metric's value for every evaluated query (in trec_eval query order) and their mean. The mean is the sum of
 * the per-query values, accumulated in that order, divided by the number of queries (trec_eval's averaging).
 */
public record PerQueryScores(String metricId, Map<String, Double> perQuery, double mean) {
  public PerQueryScores {
    Objects.requireNonNull(metricId, "metricId");
    Objects.requireNonNull(perQuery, "perQuery");
    if (perQuery.isEmpty()) {
      throw new CptbenchException("metric " + metricId + ": no queries to average over");
    }
    perQuery = Collections.unmodifiableMap(new LinkedHashMap<>(perQuery));
  }

  /** Builds the record from ordered per-query values, computing the mean as trec_eval does. */
  public static PerQueryScores of(String metricId, LinkedHashMap<String, Double> perQuery) {
    double sum = 0.0;
    for (double v : perQuery.values()) {
      sum += v;
    }
    return new PerQueryScores(metricId, perQuery, perQuery.isEmpty() ? Double.NaN : sum / perQuery.size());
  }

  /** The value for {@code qid}; throws when the query was not evaluated. */
  public double value(String qid) {
    Double v = perQuery.get(qid);
    if (v == null) {
      throw new CptbenchException("metric " + metricId + ": query '" + qid + "' was not evaluated");
    }
    return v;
  }
}
