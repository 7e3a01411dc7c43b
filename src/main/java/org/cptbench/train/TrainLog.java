package org.cptbench.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code train-log.csv}: one row per optimizer step. Columns: step, loss, tau, exp_tau (the logit scale), lr,
 * pairs_per_s (pairs per second of this step: forward + backward + optimizer), inbatch_acc (fraction of pairs i
 * whose x_i ranks y_i first among the batch's y), grad_norm (global gradient norm before clipping).
 */
public final class TrainLog implements AutoCloseable {
  public static final String HEADER = "step,loss,tau,exp_tau,lr,pairs_per_s,inbatch_acc,grad_norm";

  private final BufferedWriter out;

  /**
   * Opens the log for appending after {@code keepUpTo} (rows of later steps, left by an interrupted run, are
   * dropped); {@code keepUpTo = 0} starts a new log.
   */
  public TrainLog(Path file, int keepUpTo) {
    out = reopen(file, HEADER, keepUpTo);
  }

  /**
   * Opens a per-step CSV log (first column: the step) for appending after {@code keepUpTo}: rows of later steps,
   * left by an interrupted run, are dropped; {@code keepUpTo = 0} starts a new log with {@code header}.
   */
  static BufferedWriter reopen(Path file, String header, int keepUpTo) {
    try {
      List<String> keep = new ArrayList<>();
      keep.add(header);
      if (keepUpTo > 0 && Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isEmpty() || line.startsWith("step")) {
            continue;
          }
          int comma = line.indexOf(',');
          if (comma > 0 && Integer.parseInt(line.substring(0, comma)) <= keepUpTo) {
            keep.add(line);
          }
        }
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, keep, StandardCharsets.UTF_8);
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public void append(StepStats s) {
    try {
      out.write(
          String.format(
              Locale.ROOT,
              "%d,%.6f,%.6f,%.4f,%.6g,%.1f,%.4f,%.4f%n",
              s.step(),
              s.loss(),
              s.tau(),
              Math.exp(s.tau()),
              s.learningRate(),
              s.pairsPerSecond(),
              s.inBatchAccuracy(),
              s.gradNorm()));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
