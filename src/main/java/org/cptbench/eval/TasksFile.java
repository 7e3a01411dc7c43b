package org.cptbench.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cptbench.data.MalformedInputException;
import org.cptbench.data.TaskKind;
import org.cptbench.util.AtomicFiles;

/**
 * {@code RUN/tasks.csv}: how each task of a run was evaluated, one row per task, as its results record it ({@link
 * TaskEvaluator}): {@value #HEADER}. The report reads each task's main metric from here; a run folder without the
 * file (written before it existed) falls back to the catalog card and the kind's default ({@link
 * TaskKind#primaryMetric}).
 */
public final class TasksFile {
  /** The file name inside a run folder. */
  public static final String NAME = "tasks.csv";

  public static final String HEADER = "task,kind,mainMetric,relevanceLevel,split,metadataSource";

  /**
   * One task.
   *
   * @param relevanceLevel null for tasks without graded judgments
   * @param split null for tasks evaluated by cross-validation (probes)
   */
  public record Row(
      String task, TaskKind kind, String mainMetric, Integer relevanceLevel, String split, String metadataSource) {}

  private TasksFile() {}

  /** The row a task result records (its kind and the details {@link TaskEvaluator} adds). */
  public static Row row(String task, String kind, Map<String, ?> details) {
    Object level = details.get("relevanceLevel");
    Object split = details.get("split");
    Object main = details.get(TaskEvaluator.MAIN_METRIC);
    Object source = details.get("metadataSource");
    return new Row(
        task,
        TaskKind.parse(kind),
        main == null ? null : main.toString(),
        level instanceof Number n ? n.intValue() : null,
        split == null ? null : split.toString(),
        source == null ? null : source.toString());
  }

  public static void write(Path file, Collection<Row> rows) {
    AtomicFiles.write(file, tmp -> {
      try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(HEADER.split(",")).get())) {
        for (Row r : rows) {
          out.printRecord(r.task(), r.kind() == null ? "" : r.kind().id(), blank(r.mainMetric()),
              r.relevanceLevel() == null ? "" : r.relevanceLevel(), blank(r.split()), blank(r.metadataSource()));
        }
      }
    });
  }

  /** The rows of {@code file} by task; empty when the file does not exist. Errors name the file and line. */
  public static Map<String, Row> read(Path file) {
    Map<String, Row> rows = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
      if (!records.getHeaderNames().equals(List.of(HEADER.split(",")))) {
        throw new MalformedInputException(file, 1, "expected the header " + HEADER + ", got "
            + String.join(",", records.getHeaderNames()));
      }
      for (CSVRecord r : records) {
        int line = (int) r.getRecordNumber() + 1;
        if (!r.isConsistent()) {
          throw new MalformedInputException(file, line, "expected " + HEADER.split(",").length + " fields, got "
              + r.size());
        }
        TaskKind kind = r.get("kind").isEmpty() ? null : TaskKind.parse(r.get("kind"));
        if (!r.get("kind").isEmpty() && kind == null) {
          throw new MalformedInputException(file, line, "kind must be one of " + TaskKind.allowed() + ", got '"
              + r.get("kind") + "'");
        }
        Integer level = null;
        if (!r.get("relevanceLevel").isEmpty()) {
          try {
            level = Integer.parseInt(r.get("relevanceLevel"));
          } catch (NumberFormatException e) {
            throw new MalformedInputException(file, line, "relevanceLevel must be an integer, got '"
                + r.get("relevanceLevel") + "'");
          }
        }
        String task = r.get("task");
        if (task.isEmpty() || rows.containsKey(task)) {
          throw new MalformedInputException(file, line, task.isEmpty() ? "task is empty" : "task " + task
              + " is listed twice");
        }
        rows.put(task, new Row(task, kind, nullIfEmpty(r.get("mainMetric")), level, nullIfEmpty(r.get("split")),
            nullIfEmpty(r.get("metadataSource"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new MalformedInputException(file, 1, "not a CSV file: " + e.getMessage());
    }
    return rows;
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  private static String nullIfEmpty(String s) {
    return s.isEmpty() ? null : s;
  }
}
