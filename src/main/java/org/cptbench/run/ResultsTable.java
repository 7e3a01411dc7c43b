package org.cptbench.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cptbench.config.CellParams;
import org.cptbench.eval.TasksFile;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;

/**
 * {@code results.csv} in long format, one row per (cell, checkpoint step, task, metric): {@code cell}, the cell's
 * parameter columns ({@link CellParams#COLUMNS}), then {@value #RESULT_COLUMNS}; {@code tasks.csv} (each task's
 * kind, main metric, relevance level and split: {@link TasksFile}); and {@code failures.csv} ({@code cell,error})
 * when a cell failed. Rebuilt from the cells' task results at the end of every run.
 */
public final class ResultsTable {
  /** The columns after the cell's parameters. */
  public static final String RESULT_COLUMNS = "step,task,kind,metric,value,definition";

  /** The header: {@code cell}, the parameter columns, the result columns. */
  public static final List<String> HEADER = header();

  private static List<String> header() {
    List<String> h = new ArrayList<>();
    h.add("cell");
    h.addAll(CellParams.COLUMNS);
    h.addAll(List.of(RESULT_COLUMNS.split(",")));
    return List.copyOf(h);
  }

  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

  private ResultsTable() {}

  public static void write(Path runDir, List<CellSpec> cells, Map<String, String> failures) {
    Map<String, TasksFile.Row> tasks = new LinkedHashMap<>();
    AtomicFiles.write(runDir.resolve("results.csv"), tmp -> {
      try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(HEADER.toArray(String[]::new)).get())) {
        for (CellSpec cell : cells) {
          Path evals = runDir.resolve("cells").resolve(cell.id()).resolve("evals");
          List<Object> params = new ArrayList<>(cell.columns().values());
          for (int step : cell.train().checkpoints()) {
            Path stepDir = evals.resolve("step-" + step);
            for (String task : tasksIn(stepDir)) {
              JsonNode r = CheckpointEvaluation.read(stepDir.resolve(task));
              JsonNode metrics = r.path("metrics");
              JsonNode details = r.path("details");
              tasks.computeIfAbsent(r.path("task").asText(), t -> TasksFile.row(t, r.path("kind").asText(),
                  details.isObject() ? Json.MAPPER.convertValue(details, DETAILS) : Map.of()));
              for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
                String metric = it.next();
                List<Object> record = new ArrayList<>(params);
                record.addAll(List.of(step, r.path("task").asText(), r.path("kind").asText(), metric,
                    metrics.get(metric).asDouble(), r.path("definitions").path(metric).asText()));
                out.printRecord(record);
              }
            }
          }
        }
      }
    });
    TasksFile.write(runDir.resolve(TasksFile.NAME), tasks.values());
    Path failuresFile = runDir.resolve("failures.csv");
    if (failures.isEmpty()) {
      try {
        Files.deleteIfExists(failuresFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    AtomicFiles.write(failuresFile, tmp -> {
      try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader("cell", "error").get())) {
        for (Map.Entry<String, String> f : failures.entrySet()) {
          out.printRecord(f.getKey(), f.getValue());
        }
      }
    });
  }

  private static List<String> tasksIn(Path stepDir) {
    if (!Files.isDirectory(stepDir)) {
      return List.of();
    }
    try (var s = Files.list(stepDir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
