package org.cptbench.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import java.util.concurrent.TimeUnit;
import org.cptbench.model.GradMode;
import org.cptbench.model.MklDispatch;
import org.cptbench.model.Precision;
import org.cptbench.model.TorchOps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The libtorch operations a bf16 forward pass of the tiny preset spends its elementwise time in, one at a time, on
 * the shapes of a tiny encoding batch (256 sequences x 32 tokens: activations [256, 32, 128], MLP [256, 32, 512]),
 * without autograd. {@code src/test/python/peer_elementwise_ops.py} times the same operations and shapes in PyTorch
 * (the peer's runtime), for the comparison in the README ("bf16 speed, measured"). One op = one call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"
    })
public class ElementwiseOpsBenchmark {
  private NDManager manager;
  private GradMode noGrad;
  private NDArray x;
  private NDArray xBf16;
  private NDArray mlpBf16;
  private NDArray gamma;
  private NDArray beta;
  private NDArray w;
  private NDArray b;

  @Setup(Level.Trial)
  public void setup() {
    MklDispatch.configure(MklDispatch.modeFromEnvironment());
    manager = NDManager.newBaseManager();
    noGrad = GradMode.disabled();
    x = manager.randomNormal(new Shape(256, 32, 128));
    xBf16 = TorchOps.toBf16(x);
    mlpBf16 = TorchOps.toBf16(manager.randomNormal(new Shape(256, 32, 512)));
    gamma = manager.ones(new Shape(128));
    beta = manager.zeros(new Shape(128));
    w = manager.randomNormal(new Shape(384, 128)).muli(0.02f);
    b = manager.zeros(new Shape(384));
  }

  @Benchmark
  public long castToBf16() {
    try (NDArray y = TorchOps.toBf16(x)) {
      return y.size();
    }
  }

  @Benchmark
  public long layerNormFp32() {
    try (NDArray y = LayerNorm.layerNorm(x, new Shape(128), gamma, beta, 1e-5f).singletonOrThrow()) {
      return y.size();
    }
  }

  @Benchmark
  public long linearAutocastFp32Input() {
    try (Precision.Scope ac = Precision.BF16.autocast(Device.cpu());
        NDArray y = TorchOps.linear(x, w, b)) {
      return y.size();
    }
  }

  @Benchmark
  public long linearAutocastBf16Input() {
    try (Precision.Scope ac = Precision.BF16.autocast(Device.cpu());
        NDArray y = TorchOps.linear(xBf16, w, b)) {
      return y.size();
    }
  }

  @Benchmark
  public long addFp32Bf16() {
    try (NDArray y = x.add(xBf16)) {
      return y.size();
    }
  }

  @Benchmark
  public long geluBf16() {
    try (NDArray y = Activation.gelu(mlpBf16)) {
      return y.size();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    noGrad.close();
    manager.close();
  }
}
