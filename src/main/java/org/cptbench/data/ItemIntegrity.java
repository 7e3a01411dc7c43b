package org.cptbench.data;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts two data faults of sentence and sentence-pair sets (STS, SentEval) into a loader's {@link LoadReport}:
 * items with an empty (blank) text, and duplicates (a non-empty item whose texts equal an earlier item's in the same
 * split or subset; those whose gold label or score differs from the first occurrence are counted apart). Both are
 * kept, as the reference toolkits keep them (SentEval embeds CR's and MPQA's empty lines), but they change what a
 * score means, so they are reported: counts under {@code <noun>.empty}, {@code <noun>.duplicate} and {@code
 * <noun>.duplicateWithOtherGold}, and one warning per split or subset that has any.
 */
public final class ItemIntegrity {
  private ItemIntegrity() {}

  /** One item: its texts (one, or the two of a pair) and its gold label or score, as text. */
  public record Item(List<String> texts, String gold) {}

  /**
   * Counts the faults of one split's items into {@code report}.
   *
   * @param noun what the items are, plural ({@code texts} or {@code pairs}): the counts' key prefix
   * @param where which items, for the warning ({@code split test}, {@code subset MSRvid})
   */
  public static void check(LoadReport.Builder report, String noun, String where, List<Item> items) {
    check(report, noun, where, items, true);
  }

  /**
   * As {@link #check(LoadReport.Builder, String, String, List)}; {@code warnEmpty = false} counts empty items without
   * a warning (for a format that already warned about them file by file).
   */
  public static void check(
      LoadReport.Builder report, String noun, String where, List<Item> items, boolean warnEmpty) {
    long empty = 0;
    long duplicates = 0;
    long otherGold = 0;
    String duplicateExample = null;
    Map<List<String>, String> first = new HashMap<>();
    for (Item item : items) {
      if (item.texts().stream().anyMatch(String::isBlank)) {
        empty++;
        continue; // counted once, as empty, not also as a duplicate of another empty item
      }
      String earlier = first.putIfAbsent(item.texts(), item.gold());
      if (earlier != null) {
        duplicates++;
        if (!earlier.equals(item.gold())) {
          otherGold++;
        }
        if (duplicateExample == null) {
          duplicateExample = quote(item.texts());
        }
      }
    }
    report.count(noun + ".empty", empty).count(noun + ".duplicate", duplicates)
        .count(noun + ".duplicateWithOtherGold", otherGold);
    String one = noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
    if (empty > 0 && warnEmpty) {
      report.warn(String.format(Locale.ROOT, "%s: %d of %d %s %s; kept and embedded as they are",
          where, empty, items.size(), noun, one.equals("pair") ? "have an empty sentence" : "are empty"));
    }
    if (duplicates > 0) {
      report.warn(String.format(Locale.ROOT,
          "%s: %d of %d %s repeat an earlier %s (%d of them with a different gold %s; first: %s); kept",
          where, duplicates, items.size(), noun, one, otherGold, one.equals("pair") ? "score" : "label",
          duplicateExample));
    }
  }

  private static String quote(List<String> texts) {
    StringBuilder sb = new StringBuilder();
    for (String t : texts) {
      if (!sb.isEmpty()) {
        sb.append(" / ");
      }
      String s = t.strip();
      sb.append('"').append(s.length() > 60 ? s.substring(0, 57) + "..." : s).append('"');
    }
    return sb.toString();
  }
}
