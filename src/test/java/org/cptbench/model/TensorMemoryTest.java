package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class TensorMemoryTest {
  @Test
  void aContiguousFloat32TensorIsOfferedItsOwnMemoryWritableInPlace() {
    assertTrue(TensorMemory.available(), "DJL 0.36's contiguity check is reachable");
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray a = m.arange(12f).reshape(3, 4);
      MemorySegment s = TensorMemory.denseFloat32(a).orElseThrow();
      assertEquals(12L * Float.BYTES, s.byteSize());
      assertEquals(7f, s.getAtIndex(ValueLayout.JAVA_FLOAT, 7));
      s.setAtIndex(ValueLayout.JAVA_FLOAT, 5, -1f); // the tensor's own storage, not a copy
      assertEquals(-1f, a.getFloat(1, 1));
    }
  }

  @Test
  void otherTensorsAreRefusedAndLeftUnchanged() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray a = m.arange(12f).reshape(3, 4);
      NDArray view = a.transpose(); // a non-contiguous view of a's storage
      assertTrue(TensorMemory.denseFloat32(view).isEmpty(), "non-contiguous view");
      assertArrayEquals(new long[] {4, 3}, view.getShape().getShape(), "the view was not replaced by a copy");
      assertTrue(TensorMemory.denseFloat32(a.toType(DataType.FLOAT64, false)).isEmpty(), "float64");
      assertTrue(TensorMemory.denseFloat32(a.toType(DataType.INT32, false)).isEmpty(), "int32");
      assertTrue(TensorMemory.denseFloat32(TorchOps.toBf16(a)).isEmpty(), "bf16");
    }
  }
}
