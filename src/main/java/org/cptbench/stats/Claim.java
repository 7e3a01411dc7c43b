package org.cptbench.stats;

import java.util.Locale;
import java.util.Objects;

/**
 * A finding of the paper stated as a testable hypothesis about two configurations A and B on a task group: the
 * sign the paper expects for the effect A - B.
 *
 * @param id short identifier, e.g. {@code batch-search}
 * @param paper the paper's sentence
 * @param a label of configuration A (e.g. {@code batchSize=2048})
 * @param b label of configuration B
 * @param expected the expected sign of A - B
 */
public record Claim(String id, String paper, String a, String b, Direction expected) {
  public Claim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(expected, "expected");
    if (id.isBlank()) {
      throw new IllegalArgumentException("claim id: empty");
    }
  }

  /** The expected sign of the effect A - B. */
  public enum Direction {
    /** A scores higher than B. */
    HIGHER,
    /** A scores lower than B. */
    LOWER;

    /** Parses {@code higher} / {@code lower} (case-insensitive). */
    public static Direction parse(String s) {
      return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
        case "higher" -> HIGHER;
        case "lower" -> LOWER;
        default -> throw new IllegalArgumentException("expected direction: '" + s + "'; allowed: higher, lower");
      };
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
