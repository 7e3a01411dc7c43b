package org.cptbench.data.trec;

import java.util.ArrayList;
import java.util.List;

/** Field splitting as trec_eval's parsers do it: fields are separated by C {@code isspace} characters. */
final class TrecSyntax {
  private TrecSyntax() {}

  /** C isspace in the "C" locale: space, TAB, LF, VT, FF, CR. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!isSpace(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean containsSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isSpace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The whitespace-separated fields of {@code line}, leading and trailing whitespace ignored. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out;
  }

  /** {@code s} as an int, or null when it is not a plain base-10 integer. */
  static Integer parseIntOrNull(String s) {
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
