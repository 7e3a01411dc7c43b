package org.cptbench.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code train-log.csv}: one row per optimizer step. Columns: step, loss, tau, exp_tau (the logit scale), lr,
 * pairs_per_s (pairs per second of this step: forward + backward + optimizer), inbatch_acc (fraction of pairs i
 * whose x_i ranks y_i first among the batch's y), grad_norm (global gradient norm before clipping), health
 * ({@link TrainHealth.Status}: ok, collapsed as decided by {@link CollapseDetector}, diverged for the step that
 * stopped the run). The health column is the last one, so readers that take the first columns by position keep
 * working; logs written before it existed have {@link #LEGACY_HEADER} (rows kept from such a log on resume get an
 * empty health field: not checked).
 */
public final class TrainLog implements AutoCloseable {
  /** The columns of logs written before the health column. */
  public static final String LEGACY_HEADER = "step,loss,tau,exp_tau,lr,pairs_per_s,inbatch_acc,grad_norm";

  public static final String HEADER = LEGACY_HEADER + ",health";

  private final StepCsv out;

  /**
   * Opens the log for appending after {@code keepUpTo} (rows of later steps, left by an interrupted run, are
   * dropped); {@code keepUpTo = 0} starts a new log.
   */
  public TrainLog(Path file, int keepUpTo) {
    out = new StepCsv(file, HEADER, keepUpTo);
  }

  /**
   * The columns of an existing log: {@link #LEGACY_HEADER}'s when its first line is that header, else {@link
   * #HEADER}'s (so that a reader checking the header reports the current one as expected).
   */
  public static List<String> columnsOf(Path file) {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      String first = lines.findFirst().orElse("");
      return List.of((first.strip().equals(LEGACY_HEADER) ? LEGACY_HEADER : HEADER).split(","));
    } catch (IOException | UncheckedIOException e) {
      return List.of(HEADER.split(","));
    }
  }

  /** Appends the row of one step with its health. */
  public void append(StepStats s, TrainHealth.Status health) {
    out.row(
        String.format(
            Locale.ROOT,
            "%d,%.6f,%.6f,%.4f,%.6g,%.1f,%.4f,%.4f,%s%n",
            s.step(),
            s.loss(),
            s.tau(),
            Math.exp(s.tau()),
            s.learningRate(),
            s.pairsPerSecond(),
            s.inBatchAccuracy(),
            s.gradNorm(),
            health.label()));
  }

  @Override
  public void close() {
    out.close();
  }
}
