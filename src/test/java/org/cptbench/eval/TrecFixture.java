package org.cptbench.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small qrels + run pair whose trec_eval 10.0 values were worked out by hand (and agree with trec_eval -c).
 *
 * <ul>
 *   <li>q1: d1=2, d2=0, d3=0, d4=3, d5=1. Run: d3 5.0, d1 4.0, d2 4.0, dx 3.0 (unjudged), d4 1.0. trec_eval breaks
 *       the d1/d2 tie by doc id descending: d3, d2, d1, dx, d4 (ascending tie-breaking would give d3, d1, d2, ...).
 *   <li>q2: a=1. Run: a 2.0, b 2.0 -> b, a (tie, "b" > "a").
 *   <li>q3: z=2, absent from the run (scores 0 with -c).
 *   <li>q4: r=1, retrieved at rank 11 after n01..n10.
 *   <li>q5: k=0 only (no relevant doc; still counts in the mean).
 *   <li>q9: in the run only (ignored).
 * </ul>
 */
public final class TrecFixture {
  private TrecFixture() {}

  public static final String QRELS =
      """
      q1 0 d1 2
      q1 0 d2 0
      q1 0 d3 0
      q1 0 d4 3
      q1 0 d5 1
      q2 0 a 1
      q3 0 z 2
      q4 0 r 1
      q5 0 k 0
      """;

  public static String run() {
    StringBuilder sb = new StringBuilder();
    sb.append("q1 Q0 d3 1 5.0 t\n");
    sb.append("q1 Q0 d1 2 4.0 t\n");
    sb.append("q1 Q0 d2 3 4.0 t\n");
    sb.append("q1 Q0 dx 4 3.0 t\n");
    sb.append("q1 Q0 d4 5 1.0 t\n");
    sb.append("q2 Q0 a 1 2.0 t\n");
    sb.append("q2 Q0 b 2 2.0 t\n");
    for (int i = 1; i <= 10; i++) {
      sb.append(String.format("q4 Q0 n%02d %d %d t", i, i, 21 - i)).append('\n');
    }
    sb.append("q4 Q0 r 11 10 t\n");
    sb.append("q5 Q0 k 1 1.0 t\n");
    sb.append("q9 Q0 d1 1 1.0 t\n");
    return sb.toString();
  }

  public static Path writeQrels(Path dir) throws IOException {
    return Files.writeString(dir.resolve("qrels.txt"), QRELS);
  }

  public static Path writeRun(Path dir) throws IOException {
    return Files.writeString(dir.resolve("run.txt"), run());
  }
}
