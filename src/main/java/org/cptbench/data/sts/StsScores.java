package org.cptbench.data.sts;

import org.cptbench.data.LineReader;

/** Parsing of gold scores shared by the STS formats. */
final class StsScores {
  static final double MIN = 0.0;
  static final double MAX = 5.0;

  private StsScores() {}

  /** The score in {@code field}, which must be a number in [0, 5]; an error names the file and line. */
  static double parse(LineReader r, String field, String what) {
    String s = field.strip();
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw r.error(what + " '" + s + "' is not a number");
    }
    if (!(v >= MIN && v <= MAX)) {
      throw r.error(what + " " + s + " is outside the allowed range [0, 5]");
    }
    return v;
  }
}
