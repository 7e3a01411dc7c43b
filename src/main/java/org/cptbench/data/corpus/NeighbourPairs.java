package org.cptbench.data.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Positive pairs of neighbouring text, the unsupervised positives of cpt-text (Neelakantan et al. 2022, section
 * 2.1: "neighboring pieces of text on the Internet"): within one document only, the units are first grouped into
 * consecutive chunks of {@code chunkUnits} units (joined by a space; the last chunk may be shorter), then every
 * chunk {@code i} is paired with chunk {@code i + d} for {@code 1 <= d <= window}: x = chunk i, y = chunk i + d.
 * Pairs where x or y has fewer than {@code minChars} characters (Unicode code points, after stripping) are dropped. Order: documents
 * in input order, then i ascending, then d ascending; no randomness.
 *
 * <p>Example: units [a, b, c], window 2, chunks of 1: (a, b), (a, c), (b, c).
 */
public final class NeighbourPairs {
  /**
   * Pairing settings.
   *
   * @param window largest distance d between paired chunks, at least 1
   * @param chunkUnits consecutive units per chunk, at least 1
   * @param minChars minimum length of x and of y in code points, at least 1
   */
  public record Options(int window, int chunkUnits, int minChars) {
    public Options {
      if (window < 1) {
        throw new IllegalArgumentException("window: " + window + ", must be at least 1");
      }
      if (chunkUnits < 1) {
        throw new IllegalArgumentException("chunkUnits: " + chunkUnits + ", must be at least 1");
      }
      if (minChars < 1) {
        throw new IllegalArgumentException("minChars: " + minChars + ", must be at least 1");
      }
    }

    /** Window 1, one unit a chunk, no length filter beyond non-empty. */
    public static Options defaults() {
      return new Options(1, 1, 1);
    }
  }

  private NeighbourPairs() {}

  /** The pairs of all documents, in order. */
  public static List<TextPair> of(Iterable<Document> documents, Options options) {
    List<TextPair> out = new ArrayList<>();
    for (Document doc : documents) {
      addPairs(doc, options, out);
    }
    return out;
  }

  /** The pairs of one document, appended to {@code out}. */
  public static void addPairs(Document doc, Options options, List<TextPair> out) {
    List<String> chunks = chunks(doc.units(), options.chunkUnits());
    for (int i = 0; i < chunks.size(); i++) {
      String x = chunks.get(i);
      if (!longEnough(x, options.minChars())) {
        continue;
      }
      for (int d = 1; d <= options.window() && i + d < chunks.size(); d++) {
        String y = chunks.get(i + d);
        if (longEnough(y, options.minChars())) {
          out.add(new TextPair(x, y));
        }
      }
    }
  }

  /** Consecutive units joined by a space, {@code size} at a time. */
  static List<String> chunks(List<String> units, int size) {
    if (size == 1) {
      return units;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i += size) {
      out.add(String.join(" ", units.subList(i, Math.min(units.size(), i + size))));
    }
    return out;
  }

  /** Keeps the pairs whose x and y both have at least {@code minChars} code points. */
  public static List<TextPair> filter(List<TextPair> pairs, int minChars) {
    return pairs.stream()
        .filter(p -> longEnough(p.x(), minChars) && longEnough(p.y(), minChars))
        .toList();
  }

  /** Whether {@code s}, stripped, has at least {@code minChars} code points. */
  static boolean longEnough(String s, int minChars) {
    String t = s.strip();
    return t.length() >= minChars && t.codePointCount(0, t.length()) >= minChars;
  }
}
