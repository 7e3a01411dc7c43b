package org.cptbench.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two elementwise passes of a fused AdamW update on float32 memory (native segments), rounding exactly as the
 * sequence of libtorch operations of {@code org.cptbench.train.AdamW} does: every product, quotient and sum rounded
 * to float32 in the same order, no fused multiply-add. The square root between the passes is the caller's (it must
 * be libtorch's own to stay bit-identical). Elements are addressed by index; {@code from + len} must lie inside
 * every segment.
 */
public final class AdamWKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final ByteOrder ORDER = ByteOrder.nativeOrder();
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

  private AdamWKernel() {}

  /**
   * Pass 1 over elements {@code [from, from + len)}: {@code g' = g * gradScale} (when {@code scaleGrad}),
   * {@code p *= decay} (when {@code decay != 1}), {@code m = m * b1 + g' * (1 - b1)},
   * {@code v = v * b2 + (g' * g') * (1 - b2)}, and {@code quotient[i - from] = v / bc2}.
   */
  public static void moments(MemorySegment p, MemorySegment g, MemorySegment m, MemorySegment v,
      MemorySegment quotient, long from, int len, float gradScale, boolean scaleGrad, float decay, float b1,
      float oneMinusB1, float b2, float oneMinusB2, float bc2) {
    if (decay != 1f) {
      decay(p, from, len, decay);
    }
    long base = from * Float.BYTES;
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += LANES) {
      long off = base + (long) i * Float.BYTES;
      FloatVector gv = FloatVector.fromMemorySegment(SPECIES, g, off, ORDER);
      if (scaleGrad) {
        gv = gv.mul(gradScale);
      }
      FloatVector mv = FloatVector.fromMemorySegment(SPECIES, m, off, ORDER).mul(b1).add(gv.mul(oneMinusB1));
      mv.intoMemorySegment(m, off, ORDER);
      FloatVector vv = FloatVector.fromMemorySegment(SPECIES, v, off, ORDER).mul(b2)
          .add(gv.mul(gv).mul(oneMinusB2));
      vv.intoMemorySegment(v, off, ORDER);
      vv.div(bc2).intoMemorySegment(quotient, (long) i * Float.BYTES, ORDER);
    }
    for (; i < len; i++) {
      long off = base + (long) i * Float.BYTES;
      float gs = g.get(FLOAT, off);
      if (scaleGrad) {
        gs = gs * gradScale;
      }
      m.set(FLOAT, off, m.get(FLOAT, off) * b1 + gs * oneMinusB1);
      float vs = v.get(FLOAT, off) * b2 + (gs * gs) * oneMinusB2;
      v.set(FLOAT, off, vs);
      quotient.set(FLOAT, (long) i * Float.BYTES, vs / bc2);
    }
  }

  private static void decay(MemorySegment p, long from, int len, float decay) {
    long base = from * Float.BYTES;
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += LANES) {
      long off = base + (long) i * Float.BYTES;
      FloatVector.fromMemorySegment(SPECIES, p, off, ORDER).mul(decay).intoMemorySegment(p, off, ORDER);
    }
    for (; i < len; i++) {
      long off = base + (long) i * Float.BYTES;
      p.set(FLOAT, off, p.get(FLOAT, off) * decay);
    }
  }

  /** Pass 2 over elements {@code [from, from + len)}: {@code p = p - (m / (root[i - from] + eps)) * stepSize}. */
  public static void apply(MemorySegment p, MemorySegment m, MemorySegment root, long from, int len, float eps,
      float stepSize) {
    long base = from * Float.BYTES;
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += LANES) {
      long off = base + (long) i * Float.BYTES;
      FloatVector denom = FloatVector.fromMemorySegment(SPECIES, root, (long) i * Float.BYTES, ORDER).add(eps);
      FloatVector mv = FloatVector.fromMemorySegment(SPECIES, m, off, ORDER);
      FloatVector.fromMemorySegment(SPECIES, p, off, ORDER).sub(mv.div(denom).mul(stepSize))
          .intoMemorySegment(p, off, ORDER);
    }
    for (; i < len; i++) {
      long off = base + (long) i * Float.BYTES;
      float denom = root.get(FLOAT, (long) i * Float.BYTES) + eps;
      p.set(FLOAT, off, p.get(FLOAT, off) - (m.get(FLOAT, off) / denom) * stepSize);
    }
  }
}
