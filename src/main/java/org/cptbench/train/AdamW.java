package org.cptbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cptbench.kernel.AdamWKernel;
import org.cptbench.model.GradMode;
import org.cptbench.model.TensorMemory;
import org.cptbench.model.VmlSqrt;

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
 *
 * <p>On the CPU the update of a float32 parameter is fused ({@link AdamWKernel}): two passes in Java over each
 * block of {@code p, g, m, v}, on the tensors' own memory, instead of the fourteen libtorch operations (each a pass
 * over the whole parameter, most allocating a temporary) that {@link #unfusedUpdate} issues. The passes round
 * exactly where the operations do, and the square root between them is libtorch's own ({@link VmlSqrt}: MKL's,
 * which is not correctly rounded), so the results are bit-identical to the operations' ({@code AdamWTest}); a run
 * gives the same weights as before the fusion. Other devices and dtypes, and a libtorch without MKL, use the
 * operations.
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
  private boolean fused = true;
  private long fusedUpdates;

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
    Optional<VmlSqrt> sqrt = fused ? VmlSqrt.find() : Optional.empty();
    List<FusedJob> jobs = new ArrayList<>();
    try (GradMode off = GradMode.disabled();
        NDScope scope = new NDScope()) {
      for (Map.Entry<String, NDArray> e : grads.entrySet()) {
        String name = e.getKey();
        double lr = lrOverride.getOrDefault(name, baseLr);
        NDArray p = params.get(name);
        NDArray m = first.computeIfAbsent(name, k -> persistent(p.zerosLike()));
        NDArray v = second.computeIfAbsent(name, k -> persistent(p.zerosLike()));
        float decay = weightDecay > 0 && decayed.contains(name) ? (float) (1 - lr * weightDecay) : 1f;
        float stepSize = (float) (lr / bc1);
        FusedJob job = sqrt.isEmpty() ? null : FusedJob.of(p, e.getValue(), m, v, decay, stepSize);
        if (job != null) {
          jobs.add(job);
        } else {
          unfusedUpdate(p, e.getValue(), m, v, gradScale, decay, stepSize, (float) bc2);
        }
      }
      // inside the scope: DJL's buffers of the tensors stay valid until it closes
      if (!jobs.isEmpty()) {
        runFused(jobs, sqrt.get(), gradScale, (float) bc2);
      }
    }
  }

  /** Turns the fused CPU update off (tests and the benchmark compare both paths). */
  public AdamW unfused() {
    fused = false;
    return this;
  }

  /** How many parameter updates took the fused path so far. */
  long fusedUpdates() {
    return fusedUpdates;
  }

  /** The update as libtorch operations (any device); {@code decay} is 1 for a parameter without weight decay. */
  private void unfusedUpdate(
      NDArray p, NDArray grad, NDArray m, NDArray v, double gradScale, float decay, float stepSize, float bc2) {
    NDArray g = gradScale == 1.0 ? grad : grad.mul((float) gradScale);
    if (decay != 1f) {
      p.muli(decay);
    }
    m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
    v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
    NDArray denom = v.div(bc2).sqrt().addi((float) eps);
    p.subi(m.div(denom).muli(stepSize));
  }

  /** Elements per block of the fused update: the blocks of its five streams stay in the core's cache. */
  private static final int BLOCK = 2048;

  /** Scratch space of the fused update: {@code v / bc2} of a block and its square root. */
  private static final class Block {
    final VmlSqrt sqrt;
    final VmlSqrt.Args args;
    final MemorySegment quotient;
    final MemorySegment root;

    Block(VmlSqrt sqrt, Arena arena) {
      this.sqrt = sqrt;
      this.args = new VmlSqrt.Args(arena);
      this.quotient = arena.allocate((long) BLOCK * Float.BYTES, 64);
      this.root = arena.allocate((long) BLOCK * Float.BYTES, 64);
    }
  }

  /** One parameter's fused update: its memory, its decay factor (1 for none) and its step size. */
  private record FusedJob(
      MemorySegment p, MemorySegment g, MemorySegment m, MemorySegment v, float decay, float stepSize, long n) {
    /** The job, or null when a tensor is not a dense contiguous float32 CPU tensor of the parameter's size. */
    static FusedJob of(NDArray p, NDArray grad, NDArray m, NDArray v, float decay, float stepSize) {
      MemorySegment ps = TensorMemory.denseFloat32(p).orElse(null);
      MemorySegment gs = TensorMemory.denseFloat32(grad).orElse(null);
      MemorySegment ms = TensorMemory.denseFloat32(m).orElse(null);
      MemorySegment vs = TensorMemory.denseFloat32(v).orElse(null);
      if (ps == null || gs == null || ms == null || vs == null
          || gs.byteSize() != ps.byteSize() || ms.byteSize() != ps.byteSize() || vs.byteSize() != ps.byteSize()) {
        return null;
      }
      return new FusedJob(ps, gs, ms, vs, decay, stepSize, ps.byteSize() / Float.BYTES);
    }
  }

  /**
   * {@link #unfusedUpdate} of every job in two Java passes per block, on this thread. (A second Java thread made the
   * training step slower: tiny bf16 training 1,250 pairs/s against 1,600 on one thread and 1,500 unfused, as it
   * competes with libtorch's OpenMP threads, which spin on the cores between operations.)
   */
  private void runFused(List<FusedJob> jobs, VmlSqrt sqrt, double gradScale, float bc2) {
    try (Arena arena = Arena.ofConfined()) {
      Block block = new Block(sqrt, arena);
      for (FusedJob job : jobs) {
        for (long from = 0; from < job.n(); from += BLOCK) {
          int len = (int) Math.min(BLOCK, job.n() - from);
          AdamWKernel.moments(job.p(), job.g(), job.m(), job.v(), block.quotient, from, len, (float) gradScale,
              gradScale != 1.0, job.decay(), (float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
              bc2);
          block.sqrt.sqrt(block.args, block.quotient, block.root, len);
          AdamWKernel.apply(job.p(), job.m(), block.root, from, len, (float) eps, job.stepSize());
        }
      }
    }
    fusedUpdates += jobs.size();
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
