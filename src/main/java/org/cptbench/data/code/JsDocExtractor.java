package org.cptbench.data.code;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cptbench.data.code.JsLexer.Kind;
import org.cptbench.data.code.JsLexer.Token;

/**
 * Functions documented with JSDoc in JavaScript or TypeScript: a {@code /** ... *&#47;} comment directly followed
 * (modifiers such as {@code export}, {@code default}, {@code async}, {@code static}, {@code public} allowed) by
 *
 * <ul>
 *   <li>a function declaration {@code function name(...) {...}} (also {@code function*}, type parameters);
 *   <li>a variable bound to a function: {@code const name = function (...) {...}} or
 *       {@code const name = (...) => {...}} / {@code name => {...}};
 *   <li>a member assignment: {@code a.b.name = function (...) {...}} or an arrow function with a block body;
 *   <li>a method {@code name(...) {...}} in a class or object literal, or a property {@code name: function (...)}.
 * </ul>
 *
 * Arrow functions with expression bodies are skipped. Names are qualified by the enclosing {@code class}. The
 * docstring is the comment's description: leading {@code *}s removed, cut before the first block tag
 * ({@code @param}, ...), inline tags ({@code {@link x}}) replaced by their target; {@code code} runs from the
 * first token after the comment to the closing brace.
 */
public final class JsDocExtractor {
  private static final Set<String> MODIFIERS =
      Set.of("export", "default", "async", "static", "public", "private", "protected", "readonly", "abstract",
          "override", "declare");
  private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@[a-zA-Z]+");
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@[a-zA-Z]+\\s+([^}|\\s]+)[^}]*}");

  private JsDocExtractor() {}

  public static List<SourceFunction> extract(String src) {
    List<Token> t = JsLexer.tokens(src);
    String[] classAt = classScopes(t);
    List<SourceFunction> out = new ArrayList<>();
    int line = 1;
    int lineOffset = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).kind() != Kind.JSDOC || i + 1 >= t.size()) {
        continue;
      }
      int start = i + 1;
      int[] fn = function(t, start);
      if (fn == null) {
        continue;
      }
      int nameAt = fn[0];
      int open = fn[1];
      int close = matching(t, open);
      if (close < 0) {
        continue;
      }
      String name = t.get(nameAt).text();
      if (classAt[start] != null) {
        name = classAt[start] + "." + name;
      }
      int from = t.get(start).start();
      int to = t.get(close).end();
      String code = src.substring(from, to);
      String original = src.substring(t.get(i).start(), to);
      List<String> tokens = new ArrayList<>();
      for (int k = start; k <= close; k++) {
        if (t.get(k).kind() != Kind.JSDOC) {
          tokens.add(t.get(k).text());
        }
      }
      line += countNewlines(src, lineOffset, from);
      lineOffset = from;
      out.add(new SourceFunction(name, description(t.get(i).text()), original, code, tokens, line,
          line + (int) code.chars().filter(c -> c == '\n').count()));
    }
    return out;
  }

  /** {name token index, body brace index} of a function starting at {@code s}, or null. */
  private static int[] function(List<Token> t, int s) {
    int k = s;
    while (k < t.size() && MODIFIERS.contains(t.get(k).text()) && t.get(k).kind() == Kind.NAME
        && !(k + 1 < t.size() && t.get(k + 1).is("("))) {
      k++;
    }
    if (k >= t.size()) {
      return null;
    }
    if ((t.get(k).is("get") || t.get(k).is("set")) && k + 1 < t.size() && t.get(k + 1).kind() == Kind.NAME) {
      k++;
    }
    if (t.get(k).is("*")) {
      k++;
    }
    if (t.get(k).is("function")) {
      int n = k + 1;
      if (n < t.size() && t.get(n).is("*")) {
        n++;
      }
      if (n >= t.size() || t.get(n).kind() != Kind.NAME) {
        return null;
      }
      return body(t, n, afterTypeParams(t, n + 1));
    }
    if (t.get(k).is("const") || t.get(k).is("let") || t.get(k).is("var")) {
      k++;
    }
    if (k >= t.size() || t.get(k).kind() != Kind.NAME) {
      return null;
    }
    int nameAt = k;
    k++;
    while (k + 1 < t.size() && t.get(k).is(".") && t.get(k + 1).kind() == Kind.NAME) {
      nameAt = k + 1;
      k += 2;
    }
    if (k >= t.size()) {
      return null;
    }
    if (t.get(k).is("(") || t.get(k).is("<")) {
      return body(t, nameAt, afterTypeParams(t, k)); // method
    }
    if (t.get(k).is(":") && k + 1 < t.size() && t.get(k + 1).is("function")) {
      int p = k + 2;
      if (t.get(p).is("*")) {
        p++;
      }
      if (t.get(p).kind() == Kind.NAME) {
        p++;
      }
      return body(t, nameAt, p);
    }
    if (t.get(k).is(":")) {
      return null; // a typed variable or a property with another value: not followed further
    }
    if (!t.get(k).is("=") || k + 1 >= t.size()) {
      return null;
    }
    int v = k + 1;
    if (t.get(v).is("async")) {
      v++;
    }
    if (v < t.size() && t.get(v).is("function")) {
      v++;
      if (v < t.size() && t.get(v).is("*")) {
        v++;
      }
      if (v < t.size() && t.get(v).kind() == Kind.NAME) {
        v++;
      }
      return body(t, nameAt, v);
    }
    if (v < t.size() && t.get(v).kind() == Kind.NAME && v + 2 < t.size() && t.get(v + 1).is("=>")
        && t.get(v + 2).is("{")) {
      return new int[] {nameAt, v + 2};
    }
    if (v < t.size() && t.get(v).is("(")) {
      int[] b = body(t, nameAt, v);
      return b != null && arrowBefore(t, v, b[1]) ? b : null;
    }
    return null;
  }

  private static boolean arrowBefore(List<Token> t, int from, int brace) {
    for (int k = from; k < brace; k++) {
      if (t.get(k).is("=>")) {
        return true;
      }
    }
    return false;
  }

  private static int afterTypeParams(List<Token> t, int k) {
    if (k < t.size() && t.get(k).is("<")) {
      int depth = 0;
      for (int j = k; j < t.size(); j++) {
        if (t.get(j).is("<")) {
          depth++;
        } else if (t.get(j).is(">")) {
          if (--depth == 0) {
            return j + 1;
          }
        } else if (t.get(j).is(">>")) {
          depth -= 2;
          if (depth <= 0) {
            return j + 1;
          }
        }
      }
    }
    return k;
  }

  /** Parameters at {@code paren}, then the body brace at depth 0 before any {@code ;}, {@code ,} or comment. */
  private static int[] body(List<Token> t, int nameAt, int paren) {
    if (paren >= t.size() || !t.get(paren).is("(")) {
      return null;
    }
    int close = matchingParen(t, paren);
    if (close < 0) {
      return null;
    }
    int depth = 0;
    for (int k = close + 1; k < t.size() && k < close + 60; k++) {
      Token x = t.get(k);
      if (x.kind() == Kind.JSDOC) {
        return null;
      }
      if (depth == 0 && x.is("{")) {
        return new int[] {nameAt, k};
      }
      if (x.is("(") || x.is("[") || x.is("<")) {
        depth++;
      } else if (x.is(")") || x.is("]") || x.is(">")) {
        depth--;
      } else if (depth == 0 && (x.is(";") || x.is(",") || x.is("}") || x.is("="))) {
        return null;
      }
    }
    return null;
  }

  private static int matchingParen(List<Token> t, int open) {
    int depth = 0;
    for (int k = open; k < t.size(); k++) {
      if (t.get(k).is("(")) {
        depth++;
      } else if (t.get(k).is(")") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static int matching(List<Token> t, int open) {
    int depth = 0;
    for (int k = open; k < t.size(); k++) {
      if (t.get(k).is("{")) {
        depth++;
      } else if (t.get(k).is("}") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  /** For every token, the name of the class whose body is the innermost brace around it, or null. */
  private static String[] classScopes(List<Token> t) {
    String[] at = new String[t.size() + 1];
    Deque<String> braces = new ArrayDeque<>();
    String pendingClass = null;
    for (int k = 0; k < t.size(); k++) {
      Token x = t.get(k);
      if (x.is("class") && k + 1 < t.size() && t.get(k + 1).kind() == Kind.NAME) {
        pendingClass = t.get(k + 1).text();
      }
      if (x.is("{")) {
        braces.push(pendingClass != null ? pendingClass : "");
        pendingClass = null;
      } else if (x.is("}") && !braces.isEmpty()) {
        braces.pop();
      } else if (x.is(";")) {
        pendingClass = null;
      }
      String top = braces.peek();
      at[k] = top == null || top.isEmpty() ? null : top;
    }
    return at;
  }

  /** The JSDoc description (see the class comment), newlines kept. */
  static String description(String comment) {
    String body = comment.substring(3, comment.length() - (comment.endsWith("*/") ? 2 : 0));
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      sb.append(line.replaceFirst("^\\s*\\*+ ?", "")).append('\n');
    }
    String text = sb.toString();
    var m = BLOCK_TAG.matcher(text);
    if (m.find()) {
      text = text.substring(0, m.start());
    }
    return INLINE_TAG.matcher(text).replaceAll("$1").strip();
  }

  private static int countNewlines(String src, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      if (src.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }
}
