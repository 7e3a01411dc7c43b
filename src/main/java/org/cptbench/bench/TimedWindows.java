package org.cptbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The timing protocol of {@code bench train|pretrain} for one repeated unit of work (a training step, an encoding
 * pass): {@code warmup} untimed runs, then {@link JitSettle} for at most {@code settleSeconds}, then {@code windows}
 * timed windows of {@code perWindow} runs each, with the JIT compiler's milliseconds inside the timed windows.
 *
 * @param seconds each timed window's wall time
 * @param settle what {@link JitSettle#settle} recorded
 * @param jitMsTimed the compiler's milliseconds during the timed windows
 */
record TimedWindows(List<Double> seconds, int perWindow, Map<String, Object> settle, long jitMsTimed) {

  static TimedWindows run(Runnable unit, int warmup, double settleSeconds, int windows, int perWindow) {
    for (int i = 0; i < warmup; i++) {
      unit.run();
    }
    Map<String, Object> settle = JitSettle.settle(unit, settleSeconds);
    long jit = JitSettle.compilationMillis();
    List<Double> seconds = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      long start = System.nanoTime();
      for (int i = 0; i < perWindow; i++) {
        unit.run();
      }
      seconds.add((System.nanoTime() - start) / 1e9);
    }
    return new TimedWindows(seconds, perWindow, settle, JitSettle.compilationMillis() - jit);
  }

  /** Each window's rate when one run handles {@code itemsPerRun} items (pairs, sequences, tokens). */
  List<Double> rates(double itemsPerRun) {
    return seconds.stream().map(s -> perWindow * itemsPerRun / s).toList();
  }
}
