package org.cptbench.train;

/** Independent seed streams derived from one root seed (SplitMix64 finaliser of root and stream id). */
public final class Seeds {
  private Seeds() {}

  public static long derive(long root, long stream) {
    long z = root + 0x9E3779B97F4A7C15L * (stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
