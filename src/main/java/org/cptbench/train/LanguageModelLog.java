package org.cptbench.train;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code train-log.csv} of language-model pre-training: one row per optimizer step. Columns: step, loss (mean
 * next-token cross-entropy of the step's batch, nats), val_loss and val_ppl (mean cross-entropy on the held-out slice
 * and its exponential, the perplexity; empty on steps where the slice is not scored), lr, tokens_per_s (tokens of
 * this step per second of forward + backward + optimizer), grad_norm (global gradient norm before clipping).
 */
public final class LanguageModelLog implements AutoCloseable {
  public static final String HEADER = "step,loss,val_loss,val_ppl,lr,tokens_per_s,grad_norm";

  private final StepCsv out;

  /** Opens the log for appending after {@code keepUpTo} ({@code 0} starts a new one). */
  public LanguageModelLog(Path file, int keepUpTo) {
    out = new StepCsv(file, HEADER, keepUpTo);
  }

  public void append(LanguageModelTrainer.Stats s) {
    boolean scored = !Double.isNaN(s.valLoss());
    out.row(
        String.format(
            Locale.ROOT,
            "%d,%.6f,%s,%s,%.6g,%.1f,%.4f%n",
            s.step(),
            s.loss(),
            scored ? String.format(Locale.ROOT, "%.6f", s.valLoss()) : "",
            scored ? String.format(Locale.ROOT, "%.4f", s.valPerplexity()) : "",
            s.learningRate(),
            s.tokensPerSecond(),
            s.gradNorm()));
  }

  @Override
  public void close() {
    out.close();
  }
}
