package org.cptbench.data.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JavaScript / TypeScript tokens (ECMAScript 2023, section 12): names, numbers, string literals, template literals
 * (with nested <code>${...}</code>), regular-expression literals (a {@code /} where an expression may start: after
 * an operator, an opening bracket, a comma, a semicolon, a brace, a keyword such as {@code return}, or at the start),
 * punctuators; {@code /** ... *&#47;} comments are {@link Kind#JSDOC} tokens, other comments are dropped.
 */
final class JsLexer {
  enum Kind {
    NAME,
    NUMBER,
    STRING,
    REGEX,
    PUNCT,
    JSDOC
  }

  record Token(Kind kind, String text, int start, int end) {
    boolean is(String s) {
      return (kind == Kind.NAME || kind == Kind.PUNCT) && text.equals(s);
    }
  }

  private static final Set<String> BEFORE_REGEX_WORDS =
      Set.of("return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await",
          "instanceof");
  private static final String[] PUNCTS = {
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&",
    "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>"
  };

  private JsLexer() {}

  static List<Token> tokens(String src) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (src.startsWith("/*", i)) {
        int close = src.indexOf("*/", i + 2);
        int end = close < 0 ? n : close + 2;
        if (src.startsWith("/**", i) && !src.startsWith("/**/", i)) {
          out.add(new Token(Kind.JSDOC, src.substring(i, end), i, end));
        }
        i = end;
        continue;
      }
      if (src.startsWith("//", i)) {
        while (i < n && src.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(n, j + 1);
        out.add(new Token(Kind.STRING, src.substring(i, j), i, j));
        i = j;
        continue;
      }
      if (c == '`') {
        int j = skipTemplate(src, i);
        out.add(new Token(Kind.STRING, src.substring(i, j), i, j));
        i = j;
        continue;
      }
      if (c == '/' && regexAllowed(out)) {
        int j = i + 1;
        boolean inClass = false;
        while (j < n && src.charAt(j) != '\n') {
          char d = src.charAt(j);
          if (d == '\\') {
            j += 2;
            continue;
          }
          if (d == '[') {
            inClass = true;
          } else if (d == ']') {
            inClass = false;
          } else if (d == '/' && !inClass) {
            break;
          }
          j++;
        }
        j = Math.min(n, j + 1);
        while (j < n && Character.isLetter(src.charAt(j))) {
          j++;
        }
        out.add(new Token(Kind.REGEX, src.substring(i, j), i, j));
        i = j;
        continue;
      }
      if (Character.isJavaIdentifierStart(c) || c == '#') {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(src.charAt(j))) {
          j++;
        }
        out.add(new Token(Kind.NAME, src.substring(i, j), i, j));
        i = j;
        continue;
      }
      if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.' || src.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token(Kind.NUMBER, src.substring(i, j), i, j));
        i = j;
        continue;
      }
      int len = 1;
      for (String p : PUNCTS) {
        if (src.startsWith(p, i)) {
          len = p.length();
          break;
        }
      }
      out.add(new Token(Kind.PUNCT, src.substring(i, i + len), i, i + len));
      i += len;
    }
    return out;
  }

  private static boolean regexAllowed(List<Token> out) {
    for (int k = out.size() - 1; k >= 0; k--) {
      Token t = out.get(k);
      if (t.kind() == Kind.JSDOC) {
        continue;
      }
      return switch (t.kind()) {
        case NAME -> BEFORE_REGEX_WORDS.contains(t.text());
        case NUMBER, STRING, REGEX -> false;
        case PUNCT -> !t.text().equals(")") && !t.text().equals("]") && !t.text().equals("}")
            && !t.text().equals("++") && !t.text().equals("--");
        case JSDOC -> true;
      };
    }
    return true;
  }

  /** The offset after the template literal starting at {@code i} (a backtick). */
  private static int skipTemplate(String src, int i) {
    int j = i + 1;
    int n = src.length();
    while (j < n) {
      char d = src.charAt(j);
      if (d == '\\') {
        j += 2;
      } else if (d == '`') {
        return j + 1;
      } else if (d == '$' && j + 1 < n && src.charAt(j + 1) == '{') {
        j = skipExpression(src, j + 2);
      } else {
        j++;
      }
    }
    return n;
  }

  /** The offset after the <code>}</code> closing a template substitution whose content starts at {@code i}. */
  private static int skipExpression(String src, int i) {
    int depth = 1;
    int j = i;
    int n = src.length();
    while (j < n) {
      char d = src.charAt(j);
      if (d == '`') {
        j = skipTemplate(src, j);
        continue;
      }
      if (d == '"' || d == '\'') {
        int k = j + 1;
        while (k < n && src.charAt(k) != d && src.charAt(k) != '\n') {
          k += src.charAt(k) == '\\' ? 2 : 1;
        }
        j = k + 1;
        continue;
      }
      if (d == '{') {
        depth++;
      } else if (d == '}' && --depth == 0) {
        return j + 1;
      }
      j++;
    }
    return n;
  }
}
