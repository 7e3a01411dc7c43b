package org.cptbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cptbench.model.GradMode;

/**
 * AdamW (Loshchilov and Hutter 2019), as {@code torch.optim.AdamW}: for each parameter p with gradient g at step t,
 *
 * <pre>
 *   p <- p * (1 - lr * wd)                         (decoupled weight decay; only for decayed parameters)
 *   m <- b1 m + (1 - b1) g ;  v <- b2 v + (1 - b2) g^2
 *   p <- p - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 *
 * Gradients may first be scaled by a factor (global-norm clipping). Updates run with autograd recording off.
 */
public final class AdamW implements AutoCloseable {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final NDManager manager;
  private final Map<String, NDArray> first = new LinkedHashMap<>();
  private final Map<String, NDArray> second = new LinkedHashMap<>();
  private int t;

  public AdamW(double beta1, double beta2, double eps, double weightDecay, NDManager parent) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.manager = parent.newSubManager();
  }

  public int stepCount() {
    return t;
  }

  /**
   * One update of every parameter in {@code params} that has a gradient in {@code grads}.
   *
   * @param gradScale factor applied to every gradient first (1 for none; below 1 when clipping)
   * @param decayed names of the parameters that get weight decay
   * @param lrOverride learning rates of parameters that do not follow {@code lr}
   */
  public void step(
      Map<String, NDArray> params,
      Map<String, NDArray> grads,
      double baseLr,
      double gradScale,
      Set<String> decayed,
      Map<String, Double> lrOverride) {
    t++;
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    try (GradMode off = GradMode.disabled();
        NDScope scope = new NDScope()) {
      for (Map.Entry<String, NDArray> e : grads.entrySet()) {
        String name = e.getKey();
        double lr = lrOverride.getOrDefault(name, baseLr);
        NDArray p = params.get(name);
        NDArray g = gradScale == 1.0 ? e.getValue() : e.getValue().mul((float) gradScale);
        NDArray m = first.computeIfAbsent(name, k -> persistent(p.zerosLike()));
        NDArray v = second.computeIfAbsent(name, k -> persistent(p.zerosLike()));
        if (weightDecay > 0 && decayed.contains(name)) {
          p.muli((float) (1 - lr * weightDecay));
        }
        m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
        v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
        NDArray denom = v.div((float) bc2).sqrt().addi((float) eps);
        p.subi(m.div(denom).muli((float) (lr / bc1)));
      }
    }
  }

  private NDArray persistent(NDArray a) {
    NDScope.unregister(a);
    a.attach(manager);
    return a;
  }

  /** Writes the moment estimates and the step count (for resuming a run exactly). */
  public void save(OutputStream out) throws IOException {
    NDList list = new NDList();
    for (Map.Entry<String, NDArray> e : first.entrySet()) {
      e.getValue().setName("m:" + e.getKey());
      list.add(e.getValue());
      NDArray v = second.get(e.getKey());
      v.setName("v:" + e.getKey());
      list.add(v);
    }
    NDArray step = manager.create(new int[] {t});
    step.setName("step");
    list.add(step);
    list.encode(out);
    step.close();
  }

  /** Restores what {@link #save} wrote. */
  public void load(InputStream in) throws IOException {
    NDList list = NDList.decode(manager, in);
    for (NDArray a : list) {
      String name = a.getName();
      if (name.equals("step")) {
        t = a.toIntArray()[0];
      } else if (name.startsWith("m:")) {
        first.put(name.substring(2), a);
      } else if (name.startsWith("v:")) {
        second.put(name.substring(2), a);
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
