package org.cptbench.model;

import ai.djl.Device;
import java.util.Arrays;
import java.util.Locale;
import org.cptbench.CptbenchException;

/**
 * Numeric precision of the encoder's forward pass, as PyTorch's automatic mixed precision defines it.
 *
 * <ul>
 *   <li>{@link #FP32}: everything in float32.
 *   <li>{@link #BF16}: matrix products and attention products in bfloat16 ({@link Autocast}: libtorch's autocast
 *       casts their operands); LayerNorm, the softmax (its max and sum), pooling, L2 normalisation, the loss, the
 *       logit scale, the master weights and the AdamW moments stay in float32.
 *   <li>{@link #AUTO}: bf16 where the hardware multiplies bf16 natively ({@link Bf16Support}: x86 CPUs with
 *       AVX512-BF16 or AMX-BF16, CUDA devices of compute capability 8.0 or higher), else fp32. Resolve it with
 *       {@link #resolve} before use; the resolved value is what runs and what is recorded.
 * </ul>
 *
 * Precision changes results (bf16 keeps 8 bits of mantissa), so it is part of a checkpoint's and a result's
 * identity. Code that runs a forward pass adopts it with one line: {@code try (var ac = precision.autocast(device))
 * { ... }}.
 */
public enum Precision {
  FP32,
  BF16,
  AUTO;

  /** Parses {@code fp32 | bf16 | auto} (case-insensitive); the error names the key, the value and the choices. */
  public static Precision parse(String key, String value) {
    if (value != null) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the error below
      }
    }
    throw new CptbenchException(key + ": unknown value '" + value + "'; allowed: " + Arrays.toString(labels()));
  }

  static String[] labels() {
    return Arrays.stream(values()).map(Precision::label).toArray(String[]::new);
  }

  /** Lower-case name, as users write it and result files record it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The precision that runs on {@code device}: AUTO becomes BF16 or FP32; the others stay. */
  public Precision resolve(Device device) {
    if (this != AUTO) {
      return this;
    }
    return Bf16Support.nativeOn(device) ? BF16 : FP32;
  }

  /**
   * The scope of a forward pass in this precision on {@code device}: libtorch autocast for BF16, nothing for FP32.
   *
   * @throws IllegalStateException for AUTO (resolve it first)
   */
  public Scope autocast(Device device) {
    return switch (this) {
      case FP32 -> NoScope.INSTANCE;
      case BF16 -> Autocast.bf16(device);
      case AUTO -> throw new IllegalStateException("precision auto must be resolved for a device first");
    };
  }

  /** A precision scope; closing it never throws a checked exception. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The no-op scope of fp32. */
  private static final class NoScope implements Scope {
    static final NoScope INSTANCE = new NoScope();

    @Override
    public void close() {}
  }
}
