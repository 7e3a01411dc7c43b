package org.cptbench.data.corpus;

import java.util.List;

/**
 * One document of running text: an id that names where it came from (e.g. {@code brown/ca01},
 * {@code abc/rural.txt#12}, {@code europarl.lines.en.txt:7}) and its units in reading order. Units are sentences or
 * paragraphs, stripped and non-empty; neighbouring units are the positive pairs of {@link NeighbourPairs}.
 *
 * @param id where the document came from, not blank
 * @param units its sentences or paragraphs in order, none blank
 */
public record Document(String id, List<String> units) {
  public Document {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id: '" + id + "', must not be blank");
    }
    if (units == null) {
      throw new IllegalArgumentException("units of " + id + ": null, must be a list");
    }
    units = List.copyOf(units);
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).isBlank()) {
        throw new IllegalArgumentException("units[" + i + "] of " + id + " is blank, units must have text");
      }
    }
  }

  /** The document's text: its units joined by a newline. */
  public String text() {
    return String.join("\n", units);
  }
}
