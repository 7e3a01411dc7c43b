package org.cptbench.data.corpus;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a user text file is cut into documents ({@link TextFileReader}). Units are always the sentences
 * ({@link SentenceSplitter}) of each paragraph.
 */
public enum TextFormat {
  /** One document per non-blank line. */
  LINES,
  /** One document per block of non-blank lines; blocks are separated by blank lines; a block is one paragraph. */
  PARAGRAPHS,
  /**
   * One document per JSON object line with a string field {@code text} (optional string field {@code id});
   * paragraphs inside the text are separated by blank lines.
   */
  JSONL;

  /** {@link #JSONL} for names ending in {@code .jsonl} or {@code .jsonl.gz}, else {@link #LINES}. */
  public static TextFormat detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") ? JSONL : LINES;
  }

  /** The format named by a string, case-insensitive; the error lists the allowed names. */
  public static TextFormat parse(String name) {
    for (TextFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new org.cptbench.CptbenchException(
        "unknown text format '" + name + "': allowed lines, paragraphs, jsonl");
  }
}
