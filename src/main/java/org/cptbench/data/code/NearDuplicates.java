package org.cptbench.data.code;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Near-duplicate detection between a reference set (e.g. the training split) and candidates (held-out functions), as
 * CodeSearchNet removed near duplicates across splits (Husain et al. 2019, after Allamanis 2019): a candidate is a
 * near duplicate of the reference when
 *
 * <ul>
 *   <li>its normalised docstring ({@link DocstringText#normalized}: first paragraph, lower case, letters and digits
 *       only) equals a reference docstring, or
 *   <li>the Jaccard similarity of its set of identifier tokens (runs of letters, digits, {@code _} and {@code $}
 *       starting with a letter, {@code _} or {@code $}) with a reference function's is at least {@value #JACCARD}.
 * </ul>
 *
 * The Jaccard test is exact, with prefix filtering (Chaudhuri et al. 2006): a reference set B with
 * J(A, B) &gt;= t contains at least ceil(t |A|) tokens of A, so it contains one of the |A| - ceil(t |A|) + 1 tokens
 * of A that are rarest in the reference; only the functions listed under those tokens are compared.
 */
public final class NearDuplicates {
  /** Jaccard similarity of identifier sets at and above which two functions are near duplicates. */
  public static final double JACCARD = 0.8;

  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  /** Why a candidate was found to be a near duplicate. */
  public enum Reason {
    DOCSTRING,
    CODE
  }

  private final Set<String> docstrings = new HashSet<>();
  private final List<Set<String>> sets = new ArrayList<>();
  private final Map<String, List<Integer>> postings = new HashMap<>();

  /** Adds a reference function. */
  public void add(String docstring, String code) {
    String d = DocstringText.normalized(docstring);
    if (!d.isEmpty()) {
      docstrings.add(d);
    }
    Set<String> s = identifiers(code);
    int id = sets.size();
    sets.add(s);
    for (String t : s) {
      postings.computeIfAbsent(t, k -> new ArrayList<>()).add(id);
    }
  }

  /** The reason {@code (docstring, code)} is a near duplicate of a reference function, or null when it is not. */
  public Reason match(String docstring, String code) {
    String d = DocstringText.normalized(docstring);
    if (!d.isEmpty() && docstrings.contains(d)) {
      return Reason.DOCSTRING;
    }
    Set<String> a = identifiers(code);
    if (a.isEmpty()) {
      return null;
    }
    int need = (int) Math.ceil(JACCARD * a.size() - 1e-9);
    int prefix = a.size() - need + 1;
    List<String> byRarity = new ArrayList<>(a);
    byRarity.sort(
        Comparator.comparingInt((String t) -> postings.getOrDefault(t, List.of()).size())
            .thenComparing(Comparator.naturalOrder()));
    Set<Integer> seen = new HashSet<>();
    for (String t : byRarity.subList(0, prefix)) {
      for (int id : postings.getOrDefault(t, List.of())) {
        if (seen.add(id) && jaccard(a, sets.get(id)) >= JACCARD) {
          return Reason.CODE;
        }
      }
    }
    return null;
  }

  /** The identifier tokens of a text (see the class comment). */
  public static Set<String> identifiers(String code) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(code);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int inter = 0;
    for (String t : small) {
      if (large.contains(t)) {
        inter++;
      }
    }
    return inter / (double) (a.size() + b.size() - inter);
  }
}
