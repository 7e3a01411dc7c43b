package org.cptbench.data.builtin;

/**
 * A documented method taken from a library's sources: the CodeSearchNet record (query side = {@code summary},
 * document side = {@code code}).
 *
 * @param id {@code group:artifact:version/<path in the jar>#L<line>}, unique and stable
 * @param library {@code group:artifact:version}
 * @param qualifiedName {@code package.Type.method}
 * @param summary the first sentence of the Javadoc ({@link JavadocText#summary})
 * @param code the method from its first modifier to its closing brace
 */
public record CodeMethod(String id, String library, String qualifiedName, String summary, String code) {
  public CodeMethod {
    for (String[] f :
        new String[][] {{"id", id}, {"library", library}, {"qualifiedName", qualifiedName}, {"summary", summary}, {"code", code}}) {
      if (f[1] == null || f[1].isBlank()) {
        throw new IllegalArgumentException(f[0] + ": '" + f[1] + "', must not be blank");
      }
    }
  }
}
