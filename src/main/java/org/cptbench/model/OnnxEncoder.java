package org.cptbench.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.text.ByteLevel;
import org.cptbench.text.Side;

/**
 * A reference sentence encoder run by ONNX Runtime through DJL (engine {@code OnnxRuntime}), e.g.
 * {@link OnnxModels#MINILM_L6 all-MiniLM-L6-v2}. Exactly the sentence-transformers pipeline:
 *
 * <ol>
 *   <li>the Hugging Face tokenizer of the model's {@code tokenizer.json} (for BERT models: BertNormalizer with
 *       lower-casing and accent stripping, BertPreTokenizer, WordPiece), {@code [CLS] pieces [SEP]}, truncated to
 *       {@link OnnxModelSpec#maxTokens()} word pieces in total (the file's own truncation/padding are overridden);
 *   <li>batches of {@value #BATCH} texts of similar token length (sorted; results in input order), padded with id 0,
 *       {@code attention_mask} 1 on real tokens, {@code token_type_ids} 0;
 *   <li>{@code last_hidden_state} pooled per {@link OnnxPooling} over the attention mask;
 *   <li>{@code e / max(||e||_2, 1e-12)} (torch.nn.functional.normalize).
 * </ol>
 *
 * <p>ONNX Runtime runs one session with intra-op threads = {@code CPTBENCH_THREADS} when set, else the available
 * processors. The fingerprint is {@code sha256(hex(sha256(model.onnx)) + "\n" + hex(sha256(tokenizer.json)) + "\n" +
 * settings)}, settings being pooling, max tokens and prefixes. The encoder is symmetric unless the spec gives side
 * prefixes. Safe to call from several threads.
 */
public final class OnnxEncoder implements Encoder {
  /** Texts per forward pass. */
  public static final int BATCH = 64;

  /** Default folder for extracted model files. */
  public static final Path DEFAULT_MODEL_CACHE = Path.of("cache", "models");

  private final OnnxModelSpec spec;
  private final String fingerprint;
  private final Model model;
  private final HuggingFaceTokenizer tokenizer;
  private final List<String> inputNames;
  private final int dimension;

  private OnnxEncoder(
      OnnxModelSpec spec, String fingerprint, Model model, HuggingFaceTokenizer tokenizer, List<String> inputNames) {
    this.spec = spec;
    this.fingerprint = fingerprint;
    this.model = model;
    this.tokenizer = tokenizer;
    this.inputNames = inputNames;
    this.dimension = forward(new long[][] {tokenize(List.of("")).get(0)}, 0, 1, true)[0].length;
  }

  /**
   * Opens a registered model: hashes its resources, extracts the ONNX file to {@code modelCache/<name>/} (first use
   * only) and starts an ONNX Runtime session.
   */
  public static OnnxEncoder open(OnnxModelSpec spec, Path modelCache) {
    String modelSha = ModelResources.sha256(spec.modelResource(), spec.source());
    byte[] tokenizerJson = ModelResources.bytes(spec.tokenizerResource(), spec.source());
    String tokenizerSha = HexFormat.of().formatHex(ModelResources.newSha256().digest(tokenizerJson));
    String fingerprint =
        HexFormat.of()
            .formatHex(
                ModelResources.newSha256()
                    .digest(
                        (modelSha + "\n" + tokenizerSha + "\n" + spec.settingsKey())
                            .getBytes(StandardCharsets.UTF_8)));
    Path onnx =
        ModelResources.extract(spec.modelResource(), spec.source(), modelSha, modelCache.resolve(spec.name()));
    HuggingFaceTokenizer tokenizer = null;
    Model model = null;
    try {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              new ByteArrayInputStream(tokenizerJson),
              Map.of(
                  "addSpecialTokens", "true",
                  "truncation", "true",
                  "padding", "false",
                  "maxLength", Integer.toString(spec.maxTokens())));
      model = Model.newInstance(spec.name(), Device.cpu(), "OnnxRuntime");
      try (SessionOptions options = new SessionOptions()) {
        options.setIntraOpNumThreads(threads());
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
        model.load(onnx, null, Map.of("sessionOptions", options));
      }
      List<String> names = model.getBlock().describeInput().keys();
      for (String required : List.of("input_ids", "attention_mask")) {
        if (!names.contains(required)) {
          throw new CptbenchException(
              "ONNX model " + onnx + " of " + spec.name() + " has inputs " + names + "; expected " + required);
        }
      }
      return new OnnxEncoder(spec, fingerprint, model, tokenizer, List.copyOf(names));
    } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
      if (model != null) {
        model.close();
      }
      if (tokenizer != null) {
        tokenizer.close();
      }
      if (e instanceof CptbenchException c) {
        throw c;
      }
      throw new CptbenchException("cannot load ONNX model " + spec.name() + " (" + onnx + "): " + e.getMessage(), e);
    }
  }

  /** Intra-op threads: {@code CPTBENCH_THREADS} when set to a positive number, else the available processors. */
  static int threads() {
    String env = System.getenv("CPTBENCH_THREADS");
    if (env != null && env.matches("\\s*[1-9][0-9]*\\s*")) {
      return Integer.parseInt(env.trim());
    }
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  public OnnxModelSpec spec() {
    return spec;
  }

  /** The ONNX graph's input names, as the session reports them. */
  List<String> inputNames() {
    return inputNames;
  }

  @Override
  public float[][] embed(List<String> texts, Side side) {
    return embed(texts, side, true);
  }

  /** The pooled vectors before the L2 normalisation (step 4 above left out). */
  @Override
  public float[][] embedUnnormalized(List<String> texts, Side side) {
    return embed(texts, side, false);
  }

  private float[][] embed(List<String> texts, Side side, boolean normalize) {
    String prefix = side == Side.X ? spec.prefixX() : spec.prefixY();
    List<String> prefixed = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null) {
        throw new IllegalArgumentException("texts[" + i + "] is null");
      }
      prefixed.add(prefix + t);
    }
    List<long[]> ids = tokenize(prefixed);
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ids.get(a).length, ids.get(b).length));
    long[][] sorted = new long[order.length][];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = ids.get(order[i]);
    }
    float[][] out = new float[order.length][];
    for (int from = 0; from < sorted.length; from += BATCH) {
      int to = Math.min(sorted.length, from + BATCH);
      float[][] batch = forward(sorted, from, to, normalize);
      for (int i = from; i < to; i++) {
        out[order[i]] = batch[i - from];
      }
    }
    return out;
  }

  /** Word-piece ids per text, special tokens included, truncated to max tokens (no padding). */
  List<long[]> tokenize(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    String[] clean = new String[texts.size()];
    for (int i = 0; i < clean.length; i++) {
      clean[i] = ByteLevel.replaceLoneSurrogates(texts.get(i));
    }
    Encoding[] encodings = tokenizer.batchEncode(clean);
    List<long[]> ids = new ArrayList<>(encodings.length);
    for (Encoding e : encodings) {
      ids.add(e.getIds());
    }
    return ids;
  }

  /** Pooled, normalised embeddings of {@code ids[from, to)}, one batch padded to its longest sequence. */
  private float[][] forward(long[][] ids, int from, int to, boolean normalize) {
    int b = to - from;
    int t = 1;
    for (int i = from; i < to; i++) {
      t = Math.max(t, ids[i].length);
    }
    long[] inputIds = new long[b * t];
    long[] mask = new long[b * t];
    for (int i = 0; i < b; i++) {
      long[] seq = ids[from + i];
      System.arraycopy(seq, 0, inputIds, i * t, seq.length);
      Arrays.fill(mask, i * t, i * t + seq.length, 1L);
    }
    Shape shape = new Shape(b, t);
    try (NDManager sub = model.getNDManager().newSubManager()) {
      NDList inputs = new NDList();
      for (String name : inputNames) {
        long[] data =
            switch (name) {
              case "input_ids" -> inputIds;
              case "attention_mask" -> mask;
              case "token_type_ids" -> new long[b * t];
              default ->
                  throw new CptbenchException(
                      "ONNX model of " + spec.name() + " has an unsupported input '" + name + "'; supported:"
                          + " input_ids, attention_mask, token_type_ids");
            };
        NDArray array = sub.create(LongBuffer.wrap(data), shape, DataType.INT64);
        array.setName(name);
        inputs.add(array);
      }
      Block block = model.getBlock();
      NDList outputs = block.forward(new ParameterStore(sub, false), inputs, false);
      NDArray hidden = outputs.contains("last_hidden_state") ? outputs.get("last_hidden_state") : outputs.get(0);
      Shape hs = hidden.getShape();
      if (hs.dimension() != 3 || hs.get(0) != b || hs.get(1) != t) {
        throw new CptbenchException(
            "ONNX model of " + spec.name() + ": output " + hidden.getName() + " has shape " + hs + ", expected ("
                + b + ", " + t + ", d)");
      }
      return pool(hidden.toFloatArray(), mask, b, t, (int) hs.get(2), spec.pooling(), normalize);
    }
  }

  /** Pools {@code hidden[b][t][d]} (row-major) over {@code mask[b][t]} and L2-normalises each row. */
  static float[][] pool(float[] hidden, long[] mask, int b, int t, int d, OnnxPooling pooling) {
    return pool(hidden, mask, b, t, d, pooling, true);
  }

  /** Pools as {@link #pool(float[], long[], int, int, int, OnnxPooling)}, L2-normalising only when asked. */
  static float[][] pool(float[] hidden, long[] mask, int b, int t, int d, OnnxPooling pooling, boolean normalize) {
    float[][] out = new float[b][d];
    double[] acc = new double[d];
    for (int i = 0; i < b; i++) {
      Arrays.fill(acc, 0);
      double count = 0;
      for (int j = 0; j < t; j++) {
        if (mask[i * t + j] == 0 || (pooling == OnnxPooling.CLS && j > 0)) {
          continue;
        }
        int base = (i * t + j) * d;
        for (int k = 0; k < d; k++) {
          acc[k] += hidden[base + k];
        }
        count++;
      }
      double norm = 0;
      for (int k = 0; k < d; k++) {
        acc[k] /= Math.max(count, 1e-9);
        norm += acc[k] * acc[k];
      }
      norm = normalize ? Math.max(Math.sqrt(norm), 1e-12) : 1.0;
      for (int k = 0; k < d; k++) {
        out[i][k] = (float) (acc[k] / norm);
      }
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }
}
