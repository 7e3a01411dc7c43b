package org.cptbench.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.MklDispatch;
import org.cptbench.model.TransformerWeights;
import org.cptbench.train.AdamW;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link AdamW} step over every parameter of the {@code preset} encoder (tiny: 1.45 M floats, small: 7.37 M),
 * with gradient scaling (clipping) and weight decay on, fused (one Java pass per block of each parameter) or as
 * libtorch's operations ({@code fused=false}). The gradients are fixed random arrays; one op = one step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"
    })
public class AdamWBenchmark {
  @Param({"tiny", "small"})
  public String preset;

  @Param({"true", "false"})
  public boolean fused;

  private NDManager manager;
  private AdamW optimizer;
  private Map<String, NDArray> params;
  private final Map<String, NDArray> grads = new LinkedHashMap<>();

  @Setup(Level.Trial)
  public void setup() {
    MklDispatch.configure(MklDispatch.modeFromEnvironment());
    manager = NDManager.newBaseManager();
    EncoderSpec spec = EncoderSpec.preset(preset);
    params = TransformerWeights.initialise(spec, 3, manager).asMap();
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      grads.put(e.getKey(), manager.randomNormal(e.getValue().getShape()).muli(1e-3f));
    }
    optimizer = new AdamW(0.9, 0.999, 1e-8, 0.01, manager);
    if (!fused) {
      optimizer.unfused();
    }
  }

  @Benchmark
  public int step() {
    optimizer.step(params, grads, 1e-4, 0.5, params.keySet(), Map.of());
    return optimizer.stepCount();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    optimizer.close();
    manager.close();
  }
}
