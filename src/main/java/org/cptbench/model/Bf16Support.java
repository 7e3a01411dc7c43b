package org.cptbench.model;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a device multiplies bf16 matrices natively, the test behind {@link Precision#AUTO}: an x86 CPU whose
 * {@code /proc/cpuinfo} flags include {@code avx512_bf16} or {@code amx_bf16} (oneDNN then runs bf16 products
 * with AVX512-BF16 or AMX tiles), or a CUDA device of compute capability 8.0 or higher (Ampere and later). Elsewhere
 * bf16 products are emulated and slower than fp32.
 */
public final class Bf16Support {
  private Bf16Support() {}

  /** Whether {@code device} runs bf16 matrix products natively. */
  public static boolean nativeOn(Device device) {
    if (device.isGpu()) {
      return cudaCapability(device.getDeviceId()) >= 80;
    }
    return cpuFlags(cpuinfo());
  }

  /** A one-line description of the bf16 support of {@code device}, for provenance and logs. */
  public static String describe(Device device) {
    if (device.isGpu()) {
      int cc = cudaCapability(device.getDeviceId());
      return "cuda:" + device.getDeviceId() + " compute capability " + (cc < 0 ? "unknown" : cc / 10 + "." + cc % 10)
          + (cc >= 80 ? ": native bf16" : ": no native bf16");
    }
    String flags = flags(cpuinfo());
    StringBuilder found = new StringBuilder();
    for (String f : new String[] {"avx512_bf16", "amx_bf16"}) {
      if (flags.contains(" " + f + " ")) {
        found.append(found.isEmpty() ? "" : " ").append(f);
      }
    }
    return found.isEmpty() ? "cpu without avx512_bf16/amx_bf16: no native bf16" : "cpu flags " + found + ": native bf16";
  }

  /** Whether /proc/cpuinfo text lists a native bf16 instruction set. */
  static boolean cpuFlags(String cpuinfo) {
    String flags = flags(cpuinfo);
    return flags.contains(" avx512_bf16 ") || flags.contains(" amx_bf16 ");
  }

  private static String flags(String cpuinfo) {
    return " " + MklDispatch.field(cpuinfo, "flags").orElse("").toLowerCase(Locale.ROOT) + " ";
  }

  private static String cpuinfo() {
    try {
      return Files.readString(Path.of("/proc/cpuinfo"));
    } catch (IOException | RuntimeException e) {
      return ""; // not Linux: no flags known, so no native bf16 claimed
    }
  }

  /** Compute capability as major*10+minor (80 for 8.0), or -1 when unknown. */
  private static int cudaCapability(int id) {
    try {
      return Integer.parseInt(CudaUtils.getComputeCapability(id));
    } catch (RuntimeException | LinkageError e) {
      return -1;
    }
  }
}
