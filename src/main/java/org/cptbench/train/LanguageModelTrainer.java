package org.cptbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.cptbench.CptbenchException;
import org.cptbench.model.CausalLmHead;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.CptTransformer;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.GradMode;
import org.cptbench.model.Precision;
import org.cptbench.model.TransformerWeights;

/**
 * Generative (GPT-style) pre-training of the cpt Transformer: next-token cross-entropy over every position of packed
 * sequences ({@link CausalLmHead}, output projection tied to the token embedding), global-norm gradient clipping,
 * {@link AdamW} with a warm-up/decay {@link LearningRateSchedule}, a NaN/Inf guard, and a fixed held-out slice scored
 * every {@code evalEvery} steps. Weights descend from seed stream 1 and the sequence order of epoch e from stream
 * 2+e ({@link BatchOrder}), so the batch of a step is a function of (seed, step) and a resumed run continues exactly.
 *
 * <p>A step runs its batch in micro-batches of about {@value #MICRO_TOKENS} tokens (in bf16 {@link #microTokens}),
 * each with its own forward and backward pass (gradients accumulate in the parameters; each micro-batch's loss sum
 * is divided by the batch's token count): the same gradient as one pass over the whole batch, but the {@code
 * [tokens, vocab]} logits stay small.
 * The output projection's gradient is computed directly ({@link CausalLmHead#backwardLossSum}), 1.3x faster than
 * autograd through log-softmax on the tiny preset. AdamW uses GPT-3's betas (0.9, 0.95).
 *
 * <p>In {@link Precision#BF16} the forward passes run under autocast as contrastive training's do ({@link
 * CausalLmHead}: products and attention in bf16, LayerNorm, softmax statistics and the loss in fp32); the master
 * weights, their gradients, the clipping and the AdamW moments stay fp32.
 */
public final class LanguageModelTrainer implements AutoCloseable {
  /** Tokens per fp32 forward/backward pass. */
  static final int MICRO_TOKENS = 1024;

  /**
   * Logits per bf16 forward/backward pass ({@code tokens x vocab}, 256 MiB in bf16). Each pass casts every weight
   * to bf16 and accumulates an fp32 gradient per weight, so bf16 runs best in few passes: 8,192 tokens per pass
   * (this budget at a 16,384-token vocabulary) pre-trained the small preset 1.35-1.4x faster than 1,024.
   */
  static final long LOGITS_BF16 = 1L << 27;

  /**
   * One step's statistics (a row of train-log.csv).
   *
   * @param valLoss mean cross-entropy on the held-out slice after this step, NaN when it was not scored
   */
  public record Stats(
      int step, double loss, double valLoss, double learningRate, double tokensPerSecond, double gradNorm) {
    /** exp(valLoss): the held-out perplexity (NaN when not scored). */
    public double valPerplexity() {
      return Math.exp(valLoss);
    }
  }

  private final EncoderSpec spec;
  private final LanguageModelSpec lm;
  private final NDManager manager;
  private final TransformerWeights weights;
  private final CausalLmHead head;
  private final AdamW optimizer;
  private final LearningRateSchedule schedule;
  private final Set<String> decayed = new HashSet<>();
  private int completed;

  /** An fp32 trainer. */
  public LanguageModelTrainer(EncoderSpec spec, LanguageModelSpec lm) {
    this(spec, lm, Precision.FP32);
  }

  /** A trainer whose forward passes run in {@code precision} ({@code auto} is resolved for the device). */
  public LanguageModelTrainer(EncoderSpec spec, LanguageModelSpec lm, Precision precision) {
    if (lm.seqLen() > spec.maxTokens()) {
      throw new CptbenchException(
          "pretrain.seqLen: " + lm.seqLen() + " is longer than encoder.maxTokens " + spec.maxTokens()
              + " (the learned positions); use a seqLen <= " + spec.maxTokens());
    }
    this.spec = spec;
    this.lm = lm;
    this.manager = NDManager.newBaseManager();
    this.weights = TransformerWeights.initialise(spec, Seeds.derive(lm.seed(), 1), manager);
    this.head = new CausalLmHead(new CptTransformer(spec, weights, precision.resolve(manager.getDevice())).forTraining());
    weights.setRequiresGradient(true);
    for (Map.Entry<String, NDArray> e : weights.asMap().entrySet()) {
      if (e.getValue().getShape().dimension() >= 2) {
        decayed.add(e.getKey());
      }
    }
    this.optimizer = new AdamW(0.9, 0.95, 1e-8, lm.weightDecay(), manager);
    this.schedule = lm.schedule();
  }

  public CptTransformer model() {
    return head.model();
  }

  /** Tokens per forward/backward pass: {@value #MICRO_TOKENS} in fp32; in bf16 {@link #LOGITS_BF16} / vocab. */
  int microTokens() {
    return precision() == Precision.BF16
        ? (int) Math.max(MICRO_TOKENS, LOGITS_BF16 / spec.vocabSize())
        : MICRO_TOKENS;
  }

  /** The resolved forward-pass precision (fp32 or bf16). */
  public Precision precision() {
    return head.model().precision();
  }

  /** The device of the weights and every array of the run. */
  public ai.djl.Device device() {
    return head.model().device();
  }

  public CausalLmHead head() {
    return head;
  }

  public int completedSteps() {
    return completed;
  }

  /** Replaces the initial weights with those of another model of the same shape (continued pre-training). */
  public void initialiseFrom(TransformerWeights source) {
    copyWeights(source);
  }

  /** Runs steps {@code completedSteps()+1 .. upTo} on the training part, scoring the held-out part as specified. */
  public void train(PackedTokens data, int upTo, Consumer<Stats> listener, IntConsumer checkpoint) {
    int n = PackedTokens.sequences(data.train(), lm.seqLen());
    if (n < lm.batchSize()) {
      throw new CptbenchException(
          "pretrain.batchSize: " + lm.batchSize() + " is larger than the number of training sequences (" + n
              + "); use a smaller batch or more text");
    }
    BatchOrder order = new BatchOrder(n, lm.batchSize(), lm.seed());
    while (completed < upTo) {
      int step = completed + 1;
      int[] idx = order.batch(step);
      Stats s = step(step, PackedTokens.inputs(data.train(), lm.seqLen(), idx),
          PackedTokens.targets(data.train(), lm.seqLen(), idx));
      completed = step;
      if (lm.evaluatesAt(step)) {
        s = new Stats(s.step(), s.loss(), evaluate(data.validation()), s.learningRate(), s.tokensPerSecond(),
            s.gradNorm());
      }
      listener.accept(s);
      if (lm.checkpoints().contains(step)) {
        checkpoint.accept(step);
      }
    }
  }

  /** One optimizer step on sequences {@code inputs} with next tokens {@code targets} (same shapes). */
  public Stats step(int step, int[][] inputs, int[][] targets) {
    long start = System.nanoTime();
    double lossSum = 0;
    int tokens = inputs.length * inputs[0].length;
    int micro = Math.max(1, microTokens() / inputs[0].length);
    for (int from = 0; from < inputs.length; from += micro) {
      int to = Math.min(inputs.length, from + micro);
      try (NDScope scope = new NDScope()) {
        lossSum += head.backwardLossSum(inputs, targets, from, to, 1.0 / tokens, manager);
      }
    }
    double loss = lossSum / tokens;
    double lr = schedule.at(step);
    if (!Double.isFinite(loss)) {
      throw new TrainingDiverged(step, "the language-model loss", loss, advice(lr));
    }
    double gradNorm;
    try (NDScope scope = new NDScope()) {
      Map<String, NDArray> params = new LinkedHashMap<>(weights.asMap());
      Map<String, NDArray> grads = new LinkedHashMap<>();
      NDArray total = null;
      for (Map.Entry<String, NDArray> e : params.entrySet()) {
        NDArray g = e.getValue().getGradient();
        grads.put(e.getKey(), g);
        NDArray sq = g.square().sum();
        total = total == null ? sq : total.add(sq);
      }
      gradNorm = Math.sqrt(total.getFloat());
      if (!Double.isFinite(gradNorm)) {
        throw new TrainingDiverged(step, "the gradient norm", gradNorm, advice(lr));
      }
      double scale = lm.clipNorm() > 0 && gradNorm > lm.clipNorm() ? lm.clipNorm() / (gradNorm + 1e-6) : 1;
      optimizer.step(params, grads, lr, scale, decayed, Map.of());
      for (NDArray p : params.values()) {
        JniUtils.zeroGrad((PtNDArray) p);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Stats(step, loss, Double.NaN, lr, tokens / seconds, gradNorm);
  }

  private static String advice(double lr) {
    return "the learning rate was " + lr + "; lower --lr / pretrain.learningRate, lengthen the warm-up or keep"
        + " clipping on (pretrain.clipNorm), then run again";
  }

  /** Mean next-token cross-entropy (nats) over every sequence of a part (no autograd). */
  public double evaluate(int[] part) {
    int n = PackedTokens.sequences(part, lm.seqLen());
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[][] inputs = PackedTokens.inputs(part, lm.seqLen(), idx);
    int[][] targets = PackedTokens.targets(part, lm.seqLen(), idx);
    return meanLoss(inputs, targets);
  }

  /** Mean next-token cross-entropy of the given sequences under the current weights (no autograd). */
  public double meanLoss(int[][] inputs, int[][] targets) {
    double sum = 0;
    int micro = Math.max(1, microTokens() / inputs[0].length);
    try (GradMode off = GradMode.disabled()) {
      for (int from = 0; from < inputs.length; from += micro) {
        try (NDScope scope = new NDScope()) {
          sum += head.lossSum(inputs, targets, from, Math.min(inputs.length, from + micro), manager).getFloat();
        }
      }
    }
    return sum / ((double) inputs.length * inputs[0].length);
  }

  /** Writes weights and optimizer state into {@code dir}. */
  public void saveState(Path dir) {
    TrainingDiverged.requireFinite(weights.asMap(), completed, advice(schedule.at(completed)));
    try {
      weights.save(dir.resolve(Checkpoint.WEIGHTS));
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(Checkpoint.OPTIMIZER)))) {
        optimizer.save(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + dir, e);
    }
  }

  /** Restores what {@link #saveState} wrote at {@code step}. */
  public void restoreState(Path dir, int step) {
    try (TransformerWeights saved = TransformerWeights.load(dir.resolve(Checkpoint.WEIGHTS), spec, manager);
        InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(Checkpoint.OPTIMIZER)))) {
      copyWeights(saved);
      optimizer.load(in);
      completed = step;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + dir, e);
    }
  }

  private void copyWeights(TransformerWeights source) {
    try (GradMode off = GradMode.disabled()) {
      for (Map.Entry<String, NDArray> e : weights.asMap().entrySet()) {
        NDArray from = source.get(e.getKey());
        if (!from.getShape().equals(e.getValue().getShape())) {
          throw new CptbenchException(
              "parameter " + e.getKey() + " is " + from.getShape() + ", the model expects " + e.getValue().getShape());
        }
        e.getValue().set(from.toByteBuffer());
      }
    }
  }

  @Override
  public void close() {
    optimizer.close();
    weights.close();
    manager.close();
  }
}
