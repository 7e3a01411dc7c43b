package org.cptbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.text.CptTokenizer;
import org.cptbench.text.Side;

/**
 * A cptbench checkpoint as an {@link Encoder}: texts are tokenised with the checkpoint's tokenizer, wrapped in the
 * delimiters of their side, and embedded in length-sorted batches (less padding) without autograd.
 */
public final class CptEncoder implements Encoder {
  /** Sequences per forward pass when embedding. */
  public static final int BATCH = 256;

  /** Tokens per fp32 forward pass: larger passes are slower per token on CPUs (activations fall out of cache). */
  public static final int FORWARD_TOKENS = 4096;

  /**
   * Tokens per bf16 forward pass. Each pass casts every weight to bf16 again, so in bf16 fewer, larger passes win:
   * 16,384 encoded 25-40 % more sequences per second than 4,096 on a Sapphire Rapids Xeon (README, "bf16
   * speed, measured").
   */
  public static final int FORWARD_TOKENS_BF16 = 16_384;

  private final String name;
  private final String fingerprint;
  private final NDManager manager;
  private final CptTokenizer tokenizer;
  private final CptTransformer model;
  private final int padId;

  private CptEncoder(
      String name, String fingerprint, NDManager manager, CptTokenizer tokenizer, CptTransformer model, int padId) {
    this.padId = padId;
    this.name = name;
    this.fingerprint = fingerprint;
    this.manager = manager;
    this.tokenizer = tokenizer;
    this.model = model;
  }

  /** Loads a model folder (a cptbench checkpoint or a Hugging Face GPT-2 folder), fp32 on DJL's default device. */
  public static CptEncoder load(Path dir) {
    return load(dir, ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice(), Precision.FP32);
  }

  /**
   * Loads a model folder ({@link ModelFolder}: a cptbench checkpoint or a Hugging Face GPT-2 folder) onto {@code
   * device} with a forward pass in {@code precision} ({@code auto} is resolved for the device). A bf16 encoder's
   * fingerprint differs from the fp32 one (its embeddings do).
   */
  public static CptEncoder load(Path dir, ai.djl.Device device, Precision precision) {
    Checkpoint.verify(dir, "evaluate another checkpoint, or train again into the run folder to rewrite it");
    Precision resolved = precision.resolve(device);
    NDManager manager = NDManager.newBaseManager(device);
    try {
      LoadedModel m = ModelFolder.load(dir, manager);
      return new CptEncoder(
          dir.toString(),
          m.fingerprint() + (resolved == Precision.FP32 ? "" : "-" + resolved.label()),
          manager,
          m.tokenizer(),
          m.transformer(resolved),
          m.tokenizer().padId());
    } catch (RuntimeException e) {
      manager.close();
      if (e instanceof CptbenchException c) {
        throw c;
      }
      throw new CptbenchException("cannot load checkpoint " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Wraps an in-memory model (the trainer's) without copying; the caller keeps ownership of both. The tokenizer may
   * be null when only {@link #embedTokens} is used.
   */
  public static CptEncoder wrap(String name, CptTokenizer tokenizer, CptTransformer model, int padId) {
    return new CptEncoder(name, "", null, tokenizer, model, padId);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public int dimension() {
    return model.spec().width();
  }

  public EncoderSpec spec() {
    return model.spec();
  }

  /** The forward-pass precision (resolved: fp32 or bf16). */
  public Precision precision() {
    return model.precision();
  }

  /** The device of the weights and of every forward pass. */
  public ai.djl.Device device() {
    return model.device();
  }

  @Override
  public float[][] embed(List<String> texts, Side side) {
    return embedTokens(tokenIds(texts, side));
  }

  /** The token ids {@link #embed} feeds the model: per text, delimiters of the side included, truncated. */
  public int[][] tokenIds(List<String> texts, Side side) {
    return tokenizer.encode(texts, side, model.spec().maxTokens());
  }

  /**
   * Embeds pre-tokenised sequences (delimiters included), about {@value #FORWARD_TOKENS} tokens in fp32 and
   * {@value #FORWARD_TOKENS_BF16} in bf16 (at most {@value #BATCH} sequences) per forward pass.
   */
  public float[][] embedTokens(int[][] ids) {
    return embedTokens(ids, BATCH);
  }

  /** Embeds pre-tokenised sequences (delimiters included), at most {@code batch} per forward pass. */
  public float[][] embedTokens(int[][] ids, int maxBatch) {
    return embedTokens(ids, maxBatch, true);
  }

  /** The pooled vectors before the L2 normalisation. */
  @Override
  public float[][] embedUnnormalized(List<String> texts, Side side) {
    return embedTokens(tokenizer.encode(texts, side, model.spec().maxTokens()), BATCH, false);
  }

  private float[][] embedTokens(int[][] ids, int maxBatch, boolean normalize) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
    int[][] sorted = new int[ids.length][];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = ids[order[i]];
    }
    int d = dimension();
    float[][] out = new float[ids.length][];
    NDManager m = manager != null ? manager : model.weights().manager();
    int budget = model.precision() == Precision.BF16 ? FORWARD_TOKENS_BF16 : FORWARD_TOKENS;
    try (GradMode off = GradMode.disabled()) {
      int from = 0;
      while (from < sorted.length) {
        int to = from + 1;
        while (to < sorted.length && to - from < maxBatch && (to + 1 - from) * sorted[to].length <= budget) {
          to++;
        }
        try (NDScope scope = new NDScope()) {
          TokenBatch batch = TokenBatch.of(sorted, from, to, padId, model.spec().pooling());
          NDArray e = normalize ? model.embed(batch, m) : model.embedUnnormalized(batch, m);
          float[] flat = e.toFloatArray();
          for (int i = from; i < to; i++) {
            out[order[i]] = Arrays.copyOfRange(flat, (i - from) * d, (i - from + 1) * d);
          }
        }
        from = to;
      }
    }
    return out;
  }

  @Override
  public void close() {
    if (manager != null) {
      tokenizer.close();
      manager.close();
    }
  }
}
