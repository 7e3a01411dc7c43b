package org.cptbench.eval.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DPR's {@code SimpleTokenizer} ({@code dpr/utils/tokenizers.py}, from DrQA): tokens are the successive matches of
 * {@code ([\p{L}\p{N}\p{M}]+)|([^\p{Z}\p{C}])}, i.e. maximal runs of letters, digits and combining marks, and
 * every other single character that is neither a separator nor a control/format/unassigned character (so each
 * punctuation mark is its own token and whitespace is dropped). {@link #words(String, boolean)} with
 * {@code uncased} lower-cases each token as Python's {@code str.lower()} (full Unicode mapping, as
 * {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}). The input is used as given: DPR NFD-normalises
 * before tokenizing (see {@link AnswerMatcher}).
 */
public final class DprTokenizer {
  private DprTokenizer() {}

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+|[^\\p{Z}\\p{C}]");

  /** The token texts of {@code text}, lower-cased when {@code uncased}. */
  public static List<String> words(String text, boolean uncased) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      out.add(uncased ? t.toLowerCase(Locale.ROOT) : t);
    }
    return out;
  }
}
