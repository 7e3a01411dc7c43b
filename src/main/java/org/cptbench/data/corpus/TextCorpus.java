package org.cptbench.data.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A named source of training text, opened by {@link Corpora#open}. It has documents (for tokenizer training and
 * neighbour pairs) and positive pairs: either the {@link NeighbourPairs} of its documents, or, for corpora that come
 * as explicit pairs (code, WordNet, pair files), those pairs (then only {@code minChars} of the options applies).
 * Contents are read from disk on each call, in a deterministic order.
 */
public final class TextCorpus {
  private final String name;
  private final Supplier<List<Document>> documents;
  private final Function<NeighbourPairs.Options, List<TextPair>> pairs;
  private final boolean explicitPairs;

  private TextCorpus(
      String name,
      Supplier<List<Document>> documents,
      Function<NeighbourPairs.Options, List<TextPair>> pairs,
      boolean explicitPairs) {
    this.name = name;
    this.documents = documents;
    this.pairs = pairs;
    this.explicitPairs = explicitPairs;
  }

  /** A corpus of running text whose pairs are neighbouring units. */
  public static TextCorpus ofDocuments(String name, Supplier<List<Document>> documents) {
    return new TextCorpus(name, documents, o -> NeighbourPairs.of(documents.get(), o), false);
  }

  /** A corpus of explicit pairs; its documents are {@code [x, y]} per pair (id {@code name#k}, k from 1). */
  public static TextCorpus ofPairs(String name, Supplier<List<TextPair>> pairs) {
    Supplier<List<Document>> docs =
        () -> {
          List<TextPair> ps = pairs.get();
          List<Document> out = new ArrayList<>(ps.size());
          for (int k = 0; k < ps.size(); k++) {
            out.add(new Document(name + "#" + (k + 1), List.of(ps.get(k).x(), ps.get(k).y())));
          }
          return out;
        };
    return of(name, docs, pairs);
  }

  /** A corpus with its own documents and its own explicit pairs (WordNet). */
  public static TextCorpus of(String name, Supplier<List<Document>> documents, Supplier<List<TextPair>> pairs) {
    return new TextCorpus(name, documents, o -> NeighbourPairs.filter(pairs.get(), o.minChars()), true);
  }

  /** Several corpora as one: documents and pairs of the parts concatenated in order. */
  public static TextCorpus concat(String name, List<TextCorpus> parts) {
    List<TextCorpus> copy = List.copyOf(parts);
    return new TextCorpus(
        name,
        () -> copy.stream().flatMap(p -> p.documents().stream()).toList(),
        o -> copy.stream().flatMap(p -> p.pairs(o).stream()).toList(),
        copy.stream().anyMatch(TextCorpus::hasExplicitPairs));
  }

  /** The name it was opened with. */
  public String name() {
    return name;
  }

  /** Whether (some of) its pairs are explicit rather than neighbour pairs of its documents. */
  public boolean hasExplicitPairs() {
    return explicitPairs;
  }

  /** Its documents, in order. */
  public List<Document> documents() {
    return documents.get();
  }

  /** The text of each document ({@link Document#text()}, units joined by newlines), e.g. to train a tokenizer. */
  public Stream<String> texts() {
    return documents().stream().map(Document::text);
  }

  /** Positive pairs: explicit ones filtered by {@code minChars}, or the neighbour pairs of the documents. */
  public List<TextPair> pairs(NeighbourPairs.Options options) {
    return pairs.apply(options);
  }
}
