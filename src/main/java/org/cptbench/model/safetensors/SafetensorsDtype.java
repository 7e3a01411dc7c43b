package org.cptbench.model.safetensors;

import java.util.Arrays;

/**
 * The element types of the safetensors format (Hugging Face {@code safetensors}, {@code Dtype}) with their sizes
 * in bytes. Floating-point tensors of the types marked {@link #floating} can be read as float32.
 */
public enum SafetensorsDtype {
  BOOL(1, false),
  U8(1, false),
  I8(1, false),
  I16(2, false),
  U16(2, false),
  F16(2, true),
  BF16(2, true),
  I32(4, false),
  U32(4, false),
  F32(4, true),
  F64(8, true),
  I64(8, false),
  U64(8, false);

  private final int bytes;
  private final boolean floating;

  SafetensorsDtype(int bytes, boolean floating) {
    this.bytes = bytes;
    this.floating = floating;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** Whether the reader converts it to float32 (F16, BF16, F32, F64). */
  public boolean floating() {
    return floating;
  }

  /** The dtype of a header string, or null when the format does not define it. */
  public static SafetensorsDtype of(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst().orElse(null);
  }
}
