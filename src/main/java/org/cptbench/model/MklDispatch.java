package org.cptbench.model;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.cptbench.CptbenchException;

/**
 * Lets Intel MKL (linked statically into DJL's libtorch) use its AVX-512 kernels on non-Intel x86 CPUs.
 *
 * <p>MKL picks its code path only after {@code mkl_serv_intel_cpu_true()} says the CPU's vendor string is
 * "GenuineIntel"; on AMD it falls back to a generic path whatever the CPU supports. On this project's AMD EPYC
 * (AVX-512) that halves matrix-multiply throughput: 186 GFLOP/s instead of 400 for a 4096x256x1024 SGEMM, and
 * the encoder's training and encoding speed with it. The well-known workaround is to make that function return
 * 1; MKL then selects its kernels from the CPU feature flags (CPUID) as it does on Intel, so a CPU without
 * AVX-512 gets the AVX2 kernels. This class does it in-process, without a C compiler or {@code LD_PRELOAD}: it
 * finds the function in the loaded {@code libtorch_cpu.so}, makes its page writable and overwrites its first
 * bytes with {@code mov eax, 1; ret}.
 *
 * <p>It must run before the first matrix multiply (MKL caches its choice); {@code cli.Main} does it when a verb
 * that runs models starts. {@code CPTBENCH_MKL=off} (or {@code -Dcptbench.mkl=off}) leaves MKL untouched. The
 * outcome is part of every run's provenance ({@link #status()}).
 */
public final class MklDispatch {
  /** The setting's name in the environment, and as a system property {@code cptbench.mkl}. */
  public static final String ENV = "CPTBENCH_MKL";

  /** What the user asked for. */
  public enum Mode {
    AUTO,
    OFF
  }

  /** What happened: a short state and a sentence. */
  public record Status(String state, String detail) {
    @Override
    public String toString() {
      return state + " (" + detail + ")";
    }
  }

  static final String FUNCTION = "mkl_serv_intel_cpu_true";
  /** {@code mov eax, 1; ret}. */
  private static final byte[] RETURN_ONE = {(byte) 0xB8, 1, 0, 0, 0, (byte) 0xC3};

  private static final int PROT_READ = 1;
  private static final int PROT_WRITE = 2;
  private static final int PROT_EXEC = 4;

  private static Status status = new Status("untouched", "MklDispatch.configure was not called");

  private MklDispatch() {}

  /** The outcome of the last {@link #configure}. */
  public static synchronized Status status() {
    return status;
  }

  /** The mode from {@code -Dcptbench.mkl} or {@code CPTBENCH_MKL} (default auto); a bad value is an error. */
  public static Mode modeFromEnvironment() {
    String value = System.getProperty("cptbench.mkl", System.getenv(ENV));
    if (value == null || value.isBlank()) {
      return Mode.AUTO;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto", "on" -> Mode.AUTO;
      case "off" -> Mode.OFF;
      default -> throw new CptbenchException(ENV + ": '" + value + "' is not a valid value; allowed: auto, off");
    };
  }

  /** Applies {@code mode}; never throws for platform reasons (the outcome says what happened). */
  public static synchronized Status configure(Mode mode) {
    status = decide(mode);
    return status;
  }

  private static Status decide(Mode mode) {
    if (mode == Mode.OFF) {
      return new Status("off", ENV + "=off: MKL chooses its code path itself");
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return new Status("not-applicable", "only Linux x86-64 is handled, this is " + os + " " + arch);
    }
    String cpuinfo;
    try {
      cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
    } catch (IOException e) {
      return new Status("not-applicable", "cannot read /proc/cpuinfo: " + e.getMessage());
    }
    String vendor = field(cpuinfo, "vendor_id").orElse("unknown");
    if (vendor.equals("GenuineIntel")) {
      return new Status("intel", "Intel CPU: MKL already uses its fastest kernels");
    }
    String flags = " " + field(cpuinfo, "flags").orElse("") + " ";
    if (!flags.contains(" avx2 ")) {
      return new Status("not-applicable", vendor + " CPU without AVX2: left to MKL's generic path");
    }
    try {
      ai.djl.engine.Engine.getEngine("PyTorch"); // loads libtorch (and MKL with it)
      Optional<Path> lib = loadedLibrary("libtorch_cpu.so");
      if (lib.isEmpty()) {
        return new Status("no-mkl", "libtorch_cpu.so is not mapped in this process");
      }
      Optional<MemorySegment> fn = SymbolLookup.libraryLookup(lib.get(), Arena.global()).find(FUNCTION);
      if (fn.isEmpty()) {
        return new Status("no-mkl", lib.get() + " has no " + FUNCTION + " (not an MKL build)");
      }
      patch(fn.get());
      MethodHandle check =
          Linker.nativeLinker().downcallHandle(fn.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
      int result = (int) check.invokeExact();
      if (result != 1) {
        return new Status("failed", FUNCTION + " still returns " + result + " after patching");
      }
      String isa = flags.contains(" avx512f ") ? "AVX-512" : "AVX2";
      return new Status("patched", vendor + " CPU: MKL uses its " + isa + " kernels (" + FUNCTION + " returns 1)");
    } catch (Throwable e) {
      return new Status("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Overwrites the function's first bytes (its page made writable for the moment). */
  private static void patch(MemorySegment fn) throws Throwable {
    MemorySegment code = fn.reinterpret(RETURN_ONE.length);
    if (code.asByteBuffer().equals(java.nio.ByteBuffer.wrap(RETURN_ONE))) {
      return; // already done in this process
    }
    Linker linker = Linker.nativeLinker();
    MethodHandle mprotect =
        linker.downcallHandle(
            linker.defaultLookup().find("mprotect").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    long page = 4096;
    long start = fn.address() & -page;
    long length = fn.address() + RETURN_ONE.length - start;
    MemorySegment region = MemorySegment.ofAddress(start);
    int rc = (int) mprotect.invokeExact(region, length, PROT_READ | PROT_WRITE | PROT_EXEC);
    if (rc != 0) {
      throw new IllegalStateException("mprotect(RWX) failed (" + rc + "); the system forbids writable code");
    }
    MemorySegment.copy(RETURN_ONE, 0, code, ValueLayout.JAVA_BYTE, 0, RETURN_ONE.length);
    rc = (int) mprotect.invokeExact(region, length, PROT_READ | PROT_EXEC);
    if (rc != 0) {
      throw new IllegalStateException("mprotect(RX) failed (" + rc + ")");
    }
  }

  /** The first "name : value" line's value in /proc/cpuinfo. */
  static Optional<String> field(String cpuinfo, String name) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
        return Optional.of(line.substring(colon + 1).trim());
      }
    }
    return Optional.empty();
  }

  /** The path of a shared library mapped into this process (from /proc/self/maps). */
  static Optional<Path> loadedLibrary(String fileName) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
      int slash = line.indexOf('/');
      if (slash >= 0 && line.endsWith("/" + fileName)) {
        return Optional.of(Path.of(line.substring(slash)));
      }
    }
    return Optional.empty();
  }
}
