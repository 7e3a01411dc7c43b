package org.cptbench.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cptbench.model.Bf16Support;
import org.cptbench.model.ComputeDevice;
import org.cptbench.model.TorchOps;

/**
 * The machine's speed on one bare matrix product, measured by {@code ./harness bench train|pretrain} before its
 * runs: a {@code [m, k] x [k, n]} product (default 4096 x 1024 x 1024, the shape the peers' README and issue 12
 * quote) in fp32 and, where the device multiplies bf16 natively, in bf16, through the same libtorch as the runs.
 * Virtual machines of one type differ by up to 2x from day to day (2026-12-01: fp32 217 against 386-410 GFLOP/s
 * the day before), so a throughput figure is only comparable across days beside the host's own product speed.
 */
public final class HostProducts {
  private HostProducts() {}

  /** The shape of the peers' figures. */
  public static final int M = 4096;

  public static final int K = 1024;
  public static final int N = 1024;

  /** Untimed products first, for at least this long: a JVM that has just started is still compiling on its cores. */
  private static final long WARMUP_NANOS = 1_000_000_000L;

  private static final int TIMED = 7;

  /**
   * {@code {"shape": "MxKxN", "fp32_gflops": ..., "bf16_gflops": ...}} (bf16 only where the device runs it
   * natively): the fastest of {@value #TIMED} timed products, after untimed ones for a second. The fastest, not the
   * median: the figure is the machine's capability, and any interference (this JVM's own compiler threads, a
   * neighbour on the host) only slows a product down. On a JVM that had just started, the median of seven products
   * after three untimed ones gave 154-177 GFLOP/s fp32 in three runs out of seven and 280-318 in the others.
   */
  public static Map<String, Object> measure(Device device, int m, int k, int n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("shape", m + "x" + k + "x" + n);
    out.put("device", ComputeDevice.label(device));
    try (NDManager manager = NDManager.newBaseManager(device)) {
      NDArray a = manager.randomNormal(new Shape(m, k));
      NDArray b = manager.randomNormal(new Shape(k, n));
      out.put("fp32_gflops", gflops(a, b, m, k, n, device));
      if (Bf16Support.nativeOn(device)) {
        out.put("bf16_gflops", gflops(TorchOps.toBf16(a), TorchOps.toBf16(b), m, k, n, device));
      }
    }
    return out;
  }

  /** The line {@code bench} prints. */
  public static String describe(Map<String, Object> r) {
    StringBuilder s = new StringBuilder("host product " + r.get("shape") + " on " + r.get("device") + ": ");
    s.append(String.format(Locale.ROOT, "fp32 %.0f GFLOP/s", ((Number) r.get("fp32_gflops")).doubleValue()));
    if (r.containsKey("bf16_gflops")) {
      s.append(String.format(Locale.ROOT, ", bf16 %.0f GFLOP/s", ((Number) r.get("bf16_gflops")).doubleValue()));
    }
    return s.append(" (fastest of ").append(TIMED).append(")").toString();
  }

  private static double gflops(NDArray a, NDArray b, int m, int k, int n, Device device) {
    long warm = System.nanoTime();
    do {
      product(a, b, device);
    } while (System.nanoTime() - warm < WARMUP_NANOS);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < TIMED; i++) {
      long start = System.nanoTime();
      product(a, b, device);
      best = Math.min(best, System.nanoTime() - start);
    }
    return 2.0 * m * k * n / best;
  }

  private static void product(NDArray a, NDArray b, Device device) {
    try (NDArray c = a.matMul(b)) {
      if (device.isGpu()) {
        try (NDArray row = c.get(0);
            NDArray row32 = TorchOps.toFloat32(row)) {
          row32.getFloat(0); // waits for the device
        }
      }
    }
  }
}
