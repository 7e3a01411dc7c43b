package org.cptbench.data.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Python list-of-strings literal such as {@code ['a', "b's", 'S\xe3o']}, the answer column of DPR's QA
 * files (which DPR reads with {@code eval}). Supported: single-, double- and triple-quoted strings with an optional
 * {@code u} or {@code r} prefix, implicit concatenation of adjacent literals, a trailing comma, and Python's string
 * escapes: backslash, both quotes, {@code a b f n r t v}, octal {@code ooo}, {@code xhh}, {@code uXXXX}, {@code
 * UXXXXXXXX}, {@code N{name}} and backslash-newline. An unknown escape keeps its backslash, as Python does. Anything
 * else is an {@link IllegalArgumentException} naming the character position.
 */
public final class PythonLiteral {
  private final String s;
  private int i;

  private PythonLiteral(String s) {
    this.s = s;
  }

  /** The strings of the list literal {@code s}. */
  public static List<String> parseStringList(String s) {
    PythonLiteral p = new PythonLiteral(s);
    List<String> out = p.list();
    p.skipSpace();
    if (p.i != s.length()) {
      throw p.fail("unexpected text after the closing ']'");
    }
    return out;
  }

  private List<String> list() {
    skipSpace();
    expect('[');
    List<String> out = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      i++;
      return out;
    }
    while (true) {
      out.add(string());
      skipSpace();
      char c = peek();
      if (c == ',') {
        i++;
        skipSpace();
        if (peek() == ']') {
          i++;
          return out;
        }
      } else if (c == ']') {
        i++;
        return out;
      } else {
        throw fail("expected ',' or ']'");
      }
    }
  }

  /** One string, with Python's implicit concatenation of adjacent literals. */
  private String string() {
    StringBuilder b = new StringBuilder();
    single(b);
    while (true) {
      int save = i;
      skipSpace();
      if (i < s.length() && startsString()) {
        single(b);
      } else {
        i = save;
        return b.toString();
      }
    }
  }

  private boolean startsString() {
    char c = s.charAt(i);
    if (c == '\'' || c == '"') {
      return true;
    }
    return (c == 'u' || c == 'U' || c == 'r' || c == 'R')
        && i + 1 < s.length()
        && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"');
  }

  private void single(StringBuilder b) {
    boolean raw = false;
    char c = peek();
    if (c == 'u' || c == 'U') {
      i++;
    } else if (c == 'r' || c == 'R') {
      raw = true;
      i++;
    }
    char q = peek();
    if (q != '\'' && q != '"') {
      throw fail("expected a quoted string");
    }
    boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
    i += triple ? 3 : 1;
    while (true) {
      if (i >= s.length()) {
        throw fail("unterminated string");
      }
      c = s.charAt(i);
      if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(3), i))) {
        i += triple ? 3 : 1;
        return;
      }
      if (c == '\\') {
        if (i + 1 >= s.length()) {
          throw fail("backslash at the end of the input");
        }
        if (raw) {
          b.append(c).append(s.charAt(i + 1));
          i += 2;
        } else {
          escape(b);
        }
        continue;
      }
      if ((c == '\n' || c == '\r') && !triple) {
        throw fail("line break inside a string");
      }
      b.append(c);
      i++;
    }
  }

  private void escape(StringBuilder b) {
    char e = s.charAt(i + 1);
    i += 2;
    switch (e) {
      case '\n' -> {}
      case '\\' -> b.append('\\');
      case '\'' -> b.append('\'');
      case '"' -> b.append('"');
      case 'a' -> b.append('\u0007');
      case 'b' -> b.append('\b');
      case 'f' -> b.append('\f');
      case 'n' -> b.append('\n');
      case 'r' -> b.append('\r');
      case 't' -> b.append('\t');
      case 'v' -> b.append('\u000B');
      case 'x' -> b.appendCodePoint(hex(2));
      case 'u' -> b.appendCodePoint(hex(4));
      case 'U' -> {
        int cp = hex(8);
        if (!Character.isValidCodePoint(cp)) {
          throw fail("\\U escape out of range");
        }
        b.appendCodePoint(cp);
      }
      case 'N' -> {
        if (peek() != '{' || s.indexOf('}', i) < 0) {
          throw fail("malformed \\N{...} escape");
        }
        int end = s.indexOf('}', i);
        String name = s.substring(i + 1, end);
        try {
          b.appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException ex) {
          throw fail("unknown character name '" + name + "'");
        }
        i = end + 1;
      }
      default -> {
        if (e >= '0' && e <= '7') {
          int v = e - '0';
          for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
            v = v * 8 + (s.charAt(i++) - '0');
          }
          b.append((char) v);
        } else {
          b.append('\\').append(e);
        }
      }
    }
  }

  private int hex(int n) {
    if (i + n > s.length()) {
      throw fail("truncated escape: need " + n + " hex digits");
    }
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = Character.digit(s.charAt(i + k), 16);
      if (d < 0) {
        throw fail("bad hex digit '" + s.charAt(i + k) + "' in escape");
      }
      v = v * 16 + d;
    }
    i += n;
    return v;
  }

  private void skipSpace() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw fail("unexpected end of the list literal");
    }
    return s.charAt(i);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw fail("expected '" + c + "'");
    }
    i++;
  }

  private IllegalArgumentException fail(String problem) {
    return new IllegalArgumentException("Python list literal, character " + (i + 1) + ": " + problem);
  }
}
