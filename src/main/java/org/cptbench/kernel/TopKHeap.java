package org.cptbench.kernel;

/**
 * Bounded min-heap keeping the best {@code capacity} (score, doc) pairs, where "better" means a higher score or, at
 * equal scores, a lower {@code tieOrder[doc]}. The root is the worst kept pair, so a candidate is rejected with one
 * comparison against {@link #threshold()} in the common case.
 */
final class TopKHeap {
  private final int capacity;
  private final int[] tieOrder;
  private final float[] scores;
  private final int[] docs;
  private int size;

  TopKHeap(int capacity, int[] tieOrder) {
    this.capacity = capacity;
    this.tieOrder = tieOrder;
    this.scores = new float[capacity];
    this.docs = new int[capacity];
  }

  /** Scores below this value can never enter; scores equal to it may (tie order decides). */
  float threshold() {
    return size < capacity ? Float.NEGATIVE_INFINITY : scores[0];
  }

  /** True when pair a = (sa, da) ranks after pair b = (sb, db). */
  private boolean worse(float sa, int da, float sb, int db) {
    return sa < sb || (sa == sb && tieOrder[da] > tieOrder[db]);
  }

  void offer(float score, int doc) {
    if (size < capacity) {
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!worse(score, doc, scores[parent], docs[parent])) {
          break;
        }
        scores[i] = scores[parent];
        docs[i] = docs[parent];
        i = parent;
      }
      scores[i] = score;
      docs[i] = doc;
    } else if (capacity > 0 && worse(scores[0], docs[0], score, doc)) {
      siftDown(score, doc, size);
    }
  }

  /** Places (score, doc) at the root and restores the heap over the first {@code n} slots. */
  private void siftDown(float score, int doc, int n) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && worse(scores[child + 1], docs[child + 1], scores[child], docs[child])) {
        child++;
      }
      if (!worse(scores[child], docs[child], score, doc)) {
        break;
      }
      scores[i] = scores[child];
      docs[i] = docs[child];
      i = child;
    }
    scores[i] = score;
    docs[i] = doc;
  }

  /** Empties the heap into best-first arrays of length {@code size()}: {@code outDocs[0]} is the best. */
  void drainSorted(int[] outDocs, float[] outScores) {
    for (int n = size; n > 0; n--) {
      outDocs[n - 1] = docs[0];
      outScores[n - 1] = scores[0];
      siftDown(scores[n - 1], docs[n - 1], n - 1);
    }
    size = 0;
  }

  int size() {
    return size;
  }
}
