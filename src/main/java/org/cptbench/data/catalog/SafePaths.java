package org.cptbench.data.catalog;

import java.nio.file.Path;

/**
 * Relative paths that cannot leave the folder they are resolved against: {@code /}-separated, not absolute (no
 * leading {@code /}, no drive letter), no backslash, no empty, {@code .} or {@code ..} segment. Used for catalogued
 * file paths and for archive entry names (zip-slip).
 */
public final class SafePaths {
  private SafePaths() {}

  /** Why {@code relative} is unsafe, or null when it is a safe relative path. */
  public static String problem(String relative) {
    if (relative == null || relative.isEmpty()) {
      return "empty path";
    }
    if (relative.startsWith("/") || relative.matches("^[A-Za-z]:.*")) {
      return "absolute path";
    }
    if (relative.indexOf('\\') >= 0) {
      return "backslash in path";
    }
    if (relative.indexOf('\0') >= 0) {
      return "NUL in path";
    }
    String trimmed = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
    for (String segment : trimmed.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "'" + segment + "' segment (paths must stay inside their folder)";
      }
    }
    return null;
  }

  /**
   * {@code base.resolve(relative)}, after checking that the name is safe and that the normalized result is inside
   * {@code base}.
   *
   * @throws IllegalArgumentException naming the path and the problem
   */
  public static Path resolve(Path base, String relative) {
    String problem = problem(relative);
    if (problem != null) {
      throw new IllegalArgumentException("'" + relative + "': " + problem);
    }
    Path root = base.toAbsolutePath().normalize();
    Path resolved = root.resolve(relative).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new IllegalArgumentException("'" + relative + "' escapes " + base);
    }
    return resolved;
  }
}
