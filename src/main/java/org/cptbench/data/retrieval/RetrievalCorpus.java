package org.cptbench.data.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The documents to search, in source-file order: parallel lists of unique ids and texts (for BEIR, title and text
 * joined as BEIR's dense models do: {@code (title + " " + text).strip()}). {@link #subsample()} is null when the whole
 * source corpus was kept. A corpus may also carry each document's body without its title ({@link #bodies()}, DPR's
 * passages): the text that answer matching reads, while the encoder reads {@link #texts()}. Immutable.
 */
public final class RetrievalCorpus {
  private final List<String> ids;
  private final List<String> texts;
  private final Map<String, Integer> index;
  private final Subsample subsample;
  private final List<String> bodies;

  public RetrievalCorpus(List<String> ids, List<String> texts, Subsample subsample) {
    this(ids, texts, null, subsample);
  }

  /**
   * A corpus whose documents also have a title-free body each.
   *
   * @param bodies parallel to {@code ids}, or null when the documents have no separate body
   */
  public RetrievalCorpus(List<String> ids, List<String> texts, List<String> bodies, Subsample subsample) {
    this.ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
    this.texts = List.copyOf(Objects.requireNonNull(texts, "texts"));
    if (this.ids.size() != this.texts.size()) {
      throw new IllegalArgumentException(
          "ids and texts must have the same size, got " + this.ids.size() + " and " + this.texts.size());
    }
    this.bodies = bodies == null ? null : List.copyOf(bodies);
    if (this.bodies != null && this.bodies.size() != this.ids.size()) {
      throw new IllegalArgumentException(
          "ids and bodies must have the same size, got " + this.ids.size() + " and " + this.bodies.size());
    }
    this.index = Queries.indexOf(this.ids, "document");
    if (subsample != null && subsample.judgedKept() + subsample.distractorsKept() != this.ids.size()) {
      throw new IllegalArgumentException(
          "subsample keeps "
              + (subsample.judgedKept() + subsample.distractorsKept())
              + " documents, corpus has "
              + this.ids.size());
    }
    this.subsample = subsample;
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

  /** The sub-sampling record, or null when the corpus is complete. */
  public Subsample subsample() {
    return subsample;
  }

  public boolean contains(String id) {
    return index.containsKey(id);
  }

  /** The position of document {@code id}, or -1. */
  public int indexOf(String id) {
    return index.getOrDefault(id, -1);
  }

  /** The text of document {@code id}; an error when there is none. */
  public String text(String id) {
    return texts.get(position(id));
  }

  /** The title-free bodies parallel to {@link #ids()}, or null when the documents have none. */
  public List<String> bodies() {
    return bodies;
  }

  /** The body of document {@code id} (DPR: the passage text without its title), else its {@link #text}. */
  public String body(String id) {
    int i = position(id);
    return bodies == null ? texts.get(i) : bodies.get(i);
  }

  private int position(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("unknown document id '" + id + "'");
    }
    return i;
  }
}
