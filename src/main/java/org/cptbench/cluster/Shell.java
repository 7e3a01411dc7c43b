package org.cptbench.cluster;

/** POSIX shell quoting for the generated task scripts. */
final class Shell {
  private Shell() {}

  /** {@code s} as one shell word: bare when it holds only safe characters, else in single quotes. */
  static String quote(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_./=:,+@%^-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
