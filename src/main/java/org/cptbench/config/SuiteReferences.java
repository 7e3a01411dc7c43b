package org.cptbench.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.cptbench.lexical.Bm25;
import org.cptbench.model.OnnxModels;

/**
 * A suite's {@code references:} key: the reference encoders evaluated beside its cells ({@code bm25} on the search
 * tasks, registered ONNX models such as {@code minilm-l6} on every task). They are not cells: never part of the grid,
 * of claims or of verdicts. Absent, the suite gets {@link #DEFAULT} (all of {@link #ALLOWED}); {@code []} names none.
 *
 * @param names the references, in the order written
 */
public record SuiteReferences(List<String> names) {
  public static final String KEY = "references";

  /** The reference encoders a suite may name: BM25 and the registered ONNX models. */
  public static final List<String> ALLOWED = allowed();

  /** The references of a suite that names none. */
  public static final SuiteReferences DEFAULT = new SuiteReferences(ALLOWED);

  public SuiteReferences {
    names = List.copyOf(names);
  }

  private static List<String> allowed() {
    List<String> r = new ArrayList<>();
    r.add(Bm25.NAME);
    OnnxModels.all().forEach(m -> r.add(m.name()));
    return List.copyOf(r);
  }

  /** Binds {@code references:} of a suite's root mapping; errors name the file, the key, the value and what is allowed. */
  public static SuiteReferences parse(ConfigNode root) {
    if (!root.has(KEY)) {
      return DEFAULT;
    }
    List<String> names = root.getStringList(KEY, List.of());
    Set<String> seen = new HashSet<>();
    for (String r : names) {
      if (!ALLOWED.contains(r)) {
        throw new CptbenchException(root.source() + ": " + KEY + ": unknown reference '" + r + "'; allowed: " + ALLOWED
            + " ([] for none)");
      }
      if (!seen.add(r)) {
        throw new CptbenchException(root.source() + ": " + KEY + ": '" + r + "' is named twice");
      }
    }
    return new SuiteReferences(names);
  }

  /** {@code keys} and {@link #KEY}: the top-level keys of a suite. */
  static String[] withKey(String[] keys) {
    String[] all = java.util.Arrays.copyOf(keys, keys.length + 1);
    all[keys.length] = KEY;
    return all;
  }
}
