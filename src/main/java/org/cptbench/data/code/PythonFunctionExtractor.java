package org.cptbench.data.code;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.cptbench.data.code.PythonLexer.Kind;
import org.cptbench.data.code.PythonLexer.Line;
import org.cptbench.data.code.PythonLexer.Token;

/**
 * Functions with docstrings in a Python module, found on {@link PythonLexer}'s logical lines: a {@code def} (or
 * {@code async def}) line whose body is an indented block; the body is every following logical line indented deeper
 * than the {@code def}; the docstring is the body's first statement when it consists of string literals only (PEP
 * 257). Kept are module-level functions and methods of (nested) classes; functions nested in functions are skipped,
 * as are one-line bodies. The docstring text is the literal's value ({@code \n}, {@code \t}, {@code \\}, quote
 * escapes decoded unless raw) cleaned as {@code inspect.cleandoc} does; {@code code} is the function with the
 * docstring's physical lines removed; {@code originalString} runs from {@code def} (decorators excluded) to the end
 * of the body's last token.
 */
public final class PythonFunctionExtractor {
  private PythonFunctionExtractor() {}

  private record Scope(int indent, boolean isClass, String name) {}

  /** The documented functions of a module; {@code module} prefixes the qualified names (may be empty). */
  public static List<SourceFunction> extract(String src, String module) {
    PythonLexer.Result lexed = PythonLexer.lex(src);
    List<Token> t = lexed.tokens();
    List<Line> lines = lexed.lines();
    List<SourceFunction> out = new ArrayList<>();
    Deque<Scope> scopes = new ArrayDeque<>();
    for (int li = 0; li < lines.size(); li++) {
      Line l = lines.get(li);
      while (!scopes.isEmpty() && scopes.peek().indent() >= l.indent()) {
        scopes.pop();
      }
      int k = l.first();
      if (t.get(k).is("async") && k + 1 <= l.last()) {
        k++;
      }
      boolean isDef = t.get(k).is("def");
      boolean isClass = t.get(l.first()).is("class");
      if ((!isDef && !isClass) || k + 1 > l.last() || t.get(k + 1).kind() != Kind.NAME) {
        continue;
      }
      String name = t.get(k + 1).text();
      boolean insideFunction = scopes.stream().anyMatch(s -> !s.isClass());
      String qualified = qualify(module, scopes, name);
      scopes.push(new Scope(l.indent(), isClass, name));
      if (isClass || insideFunction || !t.get(l.last()).is(":")) {
        continue; // classes only open a scope; one-line bodies end with something other than ':'
      }
      int end = li;
      while (end + 1 < lines.size() && lines.get(end + 1).indent() > l.indent()) {
        end++;
      }
      if (end == li) {
        continue;
      }
      Line first = lines.get(li + 1);
      boolean hasDoc = true;
      for (int j = first.first(); j <= first.last(); j++) {
        hasDoc &= t.get(j).kind() == Kind.STRING;
      }
      if (!hasDoc || end == li + 1) {
        continue; // no docstring, or nothing but a docstring
      }
      int from = t.get(l.first()).start();
      int to = t.get(lines.get(end).last()).end();
      String original = src.substring(from, to);
      int docFrom = lineStart(src, t.get(first.first()).start());
      int docTo = lineEnd(src, t.get(first.last()).end());
      String code = src.substring(from, docFrom) + src.substring(Math.min(docTo, to), to);
      StringBuilder doc = new StringBuilder();
      for (int j = first.first(); j <= first.last(); j++) {
        doc.append(literalValue(t.get(j).text()));
      }
      List<String> tokens = new ArrayList<>();
      for (int j = l.first(); j <= lines.get(end).last(); j++) {
        if (j < first.first() || j > first.last()) {
          tokens.add(t.get(j).text());
        }
      }
      int endLine = t.get(lines.get(end).last()).line();
      out.add(new SourceFunction(qualified, cleandoc(doc.toString()), original, code, tokens, t.get(l.first()).line(),
          endLine));
    }
    return out;
  }

  private static String qualify(String module, Deque<Scope> scopes, String name) {
    List<String> parts = new ArrayList<>();
    if (!module.isEmpty()) {
      parts.add(module);
    }
    List<Scope> outerFirst = new ArrayList<>(scopes);
    java.util.Collections.reverse(outerFirst);
    outerFirst.forEach(s -> parts.add(s.name()));
    parts.add(name);
    return String.join(".", parts);
  }

  private static int lineStart(String src, int offset) {
    int k = offset;
    while (k > 0 && src.charAt(k - 1) != '\n') {
      k--;
    }
    return k;
  }

  private static int lineEnd(String src, int offset) {
    int k = src.indexOf('\n', offset);
    return k < 0 ? src.length() : k + 1;
  }

  /** The value of one string literal token (prefix and quotes removed, simple escapes decoded unless raw). */
  static String literalValue(String literal) {
    int q = 0;
    while (q < literal.length() && literal.charAt(q) != '\'' && literal.charAt(q) != '"') {
      q++;
    }
    boolean raw = literal.substring(0, q).toLowerCase(java.util.Locale.ROOT).contains("r");
    String body = literal.substring(q);
    int quotes = body.length() >= 6 && (body.startsWith("\"\"\"") || body.startsWith("'''")) ? 3 : 1;
    int stop = Math.max(quotes, body.length() - quotes);
    body = body.substring(quotes, stop);
    if (raw) {
      return body;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char d = body.charAt(++i);
        switch (d) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case '\\', '\'', '"' -> sb.append(d);
          case '\n' -> { }
          default -> sb.append('\\').append(d);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * {@code inspect.cleandoc}: tabs expanded, the first line stripped of leading whitespace, the common leading
   * whitespace of the other lines removed, leading and trailing blank lines dropped.
   */
  static String cleandoc(String doc) {
    String[] lines = doc.replace("\t", "        ").split("\n", -1);
    int margin = Integer.MAX_VALUE;
    for (int i = 1; i < lines.length; i++) {
      String s = lines[i].stripLeading();
      if (!s.isEmpty()) {
        margin = Math.min(margin, lines[i].length() - s.length());
      }
    }
    List<String> out = new ArrayList<>();
    out.add(lines[0].stripLeading());
    for (int i = 1; i < lines.length; i++) {
      out.add(margin == Integer.MAX_VALUE ? lines[i] : lines[i].substring(Math.min(margin, lines[i].length())));
    }
    while (!out.isEmpty() && out.getFirst().isBlank()) {
      out.removeFirst();
    }
    while (!out.isEmpty() && out.getLast().isBlank()) {
      out.removeLast();
    }
    return String.join("\n", out.stream().map(String::stripTrailing).toList());
  }
}
