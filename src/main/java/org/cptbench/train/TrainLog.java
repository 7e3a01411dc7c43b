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
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.OutputErrors;

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

  private final BufferedWriter out;
  private final Path file;

  /**
   * Opens the log for appending after {@code keepUpTo} (rows of later steps, left by an interrupted run, are
   * dropped); {@code keepUpTo = 0} starts a new log.
   */
  public TrainLog(Path file, int keepUpTo) {
    this.file = file;
    out = reopen(file, HEADER, keepUpTo);
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

  /**
   * Opens a per-step CSV log (first column: the step) for appending after {@code keepUpTo}: rows of later steps,
   * left by an interrupted run, are dropped; {@code keepUpTo = 0} starts a new log with {@code header}.
   */
  static BufferedWriter reopen(Path file, String header, int keepUpTo) {
    try {
      List<String> keep = new ArrayList<>();
      keep.add(header);
      if (keepUpTo > 0 && Files.exists(file)) {
        List<String> old = Files.readAllLines(file, StandardCharsets.UTF_8);
        // a log with fewer columns (written before a column was appended): pad its rows with empty fields
        int missing = old.isEmpty() ? 0 : Math.max(0, commas(header) - commas(old.get(0)));
        for (String line : old) {
          if (line.isEmpty() || line.startsWith("step")) {
            continue;
          }
          int comma = line.indexOf(',');
          if (comma > 0 && Integer.parseInt(line.substring(0, comma)) <= keepUpTo) {
            keep.add(line + ",".repeat(missing));
          }
        }
      }
      // replaced atomically: a failure (a full disk) keeps the old log whole
      AtomicFiles.write(file, tmp -> Files.write(tmp, keep, StandardCharsets.UTF_8));
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw OutputErrors.writing(file, e);
    }
  }

  private static int commas(String line) {
    return (int) line.chars().filter(c -> c == ',').count();
  }

  /** Appends the row of one step with its health. */
  public void append(StepStats s, TrainHealth.Status health) {
    try {
      out.write(
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
      out.flush();
    } catch (IOException e) {
      throw OutputErrors.writing(file, e);
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
