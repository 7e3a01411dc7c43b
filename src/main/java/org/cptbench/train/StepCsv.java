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
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.OutputErrors;

/**
 * A per-step CSV log (first column: the step) that a resumed run continues: {@link TrainLog} (contrastive training)
 * and {@link LanguageModelLog} (pre-training) each give its columns and format its rows. Every row is flushed as it
 * is written, so a killed run leaves its log complete up to its last step.
 */
final class StepCsv implements AutoCloseable {
  private final Path file;
  private final BufferedWriter out;

  /**
   * Opens {@code file} for appending after step {@code keepUpTo}: rows of later steps, left by an interrupted run,
   * are dropped, and the rows of a log with fewer columns (written before a column was appended) are padded with
   * empty fields; {@code keepUpTo = 0} starts a new log with {@code header}. The old log is replaced atomically, so
   * a failure (a full disk) keeps it whole.
   */
  StepCsv(Path file, String header, int keepUpTo) {
    this.file = file;
    try {
      List<String> keep = new ArrayList<>();
      keep.add(header);
      if (keepUpTo > 0 && Files.exists(file)) {
        List<String> old = Files.readAllLines(file, StandardCharsets.UTF_8);
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
      AtomicFiles.write(file, tmp -> Files.write(tmp, keep, StandardCharsets.UTF_8));
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw OutputErrors.writing(file, e);
    }
  }

  private static int commas(String line) {
    return (int) line.chars().filter(c -> c == ',').count();
  }

  /** Appends one row (its text ends with a line separator) and flushes it. */
  void row(String text) {
    try {
      out.write(text);
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
