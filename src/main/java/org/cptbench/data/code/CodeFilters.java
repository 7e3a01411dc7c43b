package org.cptbench.data.code;

import java.util.Locale;
import java.util.Set;

/**
 * CodeSearchNet's filters for function-level pairs (Husain et al. 2019, section 2.2): a pair is dropped when its
 * query (first docstring paragraph) has fewer than {@value #MIN_QUERY_TOKENS} tokens, its code (docstring removed)
 * fewer than {@value #MIN_CODE_LINES} lines, when it is test code (a {@code test}/{@code tests} folder, a file
 * named as a test, or a function name starting with {@code test}), or a constructor or standard extension method
 * ({@code __init__} and the other dunder methods, Java constructors, {@code toString}, {@code equals},
 * {@code hashCode}, JavaScript's {@code constructor}).
 */
public final class CodeFilters {
  public static final int MIN_QUERY_TOKENS = 3;
  public static final int MIN_CODE_LINES = 3;

  private static final Set<String> STANDARD_METHODS = Set.of("toString", "equals", "hashCode", "constructor");

  private CodeFilters() {}

  /** Why the function is dropped ({@code query}, {@code lines}, {@code test}, {@code constructor}), or null. */
  public static String reject(String language, String path, SourceFunction f, String query) {
    String p = "/" + path.toLowerCase(Locale.ROOT);
    String file = p.substring(p.lastIndexOf('/') + 1);
    String simple = f.simpleName();
    if (p.contains("/test/") || p.contains("/tests/") || p.contains("/testing/") || p.contains("/__tests__/")
        || file.startsWith("test_") || file.endsWith("_test.py") || file.equals("conftest.py")
        || file.endsWith("test.java") || file.endsWith("tests.java") || file.matches(".*\\.(test|spec)\\.[jt]sx?")
        || simple.toLowerCase(Locale.ROOT).startsWith("test")) {
      return "test";
    }
    if ((simple.startsWith("__") && simple.endsWith("__")) || STANDARD_METHODS.contains(simple)
        || (language.equals("java") && isJavaConstructor(f.name()))) {
      return "constructor";
    }
    if (DocstringText.tokens(query).size() < MIN_QUERY_TOKENS) {
      return "query";
    }
    if (f.code().strip().lines().count() < MIN_CODE_LINES) {
      return "lines";
    }
    return null;
  }

  private static boolean isJavaConstructor(String qualified) {
    String[] parts = qualified.split("\\.");
    return parts.length >= 2 && parts[parts.length - 1].equals(parts[parts.length - 2]);
  }
}
