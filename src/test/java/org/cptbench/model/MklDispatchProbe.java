package org.cptbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/** Child-JVM entry point of {@link MklDispatchTest}: configures MKL, multiplies fixed matrices, prints both. */
public final class MklDispatchProbe {
  private MklDispatchProbe() {}

  public static void main(String[] args) {
    MklDispatch.Status s = MklDispatch.configure(MklDispatch.Mode.valueOf(args[0]));
    System.out.println("STATE " + s.state());
    System.out.println("DETAIL " + s.detail());
    int m = 300;
    int k = 256;
    int n = 200;
    Random r = new Random(5);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextGaussian();
    }
    try (NDManager mg = NDManager.newBaseManager()) {
      float[] c = mg.create(a, new Shape(m, k)).matMul(mg.create(b, new Shape(k, n))).toFloatArray();
      StringBuilder sb = new StringBuilder("PRODUCT");
      for (int i = 0; i < c.length; i += 97) {
        sb.append(' ').append(c[i]);
      }
      System.out.println(sb);
    }
  }
}
