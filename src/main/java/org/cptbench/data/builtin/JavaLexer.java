package org.cptbench.data.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java source into the tokens that matter for finding declarations: identifiers and keywords, single
 * punctuation characters, and Javadoc comments. Line and block comments, string literals, text blocks
 * ({@code """..."""}) and char literals are consumed whole (so braces inside them never count) and produce no
 * token, except that a literal yields a {@link Kind#LITERAL} placeholder. Numbers become {@link Kind#WORD}s.
 */
final class JavaLexer {
  /** Token kinds. */
  enum Kind {
    WORD,
    PUNCT,
    LITERAL,
    JAVADOC
  }

  /**
   * A token.
   *
   * @param kind what it is
   * @param text identifier, punctuation char, or the whole Javadoc comment
   * @param start offset of its first char
   * @param end offset after its last char
   */
  record Token(Kind kind, String text, int start, int end) {
    boolean is(String s) {
      return kind != Kind.JAVADOC && kind != Kind.LITERAL && text.equals(s);
    }
  }

  private JavaLexer() {}

  /**
   * The tokens of {@code src}.
   *
   * @throws IllegalArgumentException naming the offset of an unterminated comment or literal
   */
  static List<Token> tokens(String src) {
    List<Token> out = new ArrayList<>();
    int n = src.length();
    int i = 0;
    while (i < n) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        int eol = src.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int close = src.indexOf("*/", i + 2);
        if (close < 0) {
          throw new IllegalArgumentException("unterminated comment at offset " + i);
        }
        boolean javadoc = i + 2 < n && src.charAt(i + 2) == '*' && close != i + 2;
        if (javadoc) {
          out.add(new Token(Kind.JAVADOC, src.substring(i, close + 2), i, close + 2));
        }
        i = close + 2;
      } else if (c == '"' && src.startsWith("\"\"\"", i)) {
        int end = skipTextBlock(src, i);
        out.add(new Token(Kind.LITERAL, "\"\"\"", i, end));
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = skipQuoted(src, i, c);
        out.add(new Token(Kind.LITERAL, String.valueOf(c), i, end));
        i = end;
      } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isJavaIdentifierPart(src.charAt(j)))) {
          j++;
        }
        out.add(new Token(Kind.WORD, src.substring(i, j), i, j));
        i = j;
      } else {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return out;
  }

  /** The offset after a {@code "..."} or {@code '.'} literal starting at {@code i}; backslash escapes one char. */
  private static int skipQuoted(String src, int i, char quote) {
    int j = i + 1;
    while (j < src.length()) {
      char c = src.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == quote) {
        return j + 1;
      } else if (c == '\n') {
        break;
      } else {
        j++;
      }
    }
    throw new IllegalArgumentException("unterminated " + (quote == '"' ? "string" : "char") + " literal at offset " + i);
  }

  /** The offset after a text block starting at {@code i} (three quotes); backslash escapes one char. */
  private static int skipTextBlock(String src, int i) {
    int j = i + 3;
    while (j < src.length()) {
      char c = src.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (src.startsWith("\"\"\"", j)) {
        return j + 3;
      } else {
        j++;
      }
    }
    throw new IllegalArgumentException("unterminated text block at offset " + i);
  }
}
