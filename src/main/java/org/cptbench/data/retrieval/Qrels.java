package org.cptbench.data.retrieval;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Relevance judgments: query id to document id to integer grade, in file order. As in trec_eval, a document is
 * relevant when its grade is {@code >= minGrade} with {@code minGrade = 1} by default (TREC DL passage conventions use
 * 2 for MRR/recall); grade 0 means judged non-relevant. Immutable.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgments;

  public Qrels(Map<String, Map<String, Integer>> judgments) {
    Objects.requireNonNull(judgments, "judgments");
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    judgments.forEach(
        (q, docs) -> {
          if (docs.isEmpty()) {
            throw new IllegalArgumentException("query '" + q + "' has an empty judgment map");
          }
          copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs)));
        });
    this.judgments = Collections.unmodifiableMap(copy);
  }

  /** All judgments. */
  public Map<String, Map<String, Integer>> asMap() {
    return judgments;
  }

  /** The judged query ids in file order. */
  public Set<String> queryIds() {
    return judgments.keySet();
  }

  public int numQueries() {
    return judgments.size();
  }

  /** The total number of (query, document) judgments. */
  public long size() {
    return judgments.values().stream().mapToLong(Map::size).sum();
  }

  /** Document id to grade for {@code queryId}; empty when the query is not judged. */
  public Map<String, Integer> judgments(String queryId) {
    return judgments.getOrDefault(queryId, Map.of());
  }

  /** The documents with grade {@code >= minGrade} for {@code queryId}, in file order. */
  public Set<String> relevant(String queryId, int minGrade) {
    Set<String> out = new LinkedHashSet<>();
    judgments(queryId).forEach((d, g) -> {
      if (g >= minGrade) {
        out.add(d);
      }
    });
    return out;
  }

  /** The judgments of the given queries only (in this object's order). */
  public Qrels restrictTo(Collection<String> queryIds) {
    Set<String> keep = Set.copyOf(queryIds);
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    judgments.forEach((q, d) -> {
      if (keep.contains(q)) {
        out.put(q, d);
      }
    });
    return new Qrels(out);
  }

  /** Every judged document id, in first-seen order. */
  public Set<String> judgedDocuments() {
    Set<String> out = new LinkedHashSet<>();
    judgments.values().forEach(m -> out.addAll(m.keySet()));
    return out;
  }

  /** The query ids as a list. */
  public List<String> queryIdList() {
    return List.copyOf(judgments.keySet());
  }
}
