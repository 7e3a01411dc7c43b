package org.cptbench.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cptbench.CptbenchException;

/**
 * The health of a contrastive training run, as recorded in the {@code health} column of {@code train-log.csv}
 * ({@link CollapseDetector} decides it step by step): {@code ok}, {@code collapsed} (the loss stuck at chance,
 * see {@link CollapseDetector} for the thresholds) or {@code diverged} (a non-finite value stopped the run: {@link
 * TrainingDiverged}). {@link #summarise} reads a log back for reports.
 */
public final class TrainHealth {
  private TrainHealth() {}

  /** The value of the {@code health} column. */
  public enum Status {
    OK,
    COLLAPSED,
    DIVERGED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status parse(String s, Path file, int line) {
      for (Status v : values()) {
        if (v.label().equals(s.strip())) {
          return v;
        }
      }
      throw new org.cptbench.data.MalformedInputException(
          file, line, "health must be ok, collapsed or diverged, got '" + s + "'");
    }
  }

  /**
   * A run's health: the worst status of any step (diverged over collapsed over ok), the first step that had it
   * ({@code 0} for ok) and a sentence for the report.
   */
  public record Summary(Status status, int step, String reason) {
    public Summary {
      if (status == null || reason == null) {
        throw new IllegalArgumentException("status and reason are required");
      }
    }
  }

  /**
   * Summarises a {@code train-log.csv}. A log written before the {@code health} column existed is {@code ok} with
   * a reason saying it was not checked.
   *
   * @throws CptbenchException naming the file when it is missing; {@code MalformedInputException} naming file and
   *     line for a bad health value
   */
  public static Summary summarise(Path trainLog) {
    if (!Files.isRegularFile(trainLog)) {
      throw new CptbenchException(trainLog + ": file not found");
    }
    // the log is this package's own unquoted numeric CSV (TrainLog), so a split on commas reads it exactly
    try {
      List<String> lines = Files.readAllLines(trainLog, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return new Summary(Status.OK, 0, "empty log");
      }
      List<String> header = Arrays.asList(lines.get(0).split(",", -1));
      int health = header.indexOf("health");
      if (health < 0) {
        return new Summary(Status.OK, 0, "not checked (log written before the health column)");
      }
      int loss = header.indexOf("loss");
      int acc = header.indexOf("inbatch_acc");
      int grad = header.indexOf("grad_norm");
      Summary worst = new Summary(Status.OK, 0, "no collapse or divergence");
      for (int line = 2; line <= lines.size(); line++) {
        List<String> r = Arrays.asList(lines.get(line - 1).split(",", -1));
        if (r.size() <= health || r.get(health).isBlank()) {
          continue; // a row kept from a log written before the health column: not checked
        }
        Status s = Status.parse(r.get(health), trainLog, line);
        if (s.ordinal() > worst.status().ordinal()) {
          String at = "step " + r.get(0) + ": loss " + field(r, loss) + ", in-batch accuracy " + field(r, acc)
              + ", gradient norm " + field(r, grad);
          String why = s == Status.COLLAPSED
              ? "collapsed at " + at + " (loss at ln(batch size), accuracy at chance, no gradient)"
              : "diverged at " + at;
          worst = new Summary(s, Integer.parseInt(r.get(0).strip()), why);
        }
      }
      return worst;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + trainLog, e);
    } catch (NumberFormatException e) {
      throw new CptbenchException(trainLog + ": step is not an integer (" + e.getMessage() + ")");
    }
  }

  private static String field(List<String> row, int i) {
    return i >= 0 && i < row.size() ? row.get(i) : "?";
  }
}
