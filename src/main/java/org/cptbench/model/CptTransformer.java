package org.cptbench.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.HashMap;
import java.util.Map;

/**
 * The cpt encoder's forward pass on DJL NDArrays (PyTorch engine): token + learned position embeddings, pre-LN
 * Transformer layers {@code h += Attn(LN(h)); h += MLP(LN(h))} with multi-head scaled dot-product self-attention
 * (causal or bidirectional) and a GELU MLP, a final LayerNorm, then pooling (hidden state at the end delimiter, or
 * the mean over real tokens) and L2 normalisation. Same computation as PyTorch's {@code TransformerEncoderLayer(
 * norm_first=True, activation="gelu", dropout=0)}; with {@link Gelu#TANH} and causal attention it is exactly
 * Hugging Face's {@code GPT2Model} (LayerNorm eps 1e-5, biases everywhere, final {@code ln_f}).
 *
 * <p>Intermediate arrays are created in the caller's {@link ai.djl.ndarray.NDScope}; the weights are not copied.
 * Every array lives on the weights' device. In {@link Precision#BF16} the Transformer layers run under
 * {@link Autocast} (matrix and attention products in bf16, the softmax statistics in fp32; causal attention in
 * libtorch's fused kernel, {@link TorchOps#causalAttention}), their affine maps through libtorch's own {@code
 * linear} ({@link TorchOps}); the final LayerNorm, pooling and normalisation run in fp32, so embeddings are always
 * fp32.
 */
public final class CptTransformer {
  static final float LN_EPS = 1e-5f;
  private static final float MASKED = -1e9f;

  private final EncoderSpec spec;
  /** bf16 causal attention without autograd through libtorch's fused kernel (false for a trainer's model). */
  private final boolean fusedInference;
  private final TransformerWeights weights;
  private final Precision precision;
  private final Map<Integer, NDArray> causalMasks = new HashMap<>();

  /** An fp32 model. */
  public CptTransformer(EncoderSpec spec, TransformerWeights weights) {
    this(spec, weights, Precision.FP32);
  }

  /** A model whose forward pass runs in {@code precision} (fp32 or bf16; resolve {@code auto} first). */
  public CptTransformer(EncoderSpec spec, TransformerWeights weights, Precision precision) {
    this(spec, weights, precision, true);
  }

  private CptTransformer(EncoderSpec spec, TransformerWeights weights, Precision precision, boolean fusedInference) {
    if (precision == Precision.AUTO) {
      throw new IllegalArgumentException("precision auto must be resolved for " + weights.device() + " first");
    }
    this.spec = spec;
    this.weights = weights;
    this.precision = precision;
    this.fusedInference = fusedInference;
  }

  /**
   * This model for a trainer: every forward pass, with or without autograd, takes the explicit attention path, so
   * GradCache's two passes over a chunk (the first without autograd) compute the same embeddings. (bf16 fused
   * attention runs only in passes without autograd: its backward on CPU was measured 2x slower than the explicit
   * path's for the small preset, 55 vs 137 pairs/s.)
   */
  public CptTransformer forTraining() {
    return new CptTransformer(spec, weights, precision, false);
  }

  /** This model for encoding only (the default of the public constructors): bf16 causal attention fused. */
  public CptTransformer forInference() {
    return new CptTransformer(spec, weights, precision, true);
  }

  /** The forward-pass precision (never auto). */
  public Precision precision() {
    return precision;
  }

  /** The device of the weights, where every array of the forward pass is created. */
  public Device device() {
    return weights.device();
  }

  public EncoderSpec spec() {
    return spec;
  }

  public TransformerWeights weights() {
    return weights;
  }

  /** L2-normalised embeddings {@code [batch.size, width]} of a token batch. */
  public NDArray embed(TokenBatch batch, NDManager manager) {
    return embedUnnormalized(batch, manager).normalize(2, -1, 1e-12);
  }

  /** The pooled vectors {@code [batch.size, width]} before the L2 normalisation of {@link #embed}. */
  public NDArray embedUnnormalized(TokenBatch batch, NDManager manager) {
    int b = batch.size();
    int t = batch.length();
    if (t > spec.maxTokens()) {
      throw new IllegalArgumentException("sequence length " + t + " > maxTokens " + spec.maxTokens());
    }
    if (!manager.getDevice().equals(device())) {
      throw new IllegalArgumentException(
          "arrays for a model on " + device() + " must come from a manager on it, not " + manager.getDevice());
    }
    NDArray ids = manager.create(batch.ids(), new Shape(b, t));
    NDArray pool = manager.create(batch.poolWeights(), new Shape(b, 1, t));
    NDArray h;
    try (Precision.Scope ac = precision.autocast(device())) {
      h = hidden(ids, keyMask(batch, manager), manager);
    }
    return pool.matMul(h).reshape(b, spec.width());
  }

  /** Last-layer hidden states {@code [b, t, width]} after the final LayerNorm (fp32: LayerNorm of fp32 input). */
  NDArray hidden(NDArray ids, NDArray keyMask, NDManager manager) {
    long b = ids.getShape().get(0);
    int t = (int) ids.getShape().get(1);
    int d = spec.width();
    int heads = spec.heads();
    int dh = spec.headDim();
    NDArray tok = weights.get("tok_emb");
    NDArray h = ids.getNDArrayInternal().embedding(ids, tok, SparseFormat.DENSE).singletonOrThrow();
    NDArray pos = weights.get("pos_emb").get(new NDIndex("0:{}", t));
    h = release(h.add(pos), h, pos);
    NDArray mask = spec.attention() == Attention.CAUSAL ? causalMask(t, manager) : null;
    if (keyMask != null) {
      mask = mask == null ? keyMask : mask.add(keyMask);
    }
    NDArray scale = Scalars.of(h, 1.0 / Math.sqrt(dh)); // a graph operand: not a Java number (see Scalars)
    // bf16 causal attention in a pass without autograd: libtorch's fused kernel (TorchOps.causalAttention), as
    // PyTorch's scaled_dot_product_attention runs under autocast (encoding: 1.2x the explicit path's sequences/s on
    // the small preset). With autograd the explicit path's backward is the faster one; fp32 keeps the explicit
    // product-mask-softmax-product, whose results every fp32 report was made with.
    boolean fusedAttention = fusedInference && precision == Precision.BF16 && spec.attention() == Attention.CAUSAL
        && keyMask == null && !GradMode.enabled();
    Shape ln = new Shape(d);
    for (int l = 0; l < spec.layers(); l++) {
      String p = "layer" + l + ".";
      NDArray a = LayerNorm.layerNorm(h, ln, w(p + "ln1.g"), w(p + "ln1.b"), LN_EPS).singletonOrThrow();
      NDArray qkv = release(linear(a, p + "attn.qkv."), a);
      NDArray reshaped = qkv.reshape(b, t, 3, heads, dh);
      NDArray split = release(reshaped.transpose(2, 0, 3, 1, 4), qkv, reshaped); // [3, b, heads, t, dh]
      // split, not three selects: the backward of a select fills a zero tensor of qkv's full size per part
      NDList parts = split.split(3, 0);
      split.close();
      NDArray ctx; // [b, heads, t, dh]
      if (fusedAttention) {
        NDArray q = parts.get(0).squeeze(0);
        NDArray k = parts.get(1).squeeze(0);
        NDArray v = parts.get(2).squeeze(0);
        ctx = release(TorchOps.causalAttention(q, k, v), q, k, v);
      } else {
        NDArray q = parts.get(0).squeeze(0).mul(scale);
        NDArray k = parts.get(1).squeeze(0);
        NDArray v = parts.get(2).squeeze(0);
        NDArray kt = k.transpose(0, 1, 3, 2);
        NDArray scores = release(q.matMul(kt), q, k, kt); // [b, heads, t, t]
        if (mask != null) {
          scores = release(scores.add(mask), scores);
        }
        // softmax statistics in fp32 (a no-op in fp32, and when a mask promoted the bf16 scores); autocast casts the
        // probabilities for the product. TorchOps, not DJL's toType: that one cuts the graph of a bf16 array.
        NDArray scores32 = TorchOps.toFloat32(scores);
        NDArray probs = scores32.softmax(-1);
        ctx = release(probs.matMul(v), scores, scores32, probs, v);
      }
      parts.close();
      NDArray transposed = ctx.transpose(0, 2, 1, 3);
      NDArray merged = release(transposed.reshape(b, t, d), ctx, transposed);
      NDArray attnOut = release(linear(merged, p + "attn.out."), merged);
      h = release(h.add(attnOut), h, attnOut);
      NDArray m = LayerNorm.layerNorm(h, ln, w(p + "ln2.g"), w(p + "ln2.b"), LN_EPS).singletonOrThrow();
      NDArray fc = release(linear(m, p + "mlp.fc."), m);
      NDArray act = release(gelu(fc), fc);
      NDArray mlpOut = release(linear(act, p + "mlp.proj."), act);
      h = release(h.add(mlpOut), h, mlpOut);
    }
    return release(LayerNorm.layerNorm(h, ln, w("ln_f.g"), w("ln_f.b"), LN_EPS).singletonOrThrow(), h);
  }

  /**
   * {@code result}, after closing the handles of {@code consumed}: the intermediates of a forward pass, released as
   * soon as the next operation has used them, as PyTorch frees a tensor when its last reference goes. The next
   * activation then reuses their memory while it is still in cache, instead of fresh memory while all of them wait
   * for the pass's {@code NDScope} (measured on tiny bf16 encoding: every operation ran 1.6-1.8x slower in the pass
   * than alone). Only a Java handle closes: a view keeps its storage alive, and autograd keeps what it saved for the
   * backward pass, so the values and gradients are those of the unreleased pass. A consumed array that is also
   * {@code result} (an operation that returned its input) is left open.
   */
  private static NDArray release(NDArray result, NDArray... consumed) {
    for (NDArray c : consumed) {
      if (c != result && c != null) {
        c.close();
      }
    }
    return result;
  }

  /** The MLP's GELU ({@link Gelu}): PyTorch's exact one, or GPT-2's tanh approximation built from its formula. */
  private NDArray gelu(NDArray x) {
    if (spec.gelu() == Gelu.ERF) {
      return Activation.gelu(x);
    }
    NDArray cube = x.mul(x).mul(x);
    NDArray inner = x.add(cube.mul(Scalars.of(x, 0.044715))).mul(Scalars.of(x, Math.sqrt(2.0 / Math.PI)));
    return x.mul(inner.tanh().add(Scalars.of(x, 1.0))).mul(Scalars.of(x, 0.5));
  }

  /**
   * The affine map {@code x · W^T + b} of parameters {@code prefix + "w"} and {@code prefix + "b"}. In bf16 it is
   * libtorch's {@code at::linear} ({@link TorchOps#linear}: autocast casts bias and weight, one fused product); in
   * fp32 DJL's, as before.
   */
  private NDArray linear(NDArray x, String prefix) {
    if (precision == Precision.BF16) {
      return TorchOps.linear(x, w(prefix + "w"), w(prefix + "b"));
    }
    return Linear.linear(x, w(prefix + "w"), w(prefix + "b")).singletonOrThrow();
  }

  private NDArray w(String name) {
    return weights.get(name);
  }

  /**
   * Additive key-padding mask {@code [b, 1, 1, t]} for bidirectional attention over a padded batch, else null.
   * Causal attention needs none: padding is on the right, so no real position ever sees a padding key, and the
   * outputs at padding positions get zero pooling weight.
   */
  private NDArray keyMask(TokenBatch batch, NDManager manager) {
    if (spec.attention() == Attention.CAUSAL || !batch.padded()) {
      return null;
    }
    int t = batch.length();
    float[] m = new float[batch.size() * t];
    for (int i = 0; i < batch.size(); i++) {
      for (int j = batch.lengths()[i]; j < t; j++) {
        m[i * t + j] = MASKED;
      }
    }
    return manager.create(m, new Shape(batch.size(), 1, 1, t));
  }

  /** Additive causal mask {@code [t, t]}: 0 on and below the diagonal, a large negative above; cached per t. */
  private synchronized NDArray causalMask(int t, NDManager manager) {
    return causalMasks.computeIfAbsent(
        t,
        n -> {
          float[] m = new float[n * n];
          for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
              m[i * n + j] = MASKED;
            }
          }
          NDArray mask = weights.manager().create(m, new Shape(n, n));
          ai.djl.ndarray.NDScope.unregister(mask);
          return mask;
        });
  }
}
