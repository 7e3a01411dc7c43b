package org.cptbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JitSettleTest {
  @Test
  void offRunsNothing() {
    int[] runs = {0};
    Map<String, Object> r = JitSettle.settle(() -> runs[0]++, 0);
    assertEquals(0, runs[0]);
    assertEquals(0, r.get("settle_runs"));
    assertFalse((Boolean) r.get("settled"));
  }

  @Test
  void quietWorkSettlesWithinOneOrTwoWindowsAndCountsItsRuns() {
    assertTrue(JitSettle.compilationMillis() >= 0, "HotSpot reports compilation time");
    int[] runs = {0};
    Map<String, Object> r = JitSettle.settle(() -> {
      runs[0]++;
      try {
        Thread.sleep(5); // no new code to compile: the compiler stays quiet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 10);
    assertTrue((Boolean) r.get("settled"), r.toString());
    assertEquals(runs[0], r.get("settle_runs"));
    assertTrue(runs[0] > 0 && (Double) r.get("settle_s") < 5, r.toString());
  }

  @Test
  void aCompilerBusyInEveryWindowRunsUntilTheLimitAndSaysItDidNotSettle() {
    long[] jit = {0};
    int[] runs = {0};
    // the compiler "uses" 100 ms per 10 ms run: 10x the wall time, never quiet
    Map<String, Object> r = JitSettle.settle(() -> {
      runs[0]++;
      jit[0] += 100;
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 1.2, () -> jit[0]);
    assertFalse((Boolean) r.get("settled"), r.toString());
    double s = (Double) r.get("settle_s");
    assertTrue(s >= 1.2 && s < 2.5, "stopped by the 1.2 s limit, after whole 0.5 s windows: " + r);
    assertEquals(runs[0], r.get("settle_runs"));
  }

  @Test
  void aJvmWithoutCompilationTimeDoesNotSettle() {
    int[] runs = {0};
    Map<String, Object> r = JitSettle.settle(() -> runs[0]++, 5, () -> -1);
    assertEquals(0, runs[0]);
    assertFalse((Boolean) r.get("settled"));
  }
}
