package org.cptbench.data.builtin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.cptbench.data.builtin.JavaLexer.Kind;
import org.cptbench.data.builtin.JavaLexer.Token;

/**
 * Finds the Javadoc-commented methods (and constructors) with a body in one Java compilation unit, by brace matching
 * over {@link JavaLexer} tokens (strings, chars, text blocks and comments never count). Not a parser: a declaration
 * is the run of tokens since the previous {@code ;}, <code>{</code> or <code>}</code> at type-body level; it is a
 * method when it has a parenthesis at depth 0 whose preceding word is a non-keyword identifier itself preceded by a
 * type token (a word, {@code >} or {@code ]}) or equal to the enclosing type's name (constructor), and no
 * {@code =} / {@code new} / type keyword before that parenthesis. Bodies of methods, initializers, anonymous and
 * local classes and enum-constant bodies are skipped whole; member types (class, interface, enum, record,
 * {@code @interface}) are entered. The method text runs from its first modifier or type token (annotations
 * dropped) to its closing brace; the Javadoc must be the last comment token before the declaration's annotations.
 */
final class JavaMethodExtractor {
  private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");
  private static final Set<String> NOT_NAMES =
      Set.of("if", "for", "while", "switch", "catch", "synchronized", "return", "new", "throw", "super", "this",
          "try", "else", "do", "case", "default", "assert");

  /**
   * A method found in the source.
   *
   * @param qualifiedName {@code package.Outer.Inner.method}
   * @param javadoc the raw Javadoc comment
   * @param code the declaration from its first modifier to its closing brace
   * @param line the 1-based line of the declaration's first token
   */
  record Method(String qualifiedName, String javadoc, String code, int line) {}

  private JavaMethodExtractor() {}

  /** The Javadoc-commented methods with bodies of a compilation unit. */
  static List<Method> extract(String src) {
    List<Token> t = JavaLexer.tokens(src);
    List<Method> out = new ArrayList<>();
    String pkg = packageName(t);
    Deque<String> types = new ArrayDeque<>();
    // one entry per open brace at type level: the type name pushed, or null for a non-type block at type level
    Deque<Boolean> braceIsType = new ArrayDeque<>();
    int declStart = 0;
    Token javadoc = null;
    int i = 0;
    while (i < t.size()) {
      Token tok = t.get(i);
      if (tok.kind() == Kind.JAVADOC) {
        javadoc = tok;
        declStart = i + 1;
        i++;
        continue;
      }
      if (tok.is(";")) {
        javadoc = null;
        declStart = i + 1;
        i++;
        continue;
      }
      if (tok.is("}")) {
        if (!braceIsType.isEmpty() && braceIsType.pop()) {
          types.pop();
        }
        javadoc = null;
        declStart = i + 1;
        i++;
        continue;
      }
      if (tok.is("(")) {
        // skip balanced parentheses (annotation arguments, parameter lists, enum constant arguments)
        i = matching(t, i, "(", ")") + 1;
        continue;
      }
      if (!tok.is("{")) {
        i++;
        continue;
      }
      List<Token> decl = withoutAnnotations(t.subList(declStart, i));
      String typeName = typeDeclared(decl);
      if (typeName != null) {
        types.push(typeName);
        braceIsType.push(true);
        javadoc = null;
        declStart = i + 1;
        i++;
        continue;
      }
      int close = matching(t, i, "{", "}");
      String name = methodName(decl, types.peek());
      if (name != null && javadoc != null && !decl.isEmpty()) {
        int from = decl.get(0).start();
        String qualified = qualify(pkg, types, name);
        out.add(new Method(qualified, javadoc.text(), src.substring(from, t.get(close).end()), lineOf(src, from)));
      }
      javadoc = null;
      declStart = close + 1;
      i = close + 1;
    }
    return out;
  }

  private static String packageName(List<Token> t) {
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).is("package")) {
        StringBuilder sb = new StringBuilder();
        for (int j = i + 1; j < t.size() && !t.get(j).is(";"); j++) {
          sb.append(t.get(j).text());
        }
        return sb.toString();
      }
      if (t.get(i).is("{")) {
        break;
      }
    }
    return "";
  }

  /** The index of the token closing the bracket opened at {@code open}. */
  static int matching(List<Token> t, int open, String o, String c) {
    int depth = 0;
    for (int j = open; j < t.size(); j++) {
      if (t.get(j).is(o)) {
        depth++;
      } else if (t.get(j).is(c)) {
        depth--;
        if (depth == 0) {
          return j;
        }
      }
    }
    throw new IllegalArgumentException("unbalanced '" + o + "' at offset " + t.get(open).start());
  }

  /** The declaration without its leading annotations ({@code @Name}, {@code @a.b.Name(...)}). */
  private static List<Token> withoutAnnotations(List<Token> decl) {
    int k = 0;
    while (k < decl.size() && decl.get(k).is("@") && k + 1 < decl.size() && !decl.get(k + 1).is("interface")) {
      k += 2;
      while (k + 1 < decl.size() && decl.get(k).is(".") && decl.get(k + 1).kind() == Kind.WORD) {
        k += 2;
      }
      if (k < decl.size() && decl.get(k).is("(")) {
        k = matching(decl, k, "(", ")") + 1;
      }
    }
    return decl.subList(k, decl.size());
  }

  /** The name of a type declared by {@code decl}, or null. */
  private static String typeDeclared(List<Token> decl) {
    for (int k = 0; k < decl.size(); k++) {
      Token tok = decl.get(k);
      if (tok.is("new") || tok.is("=") || tok.is("(")) {
        return null;
      }
      boolean keyword = TYPE_KEYWORDS.contains(tok.text()) || (tok.is("interface") && k > 0 && decl.get(k - 1).is("@"));
      if (tok.kind() == Kind.WORD && keyword && k + 1 < decl.size() && decl.get(k + 1).kind() == Kind.WORD) {
        if (tok.is("record") && k > 0 && decl.get(k - 1).is(".")) {
          return null;
        }
        return decl.get(k + 1).text();
      }
    }
    return null;
  }

  /** The method (or constructor) name declared by {@code decl}, or null when it is not a method declaration. */
  private static String methodName(List<Token> decl, String enclosingType) {
    if (enclosingType == null) {
      return null;
    }
    for (int k = 0; k < decl.size(); k++) {
      Token tok = decl.get(k);
      if (tok.is("=") || tok.is("new") || tok.is("->")) {
        return null;
      }
      if (tok.is("(")) {
        if (k == 0 || decl.get(k - 1).kind() != Kind.WORD) {
          return null;
        }
        String name = decl.get(k - 1).text();
        if (NOT_NAMES.contains(name) || !Character.isJavaIdentifierStart(name.charAt(0))) {
          return null;
        }
        boolean constructor = name.equals(enclosingType) && (k < 2 || !isTypeToken(decl.get(k - 2)));
        if (constructor || (k >= 2 && isTypeToken(decl.get(k - 2)))) {
          return name;
        }
        return null;
      }
    }
    return null;
  }

  private static boolean isTypeToken(Token tok) {
    return (tok.kind() == Kind.WORD && !NOT_NAMES.contains(tok.text())) || tok.is(">") || tok.is("]");
  }

  private static String qualify(String pkg, Deque<String> types, String name) {
    List<String> parts = new ArrayList<>();
    if (!pkg.isEmpty()) {
      parts.add(pkg);
    }
    List<String> outerFirst = new ArrayList<>(types);
    Collections.reverse(outerFirst);
    parts.addAll(outerFirst);
    parts.add(name);
    return String.join(".", parts);
  }

  private static int lineOf(String src, int offset) {
    int line = 1;
    for (int k = 0; k < offset; k++) {
      if (src.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }
}
