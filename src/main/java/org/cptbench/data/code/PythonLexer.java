package org.cptbench.data.code;

import java.util.ArrayList;
import java.util.List;

/**
 * Python tokens as the language reference defines them (section 2.1, "Line structure"), enough to find functions and
 * docstrings: names, numbers, string literals (any prefix of {@code rbuf}, single or triple quotes, backslash
 * escapes, raw strings whose backslash still protects the quote), operators, and logical lines: a logical line ends
 * at a newline outside brackets and not after a backslash; comments and blank lines never form one. Each logical
 * line records the indentation of its first token (tabs to the next multiple of 8, as the tokenizer does).
 */
final class PythonLexer {
  enum Kind {
    NAME,
    NUMBER,
    STRING,
    OP
  }

  /** A token: kind, text, offsets in the source, 1-based line. */
  record Token(Kind kind, String text, int start, int end, int line) {
    boolean is(String s) {
      return kind != Kind.STRING && text.equals(s);
    }
  }

  /** A logical line: tokens [first, last] (indices), indentation of the first token. */
  record Line(int first, int last, int indent) {}

  /** Tokens and logical lines of a source file. */
  record Result(List<Token> tokens, List<Line> lines) {}

  private PythonLexer() {}

  static Result lex(String src) {
    List<Token> tokens = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    int i = 0;
    int n = src.length();
    int line = 1;
    int depth = 0;
    int lineFirst = -1;
    int lineIndent = 0;
    int lineStart = 0;
    while (i < n) {
      char c = src.charAt(i);
      if (c == '\n') {
        if (depth == 0 && lineFirst >= 0) {
          lines.add(new Line(lineFirst, tokens.size() - 1, lineIndent));
          lineFirst = -1;
        }
        line++;
        i++;
        lineStart = i;
        continue;
      }
      if (c == '\\' && i + 1 < n && (src.charAt(i + 1) == '\n' || src.charAt(i + 1) == '\r')) {
        i += src.charAt(i + 1) == '\r' && i + 2 < n && src.charAt(i + 2) == '\n' ? 3 : 2;
        line++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        i++;
        continue;
      }
      if (c == '#') {
        while (i < n && src.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (lineFirst < 0) {
        lineFirst = tokens.size();
        lineIndent = indent(src, lineStart, i);
      }
      int start = i;
      int startLine = line;
      int q = stringStart(src, i);
      if (q >= 0) {
        char quote = src.charAt(q);
        boolean triple = q + 2 < n && src.charAt(q + 1) == quote && src.charAt(q + 2) == quote;
        int j = q + (triple ? 3 : 1);
        while (j < n) {
          char d = src.charAt(j);
          if (d == '\\') {
            if (j + 1 < n && src.charAt(j + 1) == '\n') {
              line++;
            }
            j += 2;
            continue;
          }
          if (d == '\n') {
            if (!triple) {
              break; // unterminated single-quoted string: ends at the line end
            }
            line++;
          }
          if (d == quote && (!triple || (j + 2 < n && src.charAt(j + 1) == quote && src.charAt(j + 2) == quote))) {
            j += triple ? 3 : 1;
            break;
          }
          j++;
        }
        j = Math.min(j, n);
        tokens.add(new Token(Kind.STRING, src.substring(start, j), start, j, startLine));
        i = j;
        continue;
      }
      if (Character.isJavaIdentifierStart(c) && c != '$') {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(src.charAt(j)) && src.charAt(j) != '$') {
          j++;
        }
        tokens.add(new Token(Kind.NAME, src.substring(i, j), i, j, line));
        i = j;
        continue;
      }
      if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.' || src.charAt(j) == '_'
            || ((src.charAt(j) == '+' || src.charAt(j) == '-') && (src.charAt(j - 1) == 'e' || src.charAt(j - 1) == 'E')
                && !src.substring(i, j).startsWith("0x")))) {
          j++;
        }
        tokens.add(new Token(Kind.NUMBER, src.substring(i, j), i, j, line));
        i = j;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      }
      int len = operatorLength(src, i);
      tokens.add(new Token(Kind.OP, src.substring(i, i + len), i, i + len, line));
      i += len;
    }
    if (lineFirst >= 0 && lineFirst < tokens.size()) {
      lines.add(new Line(lineFirst, tokens.size() - 1, lineIndent));
    }
    return new Result(tokens, lines);
  }

  /** The index of the opening quote when a string literal (with an optional prefix) starts at {@code i}, else -1. */
  private static int stringStart(String src, int i) {
    int j = i;
    while (j < src.length() && j - i < 2 && "rRbBuUfF".indexOf(src.charAt(j)) >= 0) {
      j++;
    }
    if (j < src.length() && (src.charAt(j) == '\'' || src.charAt(j) == '"')) {
      if (j > i && i > 0 && Character.isJavaIdentifierPart(src.charAt(i - 1))) {
        return -1;
      }
      return j;
    }
    return -1;
  }

  private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "...", "!=="};
  private static final String[] OPS2 = {
    "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="
  };

  private static int operatorLength(String src, int i) {
    for (String op : OPS3) {
      if (src.startsWith(op, i)) {
        return 3;
      }
    }
    for (String op : OPS2) {
      if (src.startsWith(op, i)) {
        return 2;
      }
    }
    return 1;
  }

  private static int indent(String src, int lineStart, int firstToken) {
    int col = 0;
    for (int k = lineStart; k < firstToken; k++) {
      char c = src.charAt(k);
      if (c == '\t') {
        col = (col / 8 + 1) * 8;
      } else if (c == ' ') {
        col++;
      } else if (c == '\f') {
        col = 0;
      }
    }
    return col;
  }
}
