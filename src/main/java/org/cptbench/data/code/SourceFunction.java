package org.cptbench.data.code;

import java.util.List;
import java.util.Objects;

/**
 * A documented function found in a source file, before filtering.
 *
 * @param name the qualified name ({@code module.Class.method} for Python, {@code Class.method} or {@code name} for
 *     JavaScript, {@code package.Type.method} for Java)
 * @param docstring the docstring (Python) or comment description (JSDoc, Javadoc) as plain text
 * @param originalString the function as written, docstring included
 * @param code the function with its docstring removed (the document side of a pair)
 * @param codeTokens the tokens of {@code code}, comments excluded
 * @param line first line (1-based)
 * @param endLine last line (1-based)
 */
public record SourceFunction(
    String name, String docstring, String originalString, String code, List<String> codeTokens, int line,
    int endLine) {
  public SourceFunction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(docstring, "docstring");
    Objects.requireNonNull(originalString, "originalString");
    Objects.requireNonNull(code, "code");
    codeTokens = List.copyOf(codeTokens);
  }

  /** The last component of {@link #name()}. */
  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
