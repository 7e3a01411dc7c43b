package org.cptbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.train.TrainLog;

/**
 * The training log of one cell, {@code RUN/cells/<cell>/train-log.csv} (columns {@value TrainLog#HEADER}), read with
 * Tablesaw. Empty fields, {@code NaN} and {@code Infinity} (a diverged loss) are kept as NaN/infinite values; any
 * other non-number is an error naming file and line.
 *
 * @param cell the cell id (its folder name)
 * @param step optimizer steps, as logged
 * @param loss training loss per step
 * @param expTau logit scale exp(tau) per step
 * @param inbatchAcc in-batch accuracy per step
 */
public record CellTrainLog(String cell, int[] step, double[] loss, double[] expTau, double[] inbatchAcc) {

  public static final String FILE = "train-log.csv";

  /** The logs of every {@code cells/<cell>/train-log.csv} under the run folder, by cell id; none without cells/. */
  public static List<CellTrainLog> readAll(Path runDir) {
    Path cells = runDir.resolve("cells");
    if (!Files.isDirectory(cells)) {
      return List.of();
    }
    List<CellTrainLog> logs = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(cells)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
          logs.add(read(dir.getFileName().toString(), file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + cells, e);
    }
    return logs;
  }

  /** Reads one log. */
  public static CellTrainLog read(String cell, Path file) {
    CsvInput in = CsvInput.read(file, TrainLog.columnsOf(file)); // with or without the health column
    int n = in.rowCount();
    int[] step = new int[n];
    double[] loss = new double[n];
    double[] expTau = new double[n];
    double[] acc = new double[n];
    for (int r = 0; r < n; r++) {
      String s = in.get(r, "step").strip();
      try {
        step[r] = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw in.error(r, "step must be an integer, got '" + s + "'");
      }
      loss[r] = number(in, r, "loss");
      expTau[r] = number(in, r, "exp_tau");
      acc[r] = number(in, r, "inbatch_acc");
      for (String other : List.of("tau", "lr", "pairs_per_s", "grad_norm")) {
        number(in, r, other);
      }
    }
    return new CellTrainLog(cell, step, loss, expTau, acc);
  }

  private static double number(CsvInput in, int r, String column) {
    String s = in.get(r, column).strip();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw in.error(r, column + " must be a number, got '" + s + "'");
    }
  }

  /** Whether exp(tau) changes over the log (a learned temperature). */
  public boolean tauVaries() {
    double first = Double.NaN;
    for (double v : expTau) {
      if (Double.isFinite(v)) {
        if (Double.isNaN(first)) {
          first = v;
        } else if (v != first) {
          return true;
        }
      }
    }
    return false;
  }
}
