package org.cptbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded English-like sentences for the tokenizer benchmark, no external data: words drawn with Zipf-like
 * frequencies (rank r has weight 1/r) from common English function words, pseudo-words built from syllables,
 * numbers, contractions and a few non-ASCII words (accents, CJK, emoji); 3 to 120 words per sentence, so that
 * some sentences exceed 64 tokens and are truncated.
 */
final class BenchText {
  private static final String[] FUNCTION_WORDS = {
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
    "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
    "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who"
  };
  private static final String[] SPECIAL_WORDS = {
    "it's", "don't", "they'll", "we've", "I'm", "café", "naïve", "Zürich", "déjà", "façade", "東京",
    "日本語", "Ελληνικά", "русский", "😀", "👍🏽", "e-mail", "U.S.", "COVID-19", "3.14", "1,000", "50%",
    "(see", "below)"
  };
  private static final String[] SYLLABLES = {
    "ka", "ter", "lo", "mi", "son", "ra", "pel", "dro", "vin", "ta", "ble", "ment", "ing", "tion", "qui", "zo",
    "an", "ex", "pre", "con", "str", "ight", "ous", "al", "er", "ly", "ness", "ph", "sch", "ck"
  };

  private final List<String> words;
  private final double[] cumulative;

  /** A vocabulary of {@code size} words (function words first, then special, then pseudo-words). */
  BenchText(long seed, int size) {
    SplittableRandom rnd = new SplittableRandom(seed);
    words = new ArrayList<>(List.of(FUNCTION_WORDS));
    words.addAll(List.of(SPECIAL_WORDS));
    while (words.size() < size) {
      int n = 1 + rnd.nextInt(4);
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < n; i++) {
        w.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
      }
      words.add(w.toString());
    }
    cumulative = new double[words.size()];
    double sum = 0;
    for (int r = 0; r < cumulative.length; r++) {
      sum += 1.0 / (r + 1);
      cumulative[r] = sum;
    }
  }

  /** {@code n} sentences from the random stream {@code rnd}. */
  List<String> sentences(SplittableRandom rnd, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(sentence(rnd));
    }
    return out;
  }

  private String sentence(SplittableRandom rnd) {
    int len = rnd.nextInt(10) == 0 ? 60 + rnd.nextInt(61) : 3 + rnd.nextInt(30);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < len; i++) {
      String w = rnd.nextInt(25) == 0 ? String.valueOf(rnd.nextInt(3000)) : word(rnd);
      if (i == 0) {
        w = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
      } else {
        s.append(rnd.nextInt(40) == 0 ? "  " : " ");
      }
      s.append(w);
      if (i + 1 < len && rnd.nextInt(12) == 0) {
        s.append(rnd.nextInt(3) == 0 ? ";" : ",");
      }
    }
    int end = rnd.nextInt(10);
    return s.append(end < 7 ? "." : end < 9 ? "?" : "!").toString();
  }

  private String word(SplittableRandom rnd) {
    double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return words.get(lo);
  }
}
