package org.cptbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands that are safe inside an autograd graph.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code add}, {@code sub} with a Java number) wraps the
 * number in a tensor that points at a direct {@link java.nio.ByteBuffer} ({@code torch::from_blob}, no copy) and
 * closes that tensor as soon as the operation returns. Autograd keeps the operand for the backward pass (for
 * {@code a * c}, dL/da = g * c reads c), but nothing keeps the buffer alive any more: once the garbage collector
 * frees it and the allocator hands the memory to someone else, the backward pass reads whatever is there. That
 * gave wrong gradients and "gradient norm is Infinity" only now and then, depending on when the GC ran
 * ({@code ScalarsTest} reproduces it). Tensors from {@link #of} are allocated by libtorch and reference-counted, so
 * the graph keeps them alive. Number operands remain fine where no graph is recorded (optimizer updates,
 * {@link GradMode#disabled()} blocks).
 */
public final class Scalars {
  private Scalars() {}

  /**
   * A 0-dimensional tensor holding {@code value}, same manager, device and type as {@code like}; float32 when
   * {@code like} is bf16 (DJL reports bf16 as UNKNOWN and cannot create it; a 0-dimensional float32 operand keeps
   * a bf16 result bf16 under PyTorch's type promotion).
   */
  public static NDArray of(NDArray like, double value) {
    DataType type = like.getDataType() == DataType.UNKNOWN ? DataType.FLOAT32 : like.getDataType();
    return like.getManager().full(new Shape(), (float) value, type);
  }
}
