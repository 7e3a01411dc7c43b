package org.cptbench.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The memory of a libtorch tensor as a {@link MemorySegment}, for the Java kernels that update tensors in place
 * (the fused AdamW). This is the one place that reaches into DJL's PyTorch internals for it: DJL 0.36 offers the
 * storage only as a direct {@link ByteBuffer} ({@code JniUtils.getByteBuffer}), and that method silently copies a
 * non-contiguous tensor into a new one that it does not hand back, so contiguity is asked first through DJL's
 * package-private {@code PyTorchLibrary.LIB.torchIsContiguous(long)}, reached by reflection. Where it cannot be
 * reached (another DJL version), no tensor's memory is offered and callers take their libtorch-operation path.
 */
public final class TensorMemory {
  private TensorMemory() {}

  private static final MethodHandle IS_CONTIGUOUS = isContiguousHandle();

  private static MethodHandle isContiguousHandle() {
    try {
      Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
      java.lang.reflect.Field lib = library.getDeclaredField("LIB");
      lib.setAccessible(true);
      java.lang.reflect.Method method = library.getDeclaredMethod("torchIsContiguous", long.class);
      method.setAccessible(true);
      return MethodHandles.lookup()
          .unreflect(method)
          .bindTo(lib.get(null))
          .asType(MethodType.methodType(boolean.class, long.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether this DJL build lets {@link #denseFloat32} offer any memory at all. */
  public static boolean available() {
    return IS_CONTIGUOUS != null;
  }

  /**
   * The storage of a dense, contiguous, strided float32 CPU tensor of the PyTorch engine: the tensor's own memory,
   * {@code a.size() * 4} bytes, writable in place and valid while {@code a} is open. Empty for any other tensor
   * (another dtype, device, layout or engine, a non-contiguous view), which then must go through libtorch
   * operations.
   */
  public static Optional<MemorySegment> denseFloat32(NDArray a) {
    if (IS_CONTIGUOUS == null
        || !(a instanceof PtNDArray pt)
        || a.getDataType() != DataType.FLOAT32
        || !a.getDevice().equals(Device.cpu())
        || a.isSparse()
        || JniUtils.getLayout(pt) != 0) { // 0: torch.strided
      return Optional.empty();
    }
    try {
      if (!(boolean) IS_CONTIGUOUS.invokeExact((long) pt.getHandle())) {
        return Optional.empty();
      }
    } catch (Throwable e) {
      return Optional.empty();
    }
    ByteBuffer buffer = JniUtils.getByteBuffer(pt, true);
    if (!buffer.isDirect() || buffer.capacity() != a.size() * Float.BYTES) {
      return Optional.empty();
    }
    return Optional.of(MemorySegment.ofBuffer(buffer));
  }
}
