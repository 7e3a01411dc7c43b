package org.cptbench.data.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deterministic rule-based English sentence splitter (no model, no training).
 *
 * <p>A sentence ends after a run of {@code . ! ?} (plus any closing quotes or brackets {@code " ' ” ’ ) ]}) when
 * the run is followed by whitespace and the next non-space character starts a sentence: an upper-case letter, a
 * digit, or an opening quote or bracket ({@code " ' “ ‘ ` ( [}). A single {@code .} does not end a sentence when the
 * word before it is
 *
 * <ul>
 *   <li>a known abbreviation ({@link #ABBREVIATIONS}, case-insensitive: Mr, Mrs, Dr, Prof, St, etc, vs, Inc, Jan,
 *       ...),
 *   <li>a dotted abbreviation, i.e. it contains a dot itself ({@code U.S.}, {@code e.g.}, {@code i.e.}, {@code
 *       a.m.}),
 *   <li>an initial: one upper-case letter ({@code J. F. Kennedy}),
 *   <li>{@code No}/{@code Nos}/{@code Art}/{@code Vol}/{@code p}/{@code pp} (exact case) followed by a digit
 *       ({@code No. 5}; but {@code "said no. 5 left"} splits).
 * </ul>
 *
 * <p>Sentences are stripped; text without a boundary is one sentence; blank text gives none. Newlines inside the
 * text are ordinary whitespace (split paragraphs before calling this when lines are meaningful).
 */
public final class SentenceSplitter {
  /** Words that end with a dot without ending the sentence (lower-case, without the dot). */
  public static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "sr", "jr", "st", "mt", "rev", "hon", "gen", "gov",
          "sen", "rep", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "pres", "supt", "etc", "vs", "cf", "al",
          "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "approx", "jan", "feb", "apr", "jun", "jul",
          "aug", "sep", "sept", "oct", "nov", "dec", "ft", "fig", "figs", "eq", "ed", "eds", "vol");

  /** Abbreviations (exact case) only when a digit follows ({@code No. 5}); else words that may end a sentence. */
  private static final Set<String> BEFORE_NUMBER = Set.of("No", "Nos", "Art", "Vol", "p", "pp");

  private static final String CLOSERS = "\"')]”’";
  private static final String OPENERS = "\"'“‘`([";

  private SentenceSplitter() {}

  /** The sentences of {@code text}, in order. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && ".!?".indexOf(text.charAt(j)) >= 0) {
        j++;
      }
      boolean singleDot = c == '.' && j == i + 1;
      while (j < n && CLOSERS.indexOf(text.charAt(j)) >= 0) {
        j++;
      }
      if (j >= n || !Character.isWhitespace(text.charAt(j))) {
        i = j;
        continue;
      }
      int k = j;
      while (k < n && Character.isWhitespace(text.charAt(k))) {
        k++;
      }
      if (k >= n) {
        break;
      }
      char next = text.charAt(k);
      boolean startsSentence =
          Character.isUpperCase(next) || Character.isDigit(next) || OPENERS.indexOf(next) >= 0;
      if (startsSentence && !(singleDot && isAbbreviation(wordBefore(text, i), next))) {
        add(out, text.substring(start, j));
        start = k;
      }
      i = k;
    }
    add(out, text.substring(start));
    return out;
  }

  private static void add(List<String> out, String sentence) {
    String s = sentence.strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  /** The word that ends at position {@code dot} (exclusive), without leading quotes or brackets. */
  private static String wordBefore(String text, int dot) {
    int b = dot;
    while (b > 0 && !Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    while (b < dot && OPENERS.indexOf(text.charAt(b)) >= 0) {
      b++;
    }
    return text.substring(b, dot);
  }

  private static boolean isAbbreviation(String word, char next) {
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    if (word.indexOf('.') >= 0 && word.chars().anyMatch(Character::isLetter)) {
      return true;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(lower) || (Character.isDigit(next) && BEFORE_NUMBER.contains(word));
  }
}
