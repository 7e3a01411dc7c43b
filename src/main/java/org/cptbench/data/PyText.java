package org.cptbench.data;

/**
 * Python's {@code str.strip()} with no argument, so that text handed to encoders is exactly what the reference
 * Python tools (SentEval, BEIR, DPR) see. Python strips every character for which {@code str.isspace()} is true: TAB,
 * LF, VT, FF, CR, FS, GS, RS, US, SPACE, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and
 * U+3000. Java's {@link String#strip()} differs (it keeps U+0085, U+00A0, U+2007, U+202F).
 */
public final class PyText {
  private PyText() {}

  /** Whether Python's {@code str.isspace()} holds for this single character. */
  public static boolean isSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || (c >= '\u001C' && c <= ' ')
        || c == '\u0085'
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  /** {@code s.strip()} as Python computes it. */
  public static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }
}
