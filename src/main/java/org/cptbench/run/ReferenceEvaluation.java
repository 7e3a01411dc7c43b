package org.cptbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cptbench.CptbenchException;
import org.cptbench.data.TaskFolder;
import org.cptbench.data.TaskKind;
import org.cptbench.data.builtin.BuiltinData;
import org.cptbench.eval.BuiltinTasks;
import org.cptbench.eval.Embedder;
import org.cptbench.eval.EvalOptions;
import org.cptbench.eval.EvalOutput;
import org.cptbench.eval.ItemScoreFiles;
import org.cptbench.eval.TaskEvaluator;
import org.cptbench.eval.TaskResult;
import org.cptbench.lexical.Bm25;
import org.cptbench.model.EmbeddingCache;
import org.cptbench.model.Encoder;
import org.cptbench.model.OnnxEncoder;
import org.cptbench.model.OnnxModelSpec;
import org.cptbench.model.OnnxModels;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Hashing;
import org.cptbench.util.Json;

/**
 * The reference rows of a run: encoders that are not trained by the suite, evaluated on its tasks beside the cells
 * (never part of the grid or of claims). {@code bm25} (Lucene, Anserini's defaults) ranks the retrieval, QA and
 * code-search tasks; a registered ONNX model ({@code minilm-l6}) is evaluated on every task. Layout:
 *
 * <pre>
 * RUN/references/&lt;reference&gt;/&lt;task&gt;.json      task, kind, reference, key, metrics, definitions, details
 * RUN/references/&lt;reference&gt;/per-query|per-pair|per-item/&lt;task&gt;.tsv   per-item files ({@link ItemScoreFiles})
 * RUN/references.csv                                reference,task,kind,metric,value,definition
 * </pre>
 *
 * A result is kept while its {@code key} matches: the reference's identity (BM25's parameters and Lucene version, the
 * ONNX model's artifact and settings), the task, its data checksum and the suite's evaluation settings and seed. So
 * re-running a finished run evaluates only the missing references, and a changed dataset or setting re-evaluates
 * just the affected rows. A reference folder is an evaluation folder like a cell's {@code evals/step-N/}, so
 * {@code ./harness compare} reads it. ONNX encoders embed through the embedding cache.
 */
public final class ReferenceEvaluation {
  /** Folder of the references inside a run folder. */
  public static final String DIR = "references";

  /** The run-level table of reference scores. */
  public static final String CSV = "references.csv";

  /** Bumped when the meaning of a reference result changes. */
  static final int FORMAT = 1;

  private final Path dataDir;
  private final EvalOptions options;
  private final String evalContext;
  private final Path modelCache;
  private final Path embeddingCache;
  private final PrintStream log;

  /**
   * @param evalContext what of the suite's evaluation settings enters every result's key (eval mapping, seed)
   * @param modelCache where ONNX model files are extracted ({@link OnnxEncoder#DEFAULT_MODEL_CACHE})
   * @param embeddingCache the embedding cache folder ({@link EmbeddingCache#DEFAULT_DIR}), null for none
   */
  public ReferenceEvaluation(
      Path dataDir, EvalOptions options, String evalContext, Path modelCache, Path embeddingCache, PrintStream log) {
    this.dataDir = dataDir;
    this.options = options;
    this.evalContext = evalContext;
    this.modelCache = modelCache;
    this.embeddingCache = embeddingCache;
    this.log = log;
  }

  /** The evaluation folder of a reference in a run folder. */
  public static Path folder(Path runDir, String reference) {
    return runDir.resolve(DIR).resolve(reference);
  }

  /** The result file of a reference on a task. */
  public static Path resultFile(Path runDir, String reference, String task) {
    return folder(runDir, reference).resolve(EvalOutput.fileName(task) + ".json");
  }

  /**
   * Evaluates every reference on the tasks it applies to (results already on disk with the same key are kept) and
   * rewrites {@code RUN/references.csv}.
   *
   * @param checksums the data checksum of each non-built-in task
   * @return failures: {@code reference:<name> <task>} to the error (the other rows go on)
   */
  public Map<String, String> evaluate(
      Path runDir, List<String> references, List<String> tasks, Map<String, String> checksums) {
    Map<String, String> failures = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    for (String reference : references) {
      Optional<OnnxModelSpec> onnx = OnnxModels.find(reference);
      if (onnx.isPresent() && ReferenceEvaluation.class.getClassLoader().getResource(onnx.get().modelResource())
          == null) {
        log.printf(Locale.ROOT, "reference %s skipped: its model is not on the classpath (expected from %s)%n",
            reference, onnx.get().source());
        continue;
      }
      String identity = onnx.map(OnnxModelSpec::toString).orElseGet(() -> Bm25.anserini().fingerprint());
      Encoder encoder = null;
      try {
        for (String task : tasks) {
          TaskKind kind = kind(task);
          if (kind == null) {
            log.printf(Locale.ROOT, "reference %s on %s skipped: no data at %s%n", reference, task,
                dataDir.resolve(task));
            continue;
          }
          if (onnx.isEmpty() && !(kind == TaskKind.RETRIEVAL || kind == TaskKind.QA || kind == TaskKind.CODE)) {
            continue; // BM25 ranks; it has no embeddings for probes or STS
          }
          String key = Hashing.sha256(FORMAT + "|" + identity + "|" + task + "|" + checksums.get(task) + "|"
              + evalContext).substring(0, 16);
          Path out = resultFile(runDir, reference, task);
          if (!Files.exists(out) || !key.equals(CheckpointEvaluation.read(out).path("key").asText())) {
            try {
              if (onnx.isPresent() && encoder == null) {
                encoder = OnnxEncoder.open(onnx.get(), modelCache);
              }
              Embedder embedder = onnx.isPresent()
                  ? Embedder.of(encoder, embeddingCache == null ? null : new EmbeddingCache(embeddingCache))
                  : Bm25.anserini();
              evaluateOne(runDir, reference, task, key, embedder);
            } catch (RuntimeException e) {
              String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
              failures.put("reference:" + reference + " " + task, msg);
              log.printf(Locale.ROOT, "  reference %s on %s FAILED: %s (the suite goes on)%n", reference, task, msg);
              continue;
            }
          }
          rows.add(new Row(reference, task, out));
        }
      } finally {
        if (encoder != null) {
          encoder.close();
        }
      }
    }
    writeCsv(runDir, rows);
    return failures;
  }

  private void evaluateOne(Path runDir, String reference, String task, String key, Embedder embedder) {
    long t0 = System.nanoTime();
    TaskResult r = TaskEvaluator.evaluate(dataDir, task, embedder, options);
    Path dir = folder(runDir, reference);
    ItemScoreFiles.write(dir, r); // before the result file: a result on disk always has its per-item files
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("task", r.task());
    json.put("kind", r.kind());
    json.put("reference", reference);
    json.put("key", key);
    json.put("metrics", r.metrics());
    json.put("definitions", r.definitions());
    json.put("details", r.details());
    Json.writeFile(resultFile(runDir, reference, task), json);
    StringBuilder brief = new StringBuilder();
    r.metrics().entrySet().stream().limit(3).forEach(e ->
        brief.append(String.format(Locale.ROOT, " %s=%.4f", e.getKey(), e.getValue())));
    log.printf(Locale.ROOT, "  reference %s %s%s (%.1fs)%n", reference, task, brief, (System.nanoTime() - t0) / 1e9);
  }

  /** The kind of a task, or null when its data folder is absent. */
  private TaskKind kind(String task) {
    if (BuiltinTasks.isBuiltin(task)) {
      return task.equals(BuiltinData.CODE_SEARCH_TASK) ? TaskKind.CODE : TaskKind.RETRIEVAL;
    }
    if (!Files.exists(dataDir.resolve(task))) {
      return null;
    }
    try {
      return TaskFolder.detect(dataDir, task).kind();
    } catch (CptbenchException e) {
      return TaskKind.RETRIEVAL; // an unknown layout: the evaluation reports it as a failure that names the folder
    }
  }

  private record Row(String reference, String task, Path file) {}

  /** One row per (reference, task, metric) of the references evaluated now, in suite order. */
  private static void writeCsv(Path runDir, List<Row> rows) {
    AtomicFiles.write(runDir.resolve(CSV), tmp -> {
      try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
              .setHeader("reference", "task", "kind", "metric", "value", "definition").get())) {
        for (Row row : rows) {
          JsonNode r = CheckpointEvaluation.read(row.file());
          JsonNode metrics = r.path("metrics");
          for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
            String metric = it.next();
            out.printRecord(row.reference(), r.path("task").asText(), r.path("kind").asText(), metric,
                metrics.get(metric).asDouble(), r.path("definitions").path(metric).asText());
          }
        }
      }
    });
  }
}
