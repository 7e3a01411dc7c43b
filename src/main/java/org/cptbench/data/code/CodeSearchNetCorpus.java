package org.cptbench.data.code;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.data.corpus.TextPair;

/**
 * Training pairs from CodeSearchNet jsonl: every {@code train} file below a folder ({@link CodeSearchLoader#splitFiles}),
 * x = {@link CsnRecord#query()} (the query side, as evaluation feeds it), y = {@link CsnRecord#searchCode()}. A
 * folder holding several languages gives one multilingual corpus, as cpt-code trained one model on all of
 * CodeSearchNet's languages. Records with a blank query are skipped.
 */
public final class CodeSearchNetCorpus {
  /** Corpus-name prefix: {@code codesearchnet:<folder under the data dir>}. */
  public static final String PREFIX = "codesearchnet:";

  private CodeSearchNetCorpus() {}

  public static List<TextPair> trainPairs(Path dir) {
    List<TextPair> out = new ArrayList<>();
    for (CsnRecord r : CodeSearchLoader.records(dir, "train")) {
      String q = r.query();
      if (!q.isBlank()) {
        out.add(new TextPair(q, r.searchCode()));
      }
    }
    return out;
  }
}
