package org.cptbench.data.trec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.cptbench.CptbenchException;

/**
 * A TREC run: per query, the retrieved docs with their scores ({@code qid Q0 docid rank score tag} lines). Read
 * with {@link TrecRunReader}, write with {@link TrecRunWriter}.
 *
 * <p>Entries keep the order they were given in; {@link #rankings()} gives the order trec_eval 10.0 evaluates
 * (score descending, ties by doc id descending; the rank column is ignored), see {@link TrecOrder}. Queries
 * iterate in strcmp order of their ids. A doc may appear at most once per query (trec_eval aborts on duplicates).
 */
public final class TrecRun {

  /** One retrieved doc: a non-empty id and a score that is not NaN. */
  public record Entry(String docId, double score) {
    public Entry {
      Objects.requireNonNull(docId, "docId");
      if (docId.isEmpty()) {
        throw new CptbenchException("run entry: docId must be non-empty");
      }
      if (Double.isNaN(score)) {
        throw new CptbenchException("run entry for doc '" + docId + "': score is NaN (a number is required)");
      }
    }
  }

  private final Map<String, List<Entry>> byQuery;
  private final String tag;

  private TrecRun(TreeMap<String, List<Entry>> byQuery, String tag) {
    this.byQuery = Collections.unmodifiableMap(byQuery);
    this.tag = tag;
  }

  /**
   * A run from per-query entry lists (in any order). {@code tag} is the run name written in the last column.
   * Rejects empty ids and a doc listed twice for one query.
   */
  public static TrecRun of(Map<String, ? extends List<Entry>> entries, String tag) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(tag, "tag");
    TreeMap<String, List<Entry>> copy = new TreeMap<>(TrecOrder.STRCMP);
    for (Map.Entry<String, ? extends List<Entry>> q : entries.entrySet()) {
      String qid = q.getKey();
      if (qid == null || qid.isEmpty()) {
        throw new CptbenchException("run: query id must be non-empty");
      }
      List<Entry> list = List.copyOf(q.getValue());
      Set<String> seen = new HashSet<>();
      for (Entry e : list) {
        if (!seen.add(e.docId())) {
          throw new CptbenchException(
              "run: query '" + qid + "' lists doc '" + e.docId() + "' twice (trec_eval rejects duplicate docs)");
        }
      }
      copy.put(qid, list);
    }
    return new TrecRun(copy, tag);
  }

  /** Query ids in strcmp order. */
  public List<String> queryIds() {
    return List.copyOf(byQuery.keySet());
  }

  public int numQueries() {
    return byQuery.size();
  }

  public boolean contains(String qid) {
    return byQuery.containsKey(qid);
  }

  /** The entries of {@code qid} in the order given (file order); empty when absent. */
  public List<Entry> entries(String qid) {
    List<Entry> l = byQuery.get(qid);
    return l == null ? List.of() : l;
  }

  /** The run name (last column of the first line read, or the tag given). */
  public String tag() {
    return tag;
  }

  /** Per query, doc ids in trec_eval's evaluation order (score desc, doc id desc on ties). */
  public Map<String, List<String>> rankings() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Entry>> q : byQuery.entrySet()) {
      List<String> ids = new ArrayList<>(q.getValue().size());
      for (Entry e : TrecOrder.trecEvalRanking(q.getValue())) {
        ids.add(e.docId());
      }
      out.put(q.getKey(), Collections.unmodifiableList(ids));
    }
    return Collections.unmodifiableMap(out);
  }
}
