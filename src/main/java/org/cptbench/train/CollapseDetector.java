package org.cptbench.train;

import java.util.Locale;

/**
 * Detects a collapsed contrastive run step by step, over the window of the last {@value #K} steps. The run is
 * {@code collapsed} at a step when the window ending there shows either
 *
 * <ul>
 *   <li><b>no learning signal</b>: every step's symmetric InfoNCE loss within {@value #LOSS_MARGIN} nats of ln(M)
 *       (the loss of uniform logits over a batch of M pairs), the window's mean in-batch accuracy at most {@value
 *       #CHANCE_HITS}/M (chance is 1/M; a single step's accuracy is Binomial(M, 1/M)/M and often reaches 3/M or
 *       4/M by luck, so the mean over the window is what is compared) and the window's median global gradient
 *       norm (before clipping) below {@value #GRAD_NORM} (the median: one step's small blip does not hide a
 *       vanished gradient); or
 *   <li><b>no embedding spread</b>: every step's mean pairwise cosine of the batch's x embeddings above {@value
 *       #MEAN_COSINE} (only steps that measured it: {@link StepStats#meanCosine()} finite).
 * </ul>
 *
 * Fewer than {@value #K} steps since the start (or a resume) are never a collapse; when a later window no longer
 * qualifies the run is {@code ok} again (recovered). {@link #observe} returns each step's status, {@link
 * #firstCollapse()} the warning of the first collapse (printed once).
 */
public final class CollapseDetector {
  /** The window: consecutive steps that must show the collapse. */
  public static final int K = 20;

  /** How close (nats) each step's loss must be to ln(batch size). */
  public static final double LOSS_MARGIN = 0.01;

  /** Mean in-batch hits per step at or under which accuracy counts as chance: mean accuracy <= CHANCE_HITS / M. */
  public static final double CHANCE_HITS = 2;

  /** Median global gradient norm below which the gradient counts as vanished. */
  public static final double GRAD_NORM = 1e-3;

  /** Mean pairwise cosine of the x embeddings above which the spread counts as zero. */
  public static final double MEAN_COSINE = 0.999;

  private final int batchSize;
  private final java.util.ArrayDeque<StepStats> window = new java.util.ArrayDeque<>(K);
  private String warning;

  public CollapseDetector(int batchSize) {
    if (batchSize < 2) {
      throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /** Feeds the next step; returns its status ({@code OK} or {@code COLLAPSED}). */
  public TrainHealth.Status observe(StepStats s) {
    if (window.size() == K) {
      window.removeFirst();
    }
    window.addLast(s);
    if (window.size() < K || !(noSignal() || noSpread())) {
      return TrainHealth.Status.OK;
    }
    if (warning == null) {
      warning = String.format(
          Locale.ROOT,
          "warning: training collapsed at step %d: over the last %d steps the loss stayed at ln(%d) = %.5f (now"
              + " %.5f), mean in-batch accuracy %.4f (chance %.4f), median gradient norm %.2e, mean cosine of the x"
              + " embeddings %.4f, logit scale exp(tau) %.4f; lower the learning rate (or lengthen the warm-up) and"
              + " train again",
          s.step(), K, batchSize, Math.log(batchSize), s.loss(), meanAccuracy(), 1.0 / batchSize, medianGradNorm(),
          s.meanCosine(), Math.exp(s.tau()));
    }
    return TrainHealth.Status.COLLAPSED;
  }

  private boolean noSignal() {
    double chance = Math.log(batchSize);
    return window.stream().allMatch(w -> Math.abs(w.loss() - chance) <= LOSS_MARGIN)
        && meanAccuracy() <= CHANCE_HITS / batchSize
        && medianGradNorm() < GRAD_NORM;
  }

  private boolean noSpread() {
    return window.stream().allMatch(w -> Double.isFinite(w.meanCosine()) && w.meanCosine() > MEAN_COSINE);
  }

  private double meanAccuracy() {
    return window.stream().mapToDouble(StepStats::inBatchAccuracy).average().orElse(Double.NaN);
  }

  private double medianGradNorm() {
    double[] g = window.stream().mapToDouble(StepStats::gradNorm).sorted().toArray();
    return g.length % 2 == 1 ? g[g.length / 2] : (g[g.length / 2 - 1] + g[g.length / 2]) / 2;
  }

  /** The warning of the first collapse, or null while there was none. */
  public String firstCollapse() {
    return warning;
  }
}
