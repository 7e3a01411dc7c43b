package org.cptbench.data.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.data.MalformedInputException;

/**
 * Reads code-search pairs from CodeSearchNet-style JSONL (plain or {@code .gz}), one function a line with string
 * fields {@code docstring_summary} and {@code code} (other fields, e.g. {@code repo}, {@code func_name}, ignored):
 * x = the docstring summary (the query side), y = the code, as in cpt-code (Neelakantan et al. 2022, section 2.2).
 * Records whose summary or code is blank are skipped; a line without these string fields is an error naming file
 * and line.
 */
public final class CodePairsReader {
  private CodePairsReader() {}

  public static List<TextPair> read(Path file) {
    List<TextPair> pairs = new ArrayList<>();
    for (Lines.Line line : Lines.read(file, Lines.Decoding.STRICT_UTF8)) {
      if (line.text().isBlank()) {
        continue;
      }
      JsonNode node = TextFileReader.parseObject(file, line);
      JsonNode summary = node.get("docstring_summary");
      JsonNode code = node.get("code");
      if (summary == null || !summary.isTextual() || code == null || !code.isTextual()) {
        throw new MalformedInputException(
            file, line.number(), "expected string fields \"docstring_summary\" and \"code\"");
      }
      if (!summary.asText().isBlank() && !code.asText().isBlank()) {
        pairs.add(new TextPair(summary.asText().strip(), code.asText()));
      }
    }
    return pairs;
  }
}
