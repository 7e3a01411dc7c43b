package org.cptbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * libtorch operators that DJL 0.36 runs poorly in mixed precision, called directly through the JDK's FFM API (as
 * {@link Autocast} switches autocast on).
 *
 * <p>{@link #linear}: DJL's {@code Linear.linear} computes {@code x.matmul(w.t())} and then adds the bias in place.
 * Under autocast the product is bf16 and the bias fp32, so the in-place add converts the whole bf16 output to fp32
 * and back (three passes over the layer's largest activation; measured 22% of a small-preset bf16 training step).
 * libtorch's own {@code at::linear} goes through autocast's {@code linear} rule instead, as {@code torch.nn.Linear}
 * under {@code torch.autocast} does: input, weight and bias cast to bf16 (the leaf weight and bias through
 * autocast's cast cache) and one fused {@code addmm}.
 *
 * <p>{@link #toBf16}: DJL cannot cast to bf16 ({@link Autocast}), so an operand that several bf16 products share
 * would be converted by autocast once per product; converting it once saves the other passes.
 *
 * <p>The calls go through libtorch's dispatcher ({@code at::_ops::X::call}), so autograd records them as it records
 * DJL's calls. The C++ functions return an {@code at::Tensor} (one intrusive pointer) through a hidden first
 * argument; it is written into a heap object made with the C++ runtime's {@code operator new}, as DJL's own handles
 * are, and handed to DJL, which deletes it when the array is closed.
 */
public final class TorchOps {
  private TorchOps() {}

  private static volatile Native lib;

  /** c10::ScalarType::BFloat16. */
  private static final byte BFLOAT16 = 15;

  /** c10::ScalarType::Float. */
  private static final byte FLOAT32 = 6;

  /** std::optional of a one-byte enum: trivially copyable, so passed by value like a 2-byte C struct. */
  private static final MemoryLayout OPTIONAL_BYTE =
      MemoryLayout.structLayout(ValueLayout.JAVA_BYTE.withName("value"), ValueLayout.JAVA_BYTE.withName("engaged"));

  /**
   * std::optional&lt;double&gt;: trivially copyable, so passed by value like a C struct {double; bool} (one SSE and
   * one integer eightbyte in the System V ABI).
   */
  private static final MemoryLayout OPTIONAL_DOUBLE = MemoryLayout.structLayout(
      ValueLayout.JAVA_DOUBLE.withName("value"), ValueLayout.JAVA_BOOLEAN.withName("engaged"),
      MemoryLayout.paddingLayout(7));

  /**
   * {@code at::linear(x, w, b)}: {@code x · w^T + b} for {@code x [..., in]}, {@code w [out, in]}, {@code b [out]};
   * under autocast in bf16 (the result then has DJL type {@code UNKNOWN}). The result lives in {@code x}'s manager.
   */
  public static NDArray linear(NDArray x, NDArray w, NDArray b) {
    Native n = lib();
    try (Arena arena = Arena.ofConfined()) {
      // const std::optional<at::Tensor>&: the bias's TensorImpl pointer and the engaged flag (libstdc++ layout:
      // the value at offset 0, the flag after it). Never destroyed, so the reference count is left alone.
      MemorySegment bias = arena.allocate(16, 8);
      bias.set(ValueLayout.JAVA_LONG, 0, impl(b));
      bias.set(ValueLayout.JAVA_BYTE, 8, (byte) 1);
      MemorySegment out = (MemorySegment) n.newObject.invokeExact(8L);
      n.linear.invokeExact(out, tensor(x), tensor(w), bias);
      return new PtNDArray((PtNDManager) x.getManager(), out.address());
    } catch (Throwable e) {
      throw new IllegalStateException("libtorch linear failed", e);
    }
  }

  /**
   * A bf16 copy of {@code x} ({@code x.to(torch.bfloat16)}; autograd records the cast), in {@code x}'s manager; DJL
   * reports its type as {@code UNKNOWN}.
   */
  public static NDArray toBf16(NDArray x) {
    return to(x, BFLOAT16);
  }

  /**
   * An fp32 copy of {@code x} ({@code x.to(torch.float32)}; autograd records the cast); {@code x} itself when it is
   * fp32 already. Use it on bf16 arrays that need gradients: DJL's {@code toType(FLOAT32)} of an array whose type it
   * reports as {@code UNKNOWN} gives a copy that autograd does not connect to {@code x} ("element 0 of tensors does
   * not require grad" from a backward pass through it).
   */
  public static NDArray toFloat32(NDArray x) {
    return x.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32 ? x : to(x, FLOAT32);
  }

  private static NDArray to(NDArray x, byte scalarType) {
    Native n = lib();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment noFormat = arena.allocate(2, 1); // std::optional<MemoryFormat>: std::nullopt (flag byte 0)
      MemorySegment out = (MemorySegment) n.newObject.invokeExact(8L);
      n.toDtype.invokeExact(out, tensor(x), scalarType, false, false, noFormat);
      return new PtNDArray((PtNDManager) x.getManager(), out.address());
    } catch (Throwable e) {
      throw new IllegalStateException("libtorch cast failed", e);
    }
  }

  /**
   * {@code at::_softmax(x, dim, false)}: the softmax over {@code dim} in {@code x}'s own type. For a bf16 {@code x}
   * libtorch's CPU kernel computes in fp32 (maximum, exponentials and their sum) and rounds only the probabilities
   * it writes to bf16: one pass over the data instead of DJL's route (convert to fp32, softmax, convert back), which
   * cannot softmax a bf16 array itself. ({@code half_to_float} is not offered: libtorch's CPU kernel refuses it,
   * and the refusal, a C++ exception, would end the JVM when it crosses the foreign call.) No autograd.
   */
  public static NDArray softmax(NDArray x, long dim) {
    Native n = lib();
    try {
      MemorySegment out = (MemorySegment) n.newObject.invokeExact(8L);
      n.softmax.invokeExact(out, tensor(x), dim, false);
      return new PtNDArray((PtNDManager) x.getManager(), out.address());
    } catch (Throwable e) {
      throw new IllegalStateException("libtorch softmax failed", e);
    }
  }

  /**
   * {@code at::scaled_dot_product_attention(q, k, v, is_causal)}: {@code softmax(q k^T / sqrt(dh) + causal mask) v}
   * for {@code [b, heads, t, dh]} operands, no other mask, no dropout, the default scale. libtorch picks its fused
   * CPU kernel (flash attention: blocks of keys with running softmax statistics in fp32, never the {@code [b, heads,
   * t, t]} scores) when it can and its reference composition otherwise; both accept any shapes that agree, so the
   * call cannot fail on well-formed operands. Autograd records it (the fused kernel has its own backward).
   */
  public static NDArray causalAttention(NDArray q, NDArray k, NDArray v) {
    Native n = lib();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment noMask = arena.allocate(16, 8); // const std::optional<at::Tensor>&: std::nullopt (flag 0)
      MemorySegment noScale = arena.allocate(OPTIONAL_DOUBLE); // std::optional<double> by value: std::nullopt
      MemorySegment out = (MemorySegment) n.newObject.invokeExact(8L);
      n.attention.invokeExact(out, tensor(q), tensor(k), tensor(v), noMask, 0.0, true, noScale, false);
      return new PtNDArray((PtNDManager) q.getManager(), out.address());
    } catch (Throwable e) {
      throw new IllegalStateException("libtorch scaled_dot_product_attention failed", e);
    }
  }

  /** The address of the {@code at::Tensor} behind a DJL array (DJL's handle). */
  private static MemorySegment tensor(NDArray x) {
    return MemorySegment.ofAddress(((PtNDArray) x).getHandle());
  }

  /** The {@code TensorImpl*} an {@code at::Tensor} holds (its only field). */
  private static long impl(NDArray x) {
    return tensor(x).reinterpret(8).get(ValueLayout.JAVA_LONG, 0);
  }

  private record Native(
      MethodHandle linear, MethodHandle toDtype, MethodHandle softmax, MethodHandle attention, MethodHandle newObject) {}

  private static Native lib() {
    Native n = lib;
    if (n == null) {
      synchronized (TorchOps.class) {
        if (lib == null) {
          lib = bind();
        }
        n = lib;
      }
    }
    return n;
  }

  private static Native bind() {
    LibTorchCpu lib = LibTorchCpu.open("libtorch operators");
    ValueLayout.OfLong size = ValueLayout.JAVA_LONG;
    return new Native(
        // at::Tensor at::_ops::linear::call(const Tensor&, const Tensor&, const std::optional<Tensor>&)
        handle(lib, "_ZN2at4_ops6linear4callERKNS_6TensorES4_RKSt8optionalIS2_E",
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                ValueLayout.ADDRESS)),
        // at::Tensor at::_ops::to_dtype::call(const Tensor&, ScalarType, bool non_blocking, bool copy,
        //     std::optional<MemoryFormat>)
        handle(lib,
            "_ZN2at4_ops8to_dtype4callERKNS_6TensorEN3c1010ScalarTypeEbbSt8optionalINS5_12MemoryFormatEE",
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_BYTE,
                ValueLayout.JAVA_BOOLEAN, ValueLayout.JAVA_BOOLEAN, OPTIONAL_BYTE)),
        // at::Tensor at::_ops::_softmax::call(const Tensor&, int64_t dim, bool half_to_float)
        handle(lib, "_ZN2at4_ops8_softmax4callERKNS_6TensorElb",
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_BOOLEAN)),
        // at::Tensor at::_ops::scaled_dot_product_attention::call(const Tensor& q, const Tensor& k,
        //     const Tensor& v, const std::optional<Tensor>& attn_mask, double dropout_p, bool is_causal,
        //     std::optional<double> scale, bool enable_gqa)
        handle(lib, "_ZN2at4_ops28scaled_dot_product_attention4callERKNS_6TensorES4_S4_RKSt8optionalIS2_EdbS5_IdEb",
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_BOOLEAN,
                OPTIONAL_DOUBLE, ValueLayout.JAVA_BOOLEAN)),
        // operator new(size_t) of the C++ runtime libtorch links (found through libtorch's dependencies)
        handle(lib, "_Znwm", FunctionDescriptor.of(ValueLayout.ADDRESS, size)));
  }

  private static MethodHandle handle(LibTorchCpu lib, String symbol, FunctionDescriptor fd) {
    return lib.function(symbol, fd, "another libtorch?");
  }
}
