package org.cptbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;

/**
 * The named parameters of a {@link CptTransformer}, owned by one {@link NDManager}. Linear weights use PyTorch's
 * {@code [out, in]} layout. Initialisation (GPT-2 style): weights and embeddings ~ N(0, 0.02), biases 0,
 * LayerNorm gain 1 and bias 0, drawn from a Java {@link SplittableRandom} so that a seed gives the same model on
 * every engine and device.
 */
public final class TransformerWeights implements AutoCloseable {
  static final double INIT_STD = 0.02;

  private final NDManager manager;
  private final Map<String, NDArray> params = new LinkedHashMap<>();

  private TransformerWeights(NDManager manager) {
    this.manager = manager;
  }

  /** How one parameter is initialised. */
  private enum Init {
    NORMAL,
    ONES,
    ZEROS
  }

  private record Slot(Shape shape, Init init) {}

  /** Every parameter of {@code spec} in creation order, with its shape and initialisation. */
  private static Map<String, Slot> layout(EncoderSpec spec) {
    Map<String, Slot> m = new LinkedHashMap<>();
    int d = spec.width();
    m.put("tok_emb", new Slot(new Shape(spec.vocabSize(), d), Init.NORMAL));
    m.put("pos_emb", new Slot(new Shape(spec.maxTokens(), d), Init.NORMAL));
    for (int l = 0; l < spec.layers(); l++) {
      String p = "layer" + l + ".";
      m.put(p + "ln1.g", new Slot(new Shape(d), Init.ONES));
      m.put(p + "ln1.b", new Slot(new Shape(d), Init.ZEROS));
      m.put(p + "attn.qkv.w", new Slot(new Shape(3L * d, d), Init.NORMAL));
      m.put(p + "attn.qkv.b", new Slot(new Shape(3L * d), Init.ZEROS));
      m.put(p + "attn.out.w", new Slot(new Shape(d, d), Init.NORMAL));
      m.put(p + "attn.out.b", new Slot(new Shape(d), Init.ZEROS));
      m.put(p + "ln2.g", new Slot(new Shape(d), Init.ONES));
      m.put(p + "ln2.b", new Slot(new Shape(d), Init.ZEROS));
      m.put(p + "mlp.fc.w", new Slot(new Shape(spec.ffn(), d), Init.NORMAL));
      m.put(p + "mlp.fc.b", new Slot(new Shape(spec.ffn()), Init.ZEROS));
      m.put(p + "mlp.proj.w", new Slot(new Shape(d, spec.ffn()), Init.NORMAL));
      m.put(p + "mlp.proj.b", new Slot(new Shape(d), Init.ZEROS));
    }
    m.put("ln_f.g", new Slot(new Shape(d), Init.ONES));
    m.put("ln_f.b", new Slot(new Shape(d), Init.ZEROS));
    return m;
  }

  /** The parameter names of {@code spec} in creation order, with their shapes (linear weights {@code [out, in]}). */
  public static Map<String, Shape> shapes(EncoderSpec spec) {
    Map<String, Shape> m = new LinkedHashMap<>();
    layout(spec).forEach((k, v) -> m.put(k, v.shape()));
    return m;
  }

  /** Supplies one parameter by its cptbench name and shape, created in the given manager. */
  @FunctionalInterface
  public interface ParameterSource {
    NDArray get(String name, Shape shape, NDManager manager);
  }

  /**
   * Weights for {@code spec} whose every parameter comes from {@code source} (a checkpoint in another layout); each
   * must be float32 of the expected shape.
   */
  public static TransformerWeights build(EncoderSpec spec, NDManager parent, ParameterSource source) {
    TransformerWeights w = new TransformerWeights(parent.newSubManager());
    try {
      for (Map.Entry<String, Slot> e : layout(spec).entrySet()) {
        NDArray a = source.get(e.getKey(), e.getValue().shape(), w.manager);
        if (!a.getShape().equals(e.getValue().shape()) || a.getDataType() != DataType.FLOAT32) {
          throw new IllegalStateException(
              e.getKey() + ": got " + a.getDataType() + " " + a.getShape() + ", expected float32 "
                  + e.getValue().shape());
        }
        w.put(e.getKey(), a);
      }
      return w;
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /** Fresh weights for {@code spec}, initialised from {@code seed}. */
  public static TransformerWeights initialise(EncoderSpec spec, long seed, NDManager parent) {
    TransformerWeights w = new TransformerWeights(parent.newSubManager());
    SplittableRandom rng = new SplittableRandom(seed);
    for (Map.Entry<String, Slot> e : layout(spec).entrySet()) {
      Shape shape = e.getValue().shape();
      float[] data = new float[Math.toIntExact(shape.size())];
      switch (e.getValue().init()) {
        case NORMAL -> {
          for (int i = 0; i < data.length; i++) {
            data[i] = (float) (gaussian(rng) * INIT_STD);
          }
        }
        case ONES -> java.util.Arrays.fill(data, 1f);
        case ZEROS -> {}
      }
      w.put(e.getKey(), w.manager.create(data, shape));
    }
    return w;
  }

  /** Box-Muller on a SplittableRandom (which has no nextGaussian with a defined algorithm across JDKs). */
  private static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  private void put(String name, NDArray array) {
    array.setName(name);
    params.put(name, array);
  }

  public NDArray get(String name) {
    NDArray a = params.get(name);
    if (a == null) {
      throw new IllegalStateException("no parameter " + name);
    }
    return a;
  }

  public Map<String, NDArray> asMap() {
    return java.util.Collections.unmodifiableMap(params);
  }

  public Collection<NDArray> all() {
    return params.values();
  }

  public NDManager manager() {
    return manager;
  }

  /** The device every parameter lives on (the manager's). */
  public ai.djl.Device device() {
    return manager.getDevice();
  }

  public long parameterCount() {
    long n = 0;
    for (NDArray a : params.values()) {
      n += a.size();
    }
    return n;
  }

  public void setRequiresGradient(boolean requires) {
    for (NDArray a : params.values()) {
      a.setRequiresGradient(requires);
    }
  }

  /** Writes all parameters, with their names, in DJL's NDList format. */
  public void save(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      save(params.values(), out);
    }
  }

  static void save(Collection<NDArray> arrays, OutputStream out) throws IOException {
    NDList list = new NDList();
    for (NDArray a : arrays) {
      list.add(a);
    }
    list.encode(out);
  }

  /** Reads weights saved by {@link #save}; checks every parameter of {@code spec} is present with its shape. */
  public static TransformerWeights load(Path file, EncoderSpec spec, NDManager parent) throws IOException {
    TransformerWeights w = new TransformerWeights(parent.newSubManager());
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      for (NDArray a : NDList.decode(w.manager, in)) {
        w.params.put(a.getName(), a);
      }
    }
    for (Map.Entry<String, Slot> e : layout(spec).entrySet()) {
      NDArray a = w.params.get(e.getKey());
      Shape want = e.getValue().shape();
      if (a == null || !a.getShape().equals(want) || a.getDataType() != DataType.FLOAT32) {
        w.close();
        throw new CptbenchException(
            file
                + ": parameter "
                + e.getKey()
                + (a == null ? " is missing" : " is " + a.getDataType() + " " + a.getShape())
                + "; the checkpoint's config.json expects float32 "
                + want);
      }
    }
    return w;
  }

  /** Names in a fixed order (the order of creation). */
  public List<String> names() {
    return new ArrayList<>(params.keySet());
  }

  @Override
  public void close() {
    manager.close();
  }
}
