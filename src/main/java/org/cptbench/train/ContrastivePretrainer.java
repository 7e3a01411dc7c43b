package org.cptbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
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
import org.cptbench.CptbenchException;
import org.cptbench.model.CptTransformer;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.GradMode;
import org.cptbench.model.Precision;
import org.cptbench.model.TransformerWeights;

/**
 * The cpt contrastive pre-training loop: seeded initialisation and data order, {@link ContrastiveStep} (plain or
 * GradCache), global-norm gradient clipping, {@link AdamW} with a warm-up/decay schedule, optional clamping of
 * exp(tau) at 100, a NaN/Inf guard, {@code train-log.csv} and atomic checkpoints. Everything random descends from
 * {@link TrainSpec#seed()}: weights from stream 1, the data order of epoch e from stream 2+e, so the batch of any
 * step is a pure function of (seed, step) and a run resumed from a checkpoint continues exactly.
 *
 * <p>Every tensor (weights, tau, AdamW moments, activations) lives on one device. In {@link Precision#BF16} the
 * encoder's forward passes run under autocast ({@link CptTransformer}); the master weights, their gradients, tau
 * and the logit scale, the loss and the AdamW moments stay fp32.
 */
public final class ContrastivePretrainer implements AutoCloseable {

  /** Receives every step's statistics (progress bars, tests). */
  @FunctionalInterface
  public interface Listener {
    void onStep(StepStats stats);
  }

  private final EncoderSpec spec;
  private final TrainSpec train;
  private final int padId;
  private final NDManager manager;
  private final TransformerWeights weights;
  private final CptTransformer model;
  private final NDArray tau;
  private final AdamW optimizer;
  private final ContrastiveStep stepper;
  private final LearningRateSchedule schedule;
  private final Set<String> decayed = new HashSet<>();
  private int completed;

  /** fp32 on DJL's default device. */
  public ContrastivePretrainer(EncoderSpec spec, TrainSpec train, int padId) {
    this(spec, train, padId, ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice(), Precision.FP32);
  }

  /** Trains on {@code device} in {@code precision} ({@code auto} is resolved for the device). */
  public ContrastivePretrainer(EncoderSpec spec, TrainSpec train, int padId, Device device, Precision precision) {
    this.spec = spec;
    this.train = train;
    this.padId = padId;
    this.manager = NDManager.newBaseManager(device);
    this.weights = TransformerWeights.initialise(spec, Seeds.derive(train.seed(), 1), manager);
    this.model = new CptTransformer(spec, weights, precision.resolve(device)).forTraining();
    this.tau = manager.create(new float[] {(float) train.temperature().tau()}, new Shape(1));
    tau.setName("tau");
    weights.setRequiresGradient(true);
    tau.setRequiresGradient(train.temperature().learned());
    for (Map.Entry<String, NDArray> e : weights.asMap().entrySet()) {
      if (e.getValue().getShape().dimension() >= 2) {
        decayed.add(e.getKey());
      }
    }
    this.optimizer = new AdamW(0.9, 0.999, 1e-8, train.weightDecay(), manager);
    this.stepper = new ContrastiveStep(model, manager, padId);
    this.schedule = train.schedule();
  }

  public CptTransformer model() {
    return model;
  }

  /** The resolved forward-pass precision (fp32 or bf16). */
  public Precision precision() {
    return model.precision();
  }

  /** The device of every tensor of the run. */
  public Device device() {
    return model.device();
  }

  public int padId() {
    return padId;
  }

  /** Steps completed so far (0 before training, or the step of the checkpoint resumed from). */
  public int completedSteps() {
    return completed;
  }

  public double tau() {
    return tau.getFloat();
  }

  /** Runs steps {@code completedSteps()+1 .. upTo}, calling {@code checkpoint} at every checkpoint step. */
  public void train(PairData data, int upTo, Listener listener, java.util.function.IntConsumer checkpoint) {
    if (data.size() < train.batchSize()) {
      throw new CptbenchException(
          "train.batchSize: "
              + train.batchSize()
              + " is larger than the number of training pairs ("
              + data.size()
              + "); use a smaller batch or more text");
    }
    BatchOrder order = new BatchOrder(data.size(), train.batchSize(), train.seed());
    while (completed < upTo) {
      int step = completed + 1;
      int[] idx = order.batch(step);
      StepStats stats = step(step, data.x(idx), data.y(idx));
      completed = step;
      listener.onStep(stats);
      if (train.checkpoints().contains(step)) {
        checkpoint.accept(step);
      }
    }
  }

  /** One optimizer step on the given pairs. */
  public StepStats step(int step, int[][] xs, int[][] ys) {
    long start = System.nanoTime();
    ContrastiveStep.Outcome out =
        stepper.run(
            xs, ys, () -> tau.exp(), train.gradCache() ? train.chunkSize() : 0, train.temperature().learned());
    double lr = schedule.at(step);
    if (!Double.isFinite(out.loss())) {
      throw new TrainingDiverged(step, "the loss", out.loss(), advice(lr));
    }
    double gradNorm;
    try (NDScope scope = new NDScope()) {
      Map<String, NDArray> params = new LinkedHashMap<>(weights.asMap());
      Map<String, NDArray> grads = new LinkedHashMap<>();
      for (Map.Entry<String, NDArray> e : params.entrySet()) {
        grads.put(e.getKey(), e.getValue().getGradient());
      }
      if (train.temperature().learned()) {
        params.put("tau", tau);
        grads.put("tau", tau.getGradient());
      }
      gradNorm = globalNorm(grads);
      if (!Double.isFinite(gradNorm)) {
        throw new TrainingDiverged(step, "the gradient norm", gradNorm, advice(lr));
      }
      double scale = train.clipNorm() > 0 && gradNorm > train.clipNorm() ? train.clipNorm() / (gradNorm + 1e-6) : 1;
      double tauLr = train.temperature().learningRate();
      optimizer.step(params, grads, lr, scale, decayed, tauLr > 0 ? Map.of("tau", tauLr) : Map.of());
      for (NDArray p : params.values()) {
        JniUtils.zeroGrad((PtNDArray) p);
      }
    }
    if (train.temperature().learned() && train.temperature().clamp() && tau() > Temperature.maxTau()) {
      try (GradMode off = GradMode.disabled()) {
        tau.set(new float[] {(float) Temperature.maxTau()});
      }
    }
    if (!Double.isFinite(tau())) {
      throw new TrainingDiverged(step, "tau (the log of the logit scale)", tau(), advice(lr));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new StepStats(
        step, out.loss(), tau(), lr, xs.length / seconds, out.accuracy(), gradNorm, out.meanCosine());
  }

  private String advice(double lr) {
    return "the learning rate was "
        + lr
        + " (tau "
        + tau()
        + "); lower --lr / train.learningRate, lengthen the warm-up, keep clipping on (train.clipNorm)"
        + (train.temperature().learned() && !train.temperature().clamp() ? " or clamp the temperature" : "")
        + ", then run again";
  }

  private static double globalNorm(Map<String, NDArray> grads) {
    NDArray total = null;
    for (NDArray g : grads.values()) {
      NDArray sq = g.square().sum();
      total = total == null ? sq : total.add(sq);
    }
    return total == null ? 0 : Math.sqrt(total.getFloat());
  }

  /**
   * Replaces the seeded initial weights with those of a trained model of the same shape ({@code train --init}); call
   * before training (a resumed checkpoint overrides it).
   */
  public void initialiseFrom(TransformerWeights source) {
    try (GradMode off = GradMode.disabled()) {
      for (Map.Entry<String, NDArray> e : weights.asMap().entrySet()) {
        NDArray from = source.get(e.getKey());
        if (!from.getShape().equals(e.getValue().getShape())) {
          throw new CptbenchException("parameter " + e.getKey() + " of the initial model is " + from.getShape()
              + ", the encoder expects " + e.getValue().getShape());
        }
        e.getValue().set(from.toByteBuffer());
      }
    }
  }

  /**
   * Writes weights and optimizer state (AdamW moments, step, tau) into {@code dir}.
   *
   * @throws TrainingDiverged if a weight or tau is not finite: such a state is never written
   */
  public void saveState(Path dir) {
    TrainingDiverged.requireFinite(weights.asMap(), completed, advice(schedule.at(completed)));
    if (!Double.isFinite(tau())) {
      throw new TrainingDiverged(completed, "tau (the log of the logit scale)", tau(), advice(schedule.at(completed)));
    }
    try {
      weights.save(dir.resolve(org.cptbench.model.Checkpoint.WEIGHTS));
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(dir.resolve(org.cptbench.model.Checkpoint.OPTIMIZER)))) {
        optimizer.save(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + dir, e);
    }
  }

  /** Restores weights, optimizer state and tau saved at {@code step} by {@link #saveState}. */
  public void restoreState(Path dir, int step, double savedTau) {
    try (TransformerWeights saved =
            TransformerWeights.load(dir.resolve(org.cptbench.model.Checkpoint.WEIGHTS), spec, manager);
        GradMode off = GradMode.disabled();
        InputStream in =
            new BufferedInputStream(Files.newInputStream(dir.resolve(org.cptbench.model.Checkpoint.OPTIMIZER)))) {
      for (Map.Entry<String, NDArray> e : weights.asMap().entrySet()) {
        e.getValue().set(saved.get(e.getKey()).toByteBuffer());
      }
      optimizer.load(in);
      tau.set(new float[] {(float) savedTau});
      completed = step;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + dir, e);
    }
  }

  @Override
  public void close() {
    optimizer.close();
    weights.close();
    manager.close();
  }
}
