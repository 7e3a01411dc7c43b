package org.cptbench.data.retrieval;

import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;

/**
 * Picks one file among candidates by split name: with no split, the only candidate; otherwise the candidate named
 * exactly {@code split}, else the one whose name contains {@code "." + split + "."} (so {@code dev.small} picks {@code
 * queries.dev.small.tsv} and {@code nq.test} picks {@code topics.dpr.nq.test.txt}). Ambiguity is an error listing the
 * candidates.
 */
final class SplitFiles {
  private SplitFiles() {}

  /** Whether {@code split} is a part of the name delimited by '.', '-' or '_' (DPR: nq-test.csv, trivia-dev.csv). */
  static boolean containsPart(String name, String split) {
    return java.util.regex.Pattern.compile("(^|[._-])" + java.util.regex.Pattern.quote(split) + "[._-]")
        .matcher(name).find();
  }

  static String select(Path folder, List<String> candidates, String split, String what) {
    if (candidates.isEmpty()) {
      throw new CptbenchException("no " + what + " file in " + folder);
    }
    if (split == null) {
      if (candidates.size() == 1) {
        return candidates.getFirst();
      }
      throw new CptbenchException(
          "several "
              + what
              + " files in "
              + folder
              + ": "
              + candidates
              + "; name the split (a file name or a part of it)");
    }
    if (candidates.contains(split)) {
      return split;
    }
    List<String> hits = candidates.stream().filter(n -> containsPart(n, split)).toList();
    if (hits.size() == 1) {
      return hits.getFirst();
    }
    throw new CptbenchException(
        (hits.isEmpty() ? "no " : "ambiguous ")
            + what
            + " file for split '"
            + split
            + "' in "
            + folder
            + (hits.isEmpty() ? "; candidates: " + candidates : ": " + hits + "; use the full file name as split"));
  }
}
