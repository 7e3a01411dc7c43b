package org.cptbench.data.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Queries in file order: parallel lists of unique ids and texts. Immutable. */
public final class Queries {
  private final List<String> ids;
  private final List<String> texts;
  private final Map<String, Integer> index;

  public Queries(List<String> ids, List<String> texts) {
    this.ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
    this.texts = List.copyOf(Objects.requireNonNull(texts, "texts"));
    if (this.ids.size() != this.texts.size()) {
      throw new IllegalArgumentException(
          "ids and texts must have the same size, got " + this.ids.size() + " and " + this.texts.size());
    }
    this.index = indexOf(this.ids, "query");
  }

  static Map<String, Integer> indexOf(List<String> ids, String what) {
    Map<String, Integer> m = new HashMap<>(Math.max(16, ids.size() * 2));
    for (int i = 0; i < ids.size(); i++) {
      Integer prev = m.putIfAbsent(ids.get(i), i);
      if (prev != null) {
        throw new IllegalArgumentException(
            "duplicate " + what + " id '" + ids.get(i) + "' at positions " + prev + " and " + i);
      }
    }
    return m;
  }

  public List<String> ids() {
    return ids;
  }

  public List<String> texts() {
    return texts;
  }

  public int size() {
    return ids.size();
  }

  /** Whether a query with this id exists. */
  public boolean contains(String id) {
    return index.containsKey(id);
  }

  /** The text of query {@code id}; an error when there is none. */
  public String text(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("unknown query id '" + id + "'");
    }
    return texts.get(i);
  }
}
