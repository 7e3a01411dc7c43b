package org.cptbench.data.code;

import java.util.List;
import java.util.Objects;

/**
 * One function of a CodeSearchNet jsonl file (Husain et al. 2019), with the official fields.
 *
 * @param repo owner/name of the repository (for pairs built here: the package, e.g. {@code pypi:requests})
 * @param path the file's path inside the repository
 * @param funcName the function or method name, qualified as the source language writes it
 * @param originalString the function as it appears in the source, docstring included
 * @param language {@code java}, {@code python}, {@code javascript}, {@code go}, {@code php} or {@code ruby}
 * @param code the function (CodeSearchNet's Python files keep the docstring in it; see {@link #searchCode()})
 * @param codeTokens tokens of the code without comments and docstring
 * @param docstring the top-level comment or docstring, as text
 * @param docstringTokens tokens of the docstring's first paragraph (the query)
 * @param url a unique address of the function (identifies the query)
 * @param partition {@code train}, {@code valid} or {@code test}
 */
public record CsnRecord(
    String repo,
    String path,
    String funcName,
    String originalString,
    String language,
    String code,
    List<String> codeTokens,
    String docstring,
    List<String> docstringTokens,
    String url,
    String partition) {

  /** The official field names, in CodeSearchNet's order. */
  public static final List<String> FIELDS =
      List.of(
          "repo", "path", "func_name", "original_string", "language", "code", "code_tokens", "docstring",
          "docstring_tokens", "url", "partition");

  public CsnRecord {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(funcName, "func_name");
    Objects.requireNonNull(originalString, "original_string");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(code, "code");
    codeTokens = List.copyOf(Objects.requireNonNull(codeTokens, "code_tokens"));
    Objects.requireNonNull(docstring, "docstring");
    docstringTokens = List.copyOf(Objects.requireNonNull(docstringTokens, "docstring_tokens"));
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(partition, "partition");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code: must not be blank (" + url + ")");
    }
  }

  /**
   * The query text: the docstring tokens joined by single spaces, as CodeSearchNet's evaluation reads them; the
   * first paragraph of {@code docstring} when there are no tokens.
   */
  public String query() {
    if (!docstringTokens.isEmpty()) {
      return String.join(" ", docstringTokens);
    }
    return DocstringText.firstParagraph(docstring);
  }

  /**
   * The document text of the search: {@code code} with the docstring cut out where {@code code} contains it
   * verbatim (CodeSearchNet's Python records keep the docstring inside {@code code}; searching for a docstring in
   * a text that contains it would measure string matching), otherwise {@code code} as it is.
   */
  public String searchCode() {
    String d = docstring.strip();
    if (d.length() >= 8 && code.contains(d)) {
      return code.replace(d, "");
    }
    return code;
  }
}
