package org.cptbench.model;

import ai.djl.Device;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.cptbench.CptbenchException;

/**
 * A scope in which libtorch runs matrix products in bf16, as {@code torch.autocast(device, torch.bfloat16)}:
 * libtorch's autocast dispatch key casts the operands of {@code linear}, {@code matmul}, {@code bmm} (and the other
 * ops of its lower-precision list) to bf16 and leaves every other op in the precision of its inputs. Gradients flow
 * back through the casts into the fp32 parameters.
 *
 * <p>Why not {@code NDArray.toType(DataType.BFLOAT16)}: DJL 0.36's JNI maps only DJL data types 0..8 to torch
 * scalar types ({@code GetScalarTypeFromDType} in {@code djl_pytorch_utils.h}); BFLOAT16 (ordinal 11) reaches its
 * {@code default: throw;}, which terminates the JVM ("terminate called without an active exception"). bf16 tensors
 * that libtorch makes are fine, DJL reports their type as {@code UNKNOWN} and converts them back with
 * {@code toType(FLOAT32)}. So this class switches libtorch's own autocast on through the Java FFM API, calling the
 * exported C++ functions {@code at::autocast::set_autocast_enabled(c10::DeviceType, bool)} and friends of the
 * loaded {@code libtorch_cpu.so} (the same library in CPU and CUDA builds).
 *
 * <p>Autocast state is thread-local in libtorch and DJL calls libtorch on the calling thread, so a scope covers the
 * DJL calls of the thread that opened it; close it on that thread. Like Python's {@code autocast.__exit__}, leaving
 * the outermost scope clears libtorch's cache of bf16 copies of leaf parameters (stale after an optimizer step).
 * Backward passes run outside the scope, as PyTorch recommends.
 */
public final class Autocast implements Precision.Scope {
  /** c10::ScalarType::BFloat16. */
  private static final byte BFLOAT16 = 15;

  private static volatile Native lib;

  private final byte deviceType;
  private final boolean wasEnabled;
  private final byte previousType;

  private Autocast(byte deviceType) {
    Native n = lib();
    this.deviceType = deviceType;
    try {
      this.wasEnabled = (boolean) n.isEnabled.invokeExact(deviceType);
      this.previousType = (byte) n.getDtype.invokeExact(deviceType);
      n.setDtype.invokeExact(deviceType, BFLOAT16);
      n.setEnabled.invokeExact(deviceType, true);
      long depth = (long) n.increment.invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("libtorch autocast call failed", e);
    }
  }

  /** Matrix products on {@code device} in bf16 until {@link #close()}. */
  public static Autocast bf16(Device device) {
    return new Autocast(deviceType(device));
  }

  /** Whether bf16 autocast is on for {@code device} in this thread (for tests). */
  public static boolean enabled(Device device) {
    try {
      return (boolean) lib().isEnabled.invokeExact(deviceType(device));
    } catch (Throwable e) {
      throw new IllegalStateException("libtorch autocast call failed", e);
    }
  }

  @Override
  public void close() {
    Native n = lib();
    try {
      long depth = (long) n.decrement.invokeExact();
      if (depth == 0) {
        n.clearCache.invokeExact();
      }
      n.setEnabled.invokeExact(deviceType, wasEnabled);
      n.setDtype.invokeExact(deviceType, previousType);
    } catch (Throwable e) {
      throw new IllegalStateException("libtorch autocast call failed", e);
    }
  }

  /** c10::DeviceType of a DJL device: CPU 0, CUDA 1. */
  private static byte deviceType(Device device) {
    if (device.isGpu()) {
      return 1;
    }
    if (Device.Type.CPU.equals(device.getDeviceType())) {
      return 0;
    }
    throw new CptbenchException("precision: bf16 is not supported on device " + device + "; allowed: cpu, cuda");
  }

  private record Native(
      MethodHandle setEnabled,
      MethodHandle isEnabled,
      MethodHandle setDtype,
      MethodHandle getDtype,
      MethodHandle increment,
      MethodHandle decrement,
      MethodHandle clearCache) {}

  private static Native lib() {
    Native n = lib;
    if (n == null) {
      synchronized (Autocast.class) {
        if (lib == null) {
          lib = bind();
        }
        n = lib;
      }
    }
    return n;
  }

  private static Native bind() {
    LibTorchCpu lib = LibTorchCpu.open("precision bf16");
    ValueLayout.OfByte dev = ValueLayout.JAVA_BYTE; // c10::DeviceType and c10::ScalarType are int8 enums
    return new Native(
        handle(lib, "_ZN2at8autocast20set_autocast_enabledEN3c1010DeviceTypeEb",
            FunctionDescriptor.ofVoid(dev, ValueLayout.JAVA_BOOLEAN)),
        handle(lib, "_ZN2at8autocast19is_autocast_enabledEN3c1010DeviceTypeE",
            FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, dev)),
        handle(lib, "_ZN2at8autocast18set_autocast_dtypeEN3c1010DeviceTypeENS1_10ScalarTypeE",
            FunctionDescriptor.ofVoid(dev, ValueLayout.JAVA_BYTE)),
        handle(lib, "_ZN2at8autocast18get_autocast_dtypeEN3c1010DeviceTypeE",
            FunctionDescriptor.of(ValueLayout.JAVA_BYTE, dev)),
        handle(lib, "_ZN2at8autocast17increment_nestingEv",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG)),
        handle(lib, "_ZN2at8autocast17decrement_nestingEv",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG)),
        handle(lib, "_ZN2at8autocast11clear_cacheEv", FunctionDescriptor.ofVoid()));
  }

  private static MethodHandle handle(LibTorchCpu lib, String symbol, FunctionDescriptor fd) {
    return lib.function(symbol, fd, "a libtorch without autocast?");
  }
}
