package org.cptbench.model;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The float32 square root that libtorch's CPU {@code sqrt} computes: MKL's vector math {@code vmsSqrt} in
 * high-accuracy mode ({@code VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE}, as PyTorch's {@code vml.h} calls it),
 * from the MKL inside {@code libtorch_cpu.so} (its Fortran entry {@code VMSSQRT_}, LP64). It is not correctly
 * rounded (measured: 0.6 % of results one unit in the last place away from {@code Math.sqrt}), so Java code that
 * must reproduce libtorch's {@code sqrt} bit for bit calls this. Elementwise: a result does not depend on how the
 * input is cut into calls.
 */
public final class VmlSqrt {
  /** VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE. */
  private static final long MODE = 0x2L | 0x140000L | 0x100L;

  private static volatile Optional<VmlSqrt> instance;

  private final MethodHandle vmssqrt;

  private VmlSqrt(MethodHandle vmssqrt) {
    this.vmssqrt = vmssqrt;
  }

  /**
   * The MKL square root of the loaded libtorch, or empty where libtorch has none (a build without MKL, another
   * architecture): there libtorch's {@code sqrt} is not MKL's, and callers use libtorch's operation.
   */
  public static Optional<VmlSqrt> find() {
    Optional<VmlSqrt> v = instance;
    if (v == null) {
      synchronized (VmlSqrt.class) {
        if (instance == null) {
          instance = bind();
        }
        v = instance;
      }
    }
    return v;
  }

  private static Optional<VmlSqrt> bind() {
    LibTorchCpu lib;
    try {
      lib = LibTorchCpu.open("MKL's vmsSqrt");
    } catch (RuntimeException e) { // libtorch_cpu.so not found among the mapped libraries
      return Optional.empty();
    }
    return lib.find("VMSSQRT_", FunctionDescriptor.ofVoid(
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS))
        .map(VmlSqrt::new);
  }

  /** One thread's argument cells: the element count and the mode, passed by reference as Fortran does. */
  public static final class Args {
    private final MemorySegment n;
    private final MemorySegment mode;

    public Args(Arena arena) {
      n = arena.allocate(ValueLayout.JAVA_INT);
      mode = arena.allocateFrom(ValueLayout.JAVA_LONG, MODE);
    }
  }

  /** {@code out[i] = sqrt(in[i])} for the first {@code count} floats of {@code in} (not overlapping {@code out}). */
  public void sqrt(Args args, MemorySegment in, MemorySegment out, int count) {
    args.n.set(ValueLayout.JAVA_INT, 0, count);
    try {
      vmssqrt.invokeExact(args.n, in, out, args.mode);
    } catch (Throwable e) {
      throw new IllegalStateException("MKL vmsSqrt failed", e);
    }
  }
}
