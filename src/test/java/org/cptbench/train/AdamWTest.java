package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.cptbench.model.VmlSqrt;
import org.junit.jupiter.api.Test;

/**
 * The fused CPU update of {@link AdamW} against its libtorch operations: bit-identical weights and moments over
 * several steps, with and without gradient scaling, weight decay and a per-parameter learning rate, for sizes that
 * are and are not a multiple of the vector width or of the block, a scalar, and a parameter that is a
 * non-contiguous view (which the fused path must leave to the operations).
 */
class AdamWTest {
  private static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("emb", new Shape(97, 53)); // 5,141 elements: two full blocks and a ragged one
    SHAPES.put("w", new Shape(64, 48));
    SHAPES.put("bias", new Shape(7));
    SHAPES.put("tau", new Shape());
  }

  /** Runs 6 steps on seeded weights and gradients; returns every weight and the saved moments as float arrays. */
  private static Map<String, float[]> run(boolean fused, boolean transposedView) {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager();
        AdamW opt = new AdamW(0.9, 0.95, 1e-8, 0.1, manager)) {
      if (!fused) {
        opt.unfused();
      }
      SplittableRandom rnd = new SplittableRandom(11);
      Map<String, NDArray> params = new LinkedHashMap<>();
      NDArray base = null;
      for (Map.Entry<String, Shape> e : SHAPES.entrySet()) {
        NDArray p = manager.create(gaussian(rnd, (int) e.getValue().size()), e.getValue());
        if (transposedView && e.getKey().equals("w")) {
          base = p;
          p = p.transpose(); // a view on base's storage, not contiguous
        }
        params.put(e.getKey(), p);
      }
      double[] scales = {1.0, 0.37, 1.0, 0.5, 1.0, 0.9};
      for (int step = 0; step < scales.length; step++) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
          float[] g = gaussian(rnd, (int) e.getValue().size());
          for (int i = 0; i < g.length; i++) {
            g[i] *= (float) Math.pow(10, (i % 7) - 4); // magnitudes from 1e-4 to 1e2
          }
          grads.put(e.getKey(), manager.create(g, e.getValue().getShape()));
        }
        opt.step(params, grads, 3e-3 * (step + 1), scales[step], Set.of("emb", "w"), Map.of("tau", 0.05));
      }
      for (Map.Entry<String, NDArray> e : params.entrySet()) {
        out.put(e.getKey(), e.getValue().toFloatArray());
      }
      if (base != null) {
        out.put("w-storage", base.toFloatArray());
      }
      // which path ran: every parameter fused (but the view "w", which must fall back), or none
      long expected = fused ? (long) scales.length * (transposedView ? 3 : 4) : 0;
      assertEquals(expected, opt.fusedUpdates(), "fused updates");
      ByteArrayOutputStream moments = new ByteArrayOutputStream();
      opt.save(moments);
      byte[] bytes = moments.toByteArray();
      float[] asFloats = new float[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        asFloats[i] = bytes[i];
      }
      out.put("moments", asFloats);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static float[] gaussian(SplittableRandom rnd, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble()));
    }
    return a;
  }

  /** The seeded initial values of "w", as {@link #run} draws them. */
  private static float[] initialW() {
    SplittableRandom rnd = new SplittableRandom(11);
    gaussian(rnd, 97 * 53);
    return gaussian(rnd, 64 * 48);
  }

  @Test
  void fusedUpdateIsBitIdenticalToTheOperations() {
    assertTrue(VmlSqrt.find().isPresent(), "DJL's CPU libtorch carries MKL's vmsSqrt");
    Map<String, float[]> fused = run(true, false);
    Map<String, float[]> ops = run(false, false);
    assertEquals(ops.keySet(), fused.keySet());
    for (String name : ops.keySet()) {
      assertArrayEquals(ops.get(name), fused.get(name), 0f, name);
    }
    // the run did move the weights (a test of a no-op would pass too)
    assertNotEquals(initialW()[5], fused.get("w")[5]);
  }

  @Test
  void nonContiguousParameterIsUpdatedInItsOwnStorage() {
    Map<String, float[]> fused = run(true, true);
    Map<String, float[]> ops = run(false, true);
    for (String name : ops.keySet()) {
      assertArrayEquals(ops.get(name), fused.get(name), 0f, name);
    }
    // the view's updates reached the storage it shares: the view [48, 64] is the storage [64, 48] transposed
    float[] view = fused.get("w");
    float[] storage = fused.get("w-storage");
    for (int i = 0; i < 48; i++) {
      for (int j = 0; j < 64; j++) {
        assertEquals(view[i * 64 + j], storage[j * 48 + i], 0f);
      }
    }
    assertNotEquals(initialW()[5], storage[5]);
  }
}
