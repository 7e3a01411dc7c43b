package org.cptbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cptbench.eval.EvalOptions;
import org.cptbench.eval.EvalOutput;
import org.cptbench.eval.TaskEvaluator;
import org.cptbench.eval.TaskResult;
import org.cptbench.lexical.Bm25;
import org.cptbench.model.Encoder;
import org.cptbench.model.Encoders;
import org.cptbench.model.EmbeddingCache;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.FolderLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./harness eval}: scores an encoder on tasks named by their folder under the data dir. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate an encoder (a checkpoint folder or minilm-l6) on tasks: linear probe (senteval/*), similarity",
      "(sts/*), retrieval (beir/*, MS MARCO TSV folders) and open-domain QA (DPR layout). Writes OUT/metrics.json,",
      "definitions.json, details.json, per-query/*.tsv, per-pair/*.tsv and runs/*.trec. --encoder bm25 ranks",
      "retrieval, QA and code-search tasks with Lucene BM25 (Anserini's defaults: k1 0.9, b 0.4, English analyzer)."
    })
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--encoder", required = true, description = "checkpoint folder, minilm-l6, or bm25")
  String encoder;

  @Option(names = "--task", required = true, description = "task path under the data dir (repeatable)")
  List<String> tasks;

  @Mixin DataDirOption dataDir = new DataDirOption();

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--relevance-level",
      description = "relevant grade threshold (default: the task's relevanceLevel from its task.yaml or catalog card,"
          + " else 1)")
  Integer relevanceLevel;

  @Option(names = "--split", description = "STS-B/SICK split (default: the task's split, else test; mteb = the pairs MTEB"
      + " scores, for SICK-R all 9,927)")
  String split;

  @Option(names = "--retrieval-split",
      description = "qrels/queries split of retrieval, QA and code-search folders (default: the task's split, else"
          + " test)")
  String retrievalSplit;

  @Option(names = "--strict", description = "data-integrity findings (judged documents or queries missing, ...) are"
      + " errors, not warnings")
  boolean strict;

  @Option(names = "--distractors", description = "sub-sample corpora: judged docs + N seeded distractors")
  int distractors = -1;

  @Option(names = "--seed", description = "seed for sub-sampling (default 13)")
  long seed = 13;

  @Mixin ComputeOptions compute = new ComputeOptions();

  @Option(names = "--no-cache", description = "do not read or write the embedding cache")
  boolean noCache;

  @Option(
      names = "--probe-protocol",
      description = "linear-probe protocol: senteval-sklearn (default) or senteval-pytorch (SentEval's Adam path)")
  String probeProtocol = "senteval-sklearn";

  @Option(
      names = "--probe-normalize",
      description = "L2-normalise embeddings before the probe (default: the encoder's vectors as they are, as SentEval)")
  boolean probeNormalize;

  @Override
  public Integer call() {
    Path data = dataDir.resolve();
    var probe =
        EvalOptions.defaults()
            .probe()
            .withProtocol(org.cptbench.eval.probe.ProbeProtocol.parse(probeProtocol))
            .withL2Normalize(probeNormalize);
    EvalOptions options = EvalOptions.builder()
        .stsSplit(split)
        .relevanceLevel(relevanceLevel)
        .retrievalSplit(retrievalSplit)
        .distractors(distractors)
        .seed(seed)
        .probe(probe)
        .strict(strict)
        .build();
    // one writer per folder; a rerun after a crash starts over and replaces every file (each written atomically)
    try (FolderLock lock = FolderLock.acquire(out, "harness eval --out " + out)) {
      AtomicFiles.deleteTemporaries(out); // what a killed writer left half-written (never under a final name)
      return encoder.trim().equals(Bm25.NAME) ? lexical(data, options) : encoded(data, options);
    }
  }

  private int encoded(Path data, EvalOptions options) {
    List<TaskResult> results = new ArrayList<>();
    try (Encoder enc = Encoders.open(
        encoder, org.cptbench.model.OnnxEncoder.DEFAULT_MODEL_CACHE, compute.computeDevice(), compute.requested())) {
      System.err.println("encoder " + enc.name() + ": " + ComputeOptions.provenance(enc));
      EmbeddingCache cache = noCache ? null : new EmbeddingCache(EmbeddingCache.DEFAULT_DIR);
      for (String task : tasks) {
        System.err.printf(Locale.ROOT, "eval %s on %s ...%n", enc.name(), task);
        TaskResult r =
            TaskEvaluator.evaluate(
                data, task, org.cptbench.eval.Embedder.of(enc, cache),
                options);
        results.add(r);
        StringBuilder line = new StringBuilder(task);
        r.metrics().forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s=%.4f", k, v)));
        line.append(String.format(Locale.ROOT, "  (%.1fs)", (Double) r.details().get("seconds")));
        System.out.println(line);
      }
      List<Double> probes = results.stream().filter(r -> r.kind().equals("probe"))
          .map(r -> r.metrics().get("accuracy")).toList();
      if (!probes.isEmpty()) {
        double avg = probes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "linear-probe average over %d task(s): %.2f (accuracy x 100)%n",
            probes.size(), 100 * avg);
      }
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("encoder", enc.name());
      provenance.put("encoderFingerprint", enc.fingerprint());
      provenance.putAll(ComputeOptions.provenance(enc));
      provenance.put("dataDir", data.toAbsolutePath().toString());
      provenance.put("command", "./harness eval");
      EvalOutput.write(out, results, provenance);
    }
    System.err.println("wrote " + out.resolve("metrics.json"));
    return 0;
  }

  /** BM25: no encoder, no embedding cache; the same task runner and output files. */
  private int lexical(Path data, EvalOptions options) {
    Bm25 bm25 = Bm25.anserini();
    List<TaskResult> results = new ArrayList<>();
    for (String task : tasks) {
      System.err.printf(Locale.ROOT, "eval %s on %s ...%n", bm25.name(), task);
      TaskResult r = TaskEvaluator.evaluate(data, task, bm25, options);
      results.add(r);
      StringBuilder line = new StringBuilder(task);
      r.metrics().forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s=%.4f", k, v)));
      line.append(String.format(Locale.ROOT, "  (%.1fs)", (Double) r.details().get("seconds")));
      System.out.println(line);
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("encoder", bm25.name());
    provenance.put("encoderFingerprint", bm25.fingerprint());
    provenance.put("dataDir", data.toAbsolutePath().toString());
    provenance.put("command", "./harness eval --encoder bm25");
    EvalOutput.write(out, results, provenance);
    System.err.println("wrote " + out.resolve("metrics.json"));
    return 0;
  }
}
