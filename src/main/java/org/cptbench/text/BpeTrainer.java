package org.cptbench.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Trains a byte-level BPE vocabulary (Sennrich et al. 2016, in the byte-level form of GPT-2, Radford et al. 2019).
 *
 * <p>Algorithm: the training text (the first {@code maxChars} characters of the input texts, in order) is split into
 * GPT-2 pre-tokens ({@link ByteLevel#split}); each distinct pre-token is a word with a frequency, starting as its
 * UTF-8 bytes. The vocabulary starts as the 6 special tokens and the 256 bytes. Then, until the vocabulary has
 * {@code vocabSize} tokens: take the adjacent pair with the highest total frequency {@code sum_w freq(w) *
 * occurrences(pair, w)}; ties go to the pair whose left token string is lexicographically smallest, then the right
 * one (Java {@link String#compareTo} on the byte-level strings); stop when the best count is below {@code
 * minPairFrequency} or no pair is left. The pair becomes a merge; every occurrence in every word is replaced left to
 * right, and the pair counts of the affected words only are updated (incremental counts with a lazy max-heap, as in
 * HF {@code BpeTrainer}). A merge whose string would equal a special token (e.g. {@code <[} + {@code >}) is never
 * learned, so text can never spell a delimiter. A merge whose string already is a token reuses that token's id.
 *
 * <p>The result depends only on the text and the configuration: training twice gives identical models.
 */
public final class BpeTrainer {
  /**
   * Training settings.
   *
   * @param vocabSize target vocabulary size including the 6 special and 256 byte tokens (at least 262)
   * @param maxChars use at most this many characters of the input (a prefix in input order); {@code
   *     Long.MAX_VALUE} for all
   * @param minPairFrequency do not learn merges of pairs seen fewer times than this (at least 1)
   */
  public record Config(int vocabSize, long maxChars, int minPairFrequency) {
    public static final int DEFAULT_VOCAB_SIZE = 8192;

    public Config {
      if (vocabSize < BpeModel.BASE_VOCAB) {
        throw new IllegalArgumentException(
            "vocabSize: " + vocabSize + ", must be at least " + BpeModel.BASE_VOCAB + " (6 special + 256 bytes)");
      }
      if (maxChars < 1) {
        throw new IllegalArgumentException("maxChars: " + maxChars + ", must be at least 1");
      }
      if (minPairFrequency < 1) {
        throw new IllegalArgumentException("minPairFrequency: " + minPairFrequency + ", must be at least 1");
      }
    }

    /** Vocabulary 8192, all text, pairs seen at least twice. */
    public static Config defaults() {
      return new Config(DEFAULT_VOCAB_SIZE, Long.MAX_VALUE, 2);
    }

    public Config withVocabSize(int size) {
      return new Config(size, maxChars, minPairFrequency);
    }

    public Config withMaxChars(long chars) {
      return new Config(vocabSize, chars, minPairFrequency);
    }
  }

  private final Config config;

  public BpeTrainer(Config config) {
    this.config = config;
  }

  /** Trains on texts from a stream (consumed in order). */
  public BpeModel train(Stream<String> texts) {
    return train(texts::iterator);
  }

  /** Trains on texts in iteration order. */
  public BpeModel train(Iterable<String> texts) {
    return learn(countWords(texts.iterator()));
  }

  /** Pre-token (raw string) frequencies of the first {@code maxChars} characters. Sorted for determinism. */
  private TreeMap<String, long[]> countWords(Iterator<String> texts) {
    Map<String, long[]> counts = new HashMap<>();
    long budget = config.maxChars();
    while (budget > 0 && texts.hasNext()) {
      String text = texts.next();
      if (text.length() > budget) {
        int cut = (int) budget;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
          cut--;
        }
        text = text.substring(0, cut);
      }
      budget -= text.length();
      for (String piece : ByteLevel.split(ByteLevel.replaceLoneSurrogates(text))) {
        counts.computeIfAbsent(piece, k -> new long[1])[0]++;
      }
    }
    return new TreeMap<>(counts);
  }

  private BpeModel learn(TreeMap<String, long[]> wordCounts) {
    List<String> tokens = new ArrayList<>(SpecialTokens.ALL);
    for (int b = 0; b < 256; b++) {
      tokens.add(String.valueOf(ByteLevel.byteToChar(b)));
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      ids.put(tokens.get(i), i);
    }
    Set<String> forbidden = new HashSet<>(SpecialTokens.ALL);

    int n = wordCounts.size();
    int[][] sym = new int[n][];
    int[] len = new int[n];
    long[] freq = new long[n];
    int w = 0;
    for (Map.Entry<String, long[]> e : wordCounts.entrySet()) {
      byte[] bytes = e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      sym[w] = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        sym[w][i] = BpeModel.BYTE_OFFSET + (bytes[i] & 0xFF);
      }
      len[w] = bytes.length;
      freq[w] = e.getValue()[0];
      w++;
    }

    Map<Long, long[]> count = new HashMap<>();
    Map<Long, IntList> where = new HashMap<>();
    for (w = 0; w < n; w++) {
      for (int i = 0; i + 1 < len[w]; i++) {
        long key = BpeModel.pairKey(sym[w][i], sym[w][i + 1]);
        count.computeIfAbsent(key, k -> new long[1])[0] += freq[w];
        where.computeIfAbsent(key, k -> new IntList()).add(w);
      }
    }
    PriorityQueue<Candidate> heap =
        new PriorityQueue<>(
            (a, b) -> {
              int c = Long.compare(b.count, a.count);
              if (c != 0) {
                return c;
              }
              c = tokens.get(a.left).compareTo(tokens.get(b.left));
              return c != 0 ? c : tokens.get(a.right).compareTo(tokens.get(b.right));
            });
    for (Map.Entry<Long, long[]> e : count.entrySet()) {
      heap.add(new Candidate(e.getValue()[0], e.getKey()));
    }

    List<BpeModel.Merge> merges = new ArrayList<>();
    int[] stamp = new int[n];
    int round = 0;
    while (tokens.size() < config.vocabSize() && !heap.isEmpty()) {
      Candidate best = heap.poll();
      long[] current = count.get(best.key);
      if (current == null || current[0] != best.count) {
        continue; // stale entry: a fresher one with the current count is in the heap
      }
      if (best.count < config.minPairFrequency()) {
        break;
      }
      String merged = tokens.get(best.left) + tokens.get(best.right);
      if (forbidden.contains(merged)) {
        continue; // never re-pushed unless its count changes; then it is skipped again here
      }
      Integer known = ids.get(merged);
      int newId;
      if (known != null) {
        newId = known;
      } else {
        newId = tokens.size();
        tokens.add(merged);
        ids.put(merged, newId);
      }
      merges.add(new BpeModel.Merge(best.left, best.right, newId));

      round++;
      Set<Long> changed = new HashSet<>();
      IntList occurrences = where.remove(best.key);
      for (int k = 0; k < occurrences.size; k++) {
        int word = occurrences.values[k];
        if (stamp[word] == round) {
          continue;
        }
        stamp[word] = round;
        if (!contains(sym[word], len[word], best.left, best.right)) {
          continue; // stale: an earlier merge removed the pair from this word
        }
        addPairs(sym[word], len[word], -freq[word], count, changed);
        len[word] = mergeInPlace(sym[word], len[word], best.left, best.right, newId);
        addPairs(sym[word], len[word], freq[word], count, changed);
        for (int i = 0; i + 1 < len[word]; i++) {
          if (sym[word][i] == newId || sym[word][i + 1] == newId) {
            where.computeIfAbsent(BpeModel.pairKey(sym[word][i], sym[word][i + 1]), x -> new IntList()).add(word);
          }
        }
      }
      count.remove(best.key);
      changed.remove(best.key);
      for (long key : changed) {
        long[] c = count.get(key);
        if (c != null && c[0] > 0) {
          heap.add(new Candidate(c[0], key));
        } else {
          count.remove(key);
        }
      }
    }
    return new BpeModel(tokens, merges);
  }

  private static boolean contains(int[] s, int len, int a, int b) {
    for (int i = 0; i + 1 < len; i++) {
      if (s[i] == a && s[i + 1] == b) {
        return true;
      }
    }
    return false;
  }

  private static void addPairs(int[] s, int len, long delta, Map<Long, long[]> count, Set<Long> changed) {
    for (int i = 0; i + 1 < len; i++) {
      long key = BpeModel.pairKey(s[i], s[i + 1]);
      count.computeIfAbsent(key, k -> new long[1])[0] += delta;
      changed.add(key);
    }
  }

  /** Replaces every non-overlapping occurrence of (a, b), left to right, by {@code merged}; returns the new length. */
  private static int mergeInPlace(int[] s, int len, int a, int b, int merged) {
    int out = 0;
    for (int i = 0; i < len; i++) {
      if (i + 1 < len && s[i] == a && s[i + 1] == b) {
        s[out++] = merged;
        i++;
      } else {
        s[out++] = s[i];
      }
    }
    return out;
  }

  /** A heap entry: a pair and its count when pushed. */
  private static final class Candidate {
    final long count;
    final long key;
    final int left;
    final int right;

    Candidate(long count, long key) {
      this.count = count;
      this.key = key;
      this.left = (int) (key >>> 32);
      this.right = (int) key;
    }
  }

  /** A growable int array. */
  private static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
