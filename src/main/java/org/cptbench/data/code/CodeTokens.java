package org.cptbench.data.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens of C-family code (Java, JavaScript, TypeScript) for CodeSearchNet's {@code code_tokens}: comments
 * ({@code //...}, {@code /* ... *&#47;}) dropped; string, character and template literals one token each;
 * identifiers, numbers, and each other non-space character on its own.
 */
public final class CodeTokens {
  private static final Pattern TOKEN =
      Pattern.compile(
          "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|`(?:\\\\.|[^`\\\\])*`"
              + "|[\\p{L}_$][\\p{L}\\p{N}_$]*|[0-9][\\p{L}\\p{N}_.]*|\\S",
          Pattern.DOTALL);

  private CodeTokens() {}

  public static List<String> of(String code) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(code);
    while (m.find()) {
      String t = m.group();
      if (!t.startsWith("//") && !t.startsWith("/*")) {
        out.add(t);
      }
    }
    return out;
  }
}
