package org.cptbench.model.safetensors;

import java.util.Arrays;

/**
 * One tensor of a safetensors header: its name, element type, shape, and the byte range {@code [begin, end)} of
 * its little-endian, row-major data, relative to the start of the data section (after the header).
 */
public record TensorEntry(String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {
  public TensorEntry {
    shape = shape.clone();
  }

  /** The number of elements (1 for a scalar). */
  public long elements() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorEntry t
        && name.equals(t.name)
        && dtype == t.dtype
        && Arrays.equals(shape, t.shape)
        && begin == t.begin
        && end == t.end;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + dtype + " " + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
  }
}
