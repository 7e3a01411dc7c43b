package org.cptbench.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warm-up until the JVM's JIT compiler is quiet, for {@code bench train|pretrain}.
 *
 * <p>A new JVM compiles for several seconds on the same cores as the measured work. On 2 vCPUs (2026-12-01, tiny
 * bf16 training) the compiler threads used up to 70 % of a core between 4 and 6.5 s after start. Windows timed then
 * ran at 976–1,319 pairs/s, and the same run's later windows at 1,502–1,558. A fixed number of warm-up steps does
 * not cover that: after 40 steps, windows still varied from 1,021 to 1,810. This class keeps running warm-up work
 * until the compiler used less than {@value #QUIET_PERCENT} % of the wall time of {@value #QUIET_WINDOWS} consecutive
 * windows, or until a time limit. (It does not catch every late compilation: training still had 53-235 ms of it
 * inside its 1-3 s of timed windows, which the JSON records; encoding 1-27 ms.) The timed windows then measure the
 * steady state that a long training run spends its time in. The peers (Python) have no JIT, so their warm-up steps
 * suffice.
 */
final class JitSettle {
  private JitSettle() {}

  static final int QUIET_PERCENT = 5;

  /** Consecutive quiet windows that end the warm-up. */
  static final int QUIET_WINDOWS = 2;

  /** The wall time of one settling window. */
  private static final long WINDOW_NANOS = 500_000_000L;

  /**
   * Runs {@code work} until {@value #QUIET_WINDOWS} consecutive windows of at least 0.5 s in each of which the JIT
   * compiler used under {@value #QUIET_PERCENT} % of the wall time, or until {@code maxSeconds} have passed (0: not
   * at all). The returned map records what happened, for the benchmark's JSON: {@code settle_runs} (extra runs of {@code work}), {@code settle_s},
   * {@code settled} (false: the limit came first, or the JVM does not report compilation time).
   */
  static Map<String, Object> settle(Runnable work, double maxSeconds) {
    return settle(work, maxSeconds, JitSettle::compilationMillis);
  }

  /** {@link #settle(Runnable, double)} with the compiler's accumulated ms from {@code jitMillis} (tests). */
  static Map<String, Object> settle(Runnable work, double maxSeconds, java.util.function.LongSupplier jitMillis) {
    Map<String, Object> out = new LinkedHashMap<>();
    long limit = (long) (maxSeconds * 1e9);
    long begin = System.nanoTime();
    int runs = 0;
    boolean settled = false;
    int quiet = 0;
    if (limit > 0 && jitMillis.getAsLong() >= 0) {
      while (System.nanoTime() - begin < limit) {
        long jit = jitMillis.getAsLong();
        long start = System.nanoTime();
        do {
          work.run();
          runs++;
        } while (System.nanoTime() - start < WINDOW_NANOS);
        double wallMs = (System.nanoTime() - start) / 1e6;
        quiet = (jitMillis.getAsLong() - jit) * 100.0 < QUIET_PERCENT * wallMs ? quiet + 1 : 0;
        if (quiet == QUIET_WINDOWS) {
          settled = true;
          break;
        }
      }
    }
    out.put("settle_runs", runs);
    out.put("settle_s", (System.nanoTime() - begin) / 1e9);
    out.put("settled", settled);
    return out;
  }

  /**
   * The JIT compiler's accumulated time in ms, summed over its threads, or -1 where the JVM does not report it. A
   * timed window records the difference, to show how much compilation ran during it.
   */
  static long compilationMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }
}
