package org.cptbench.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.eval.metric.PerQueryScores;

/**
 * What one evaluation task produced.
 *
 * @param task the task name (a path under the data dir)
 * @param kind probe, sts, retrieval, qa or code
 * @param metrics metric id -> value (a fraction in [0, 1] or a correlation in [-1, 1])
 * @param definitions metric id -> its definition (reference implementation, cut-off, relevance level)
 * @param details extra facts: folds, chosen penalties, counts, load warnings, timings
 * @param perQuery per-query values of each ranking metric (retrieval and QA; empty otherwise)
 * @param run ranked documents per query with scores (retrieval; empty otherwise) for a TREC run file
 * @param pairs per-pair gold and predicted similarity (STS; null otherwise)
 * @param perItem the prediction for every test item of a probe, fold by fold (probes; empty otherwise)
 */
public record TaskResult(
    String task,
    String kind,
    Map<String, Double> metrics,
    Map<String, String> definitions,
    Map<String, Object> details,
    List<PerQueryScores> perQuery,
    Map<String, List<org.cptbench.data.trec.TrecRun.Entry>> run,
    PairScores pairs,
    List<org.cptbench.eval.probe.ProbeItem> perItem) {

  /** Starts a result with ordered maps. */
  public static Builder builder(String task, String kind) {
    return new Builder(task, kind);
  }

  /** Accumulates metrics in insertion order. */
  public static final class Builder {
    private final String task;
    private final String kind;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<PerQueryScores> perQuery = new java.util.ArrayList<>();
    private Map<String, List<org.cptbench.data.trec.TrecRun.Entry>> run = Map.of();
    private PairScores pairs;
    private List<org.cptbench.eval.probe.ProbeItem> perItem = List.of();

    private Builder(String task, String kind) {
      this.task = task;
      this.kind = kind;
    }

    public Builder metric(String id, double value, String definition) {
      metrics.put(id, value);
      definitions.put(id, definition);
      return this;
    }

    public Builder detail(String key, Object value) {
      details.put(key, value);
      return this;
    }

    public Builder perQuery(PerQueryScores s) {
      perQuery.add(s);
      return this;
    }

    public Builder run(Map<String, List<org.cptbench.data.trec.TrecRun.Entry>> r) {
      run = r;
      return this;
    }

    public Builder pairs(PairScores p) {
      pairs = p;
      return this;
    }

    public Builder perItem(List<org.cptbench.eval.probe.ProbeItem> items) {
      perItem = List.copyOf(items);
      return this;
    }

    public TaskResult build() {
      return new TaskResult(task, kind, metrics, definitions, details, perQuery, run, pairs, perItem);
    }
  }
}
