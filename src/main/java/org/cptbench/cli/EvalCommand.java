package org.cptbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.cluster.Shard;
import org.cptbench.cluster.ShardedJobs;
import org.cptbench.cluster.ShardedSearch;
import org.cptbench.data.TaskFolder;
import org.cptbench.data.TaskKind;
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
      "retrieval, QA and code-search tasks with Lucene BM25 (Anserini's defaults: k1 0.9, b 0.4, English analyzer).",
      "A large corpus can be searched in shards: --shard I/N per process (or --executor slurm --shards N: a job",
      "array), then --merge-shards N scores the merged top-k, equal to the single-process search."
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

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Embed and search only shard I of N of each task's corpus (0-based, contiguous ranges) and write"
          + " its top-k to OUT/shards/shard-I-of-N/; scores nothing. Retrieval and QA tasks, dense encoders.")
  String shard;

  @Option(
      names = "--merge-shards",
      paramLabel = "N",
      description = "Merge the N shards' top-k written with --shard into each task's ranking and score it as eval"
          + " does; embeds nothing.")
  Integer mergeShards;

  @Option(
      names = "--executor",
      paramLabel = "E",
      defaultValue = "local",
      description = "local, or slurm with --shards N: a Slurm job array of N shard tasks, then the merge job."
          + " Default: ${DEFAULT-VALUE}.")
  String executor;

  @Option(names = "--shards", paramLabel = "N", description = "Number of shards (array tasks) of --executor slurm.")
  Integer shards;

  @Mixin SlurmCliOptions slurm = new SlurmCliOptions();

  @Override
  public Integer call() {
    Path data = dataDir.resolve();
    if (!executor.equals("local") && !executor.equals("slurm")) {
      throw new CptbenchException("--executor: unknown value '" + executor + "'; allowed: local, slurm");
    }
    boolean sharding = shard != null || mergeShards != null || shards != null;
    if (sharding) {
      requireShardable(data);
    }
    if (executor.equals("slurm")) {
      if (shards == null || shard != null || mergeShards != null) {
        throw new CptbenchException("--executor slurm needs --shards N (and neither --shard nor --merge-shards)");
      }
      Path abs = out.toAbsolutePath().normalize();
      ShardedJobs.submit("cptbench-eval", "eval", taskArgs(data), shards, abs,
          abs.resolveSibling(abs.getFileName() + ".slurm"), slurm.options(), slurm.maxParallel,
          "./harness eval ... --shards " + shards + " --executor slurm", System.err);
      return 0;
    }
    if (shards != null || slurm.anySet()) {
      throw new CptbenchException("--shards and the Slurm options need --executor slurm");
    }
    if (shard != null && mergeShards != null) {
      throw new CptbenchException("--merge-shards and --shard exclude each other");
    }
    if (mergeShards != null && (mergeShards < 1 || mergeShards > 100_000)) {
      throw new CptbenchException("--merge-shards: " + mergeShards + " must be in 1..100000");
    }
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
    if (shard != null) {
      return shardTask(data, options, Shard.parse(shard));
    }
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
        org.cptbench.eval.Embedder embedder = mergeShards != null
            ? ShardedSearch.merge(mergeShards, out.resolve(SHARDS))
            : org.cptbench.eval.Embedder.of(enc, cache);
        TaskResult r = TaskEvaluator.evaluate(data, task, embedder, options);
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
      if (mergeShards != null) {
        provenance.put("shards", mergeShards);
      }
      EvalOutput.write(out, results, provenance);
    }
    System.err.println("wrote " + out.resolve("metrics.json"));
    return 0;
  }

  /** The folder under OUT where shard tasks write their top-k. */
  static final String SHARDS = "shards";

  /** One shard task: each task's search over its range of the corpus, written for the merge; no scores. */
  private int shardTask(Path data, EvalOptions options, Shard sh) {
    Path root = out.resolve(SHARDS);
    Path folder = ShardedSearch.folder(root, sh);
    // shard tasks of one search run at once: each locks only its own folder
    try (FolderLock lock = FolderLock.acquire(folder, "harness eval --shard " + sh.index() + "/" + sh.count()
        + " --out " + out);
        Encoder enc = Encoders.open(
            encoder, org.cptbench.model.OnnxEncoder.DEFAULT_MODEL_CACHE, compute.computeDevice(),
            compute.requested())) {
      AtomicFiles.deleteTemporaries(folder);
      System.err.println("encoder " + enc.name() + ": " + ComputeOptions.provenance(enc));
      EmbeddingCache cache = noCache ? null : new EmbeddingCache(EmbeddingCache.DEFAULT_DIR);
      org.cptbench.eval.Embedder embedder = ShardedSearch.shardTask(
          org.cptbench.eval.Embedder.of(enc, cache), sh, root);
      for (String task : tasks) {
        TaskResult r = TaskEvaluator.evaluate(data, task, embedder, options);
        System.out.printf(Locale.ROOT, "%s: shard %d/%d, %s documents -> %s (%.1fs)%n", task, sh.index(),
            sh.count(), r.details().get("shardDocuments"), r.details().get("shardFile"), r.details().get("seconds"));
      }
    }
    return 0;
  }

  /** Sharded evaluation ranks by dense search: retrieval and QA task folders, an encoder with embeddings. */
  private void requireShardable(Path data) {
    if (encoder.trim().equals(Bm25.NAME)) {
      throw new CptbenchException("--encoder bm25 cannot be sharded: BM25's document frequencies span the whole"
          + " corpus; evaluate it without --shard, --merge-shards or --shards");
    }
    for (String task : tasks) {
      if (org.cptbench.eval.BuiltinTasks.isBuiltin(task)) {
        throw new CptbenchException("--task " + task + ": a built-in task; --shard, --merge-shards and --shards"
            + " apply to retrieval and QA task folders");
      }
      TaskKind kind = TaskFolder.detect(data, task).kind();
      if (kind != TaskKind.RETRIEVAL && kind != TaskKind.QA) {
        throw new CptbenchException("--task " + task + ": a " + kind.id() + " task; --shard, --merge-shards and"
            + " --shards apply to retrieval and QA tasks (a dense search over a corpus) only");
      }
    }
  }

  /** This command line for a Slurm task: absolute paths, without executor and shard options. */
  private List<String> taskArgs(Path data) {
    List<String> a = new ArrayList<>(List.of("eval", "--encoder", SlurmCliOptions.encoderForTask(encoder),
        "--data-dir", data.toAbsolutePath().toString(), "--out", out.toAbsolutePath().toString(),
        "--precision", compute.precision, "--device", compute.device, "--seed", Long.toString(seed),
        "--probe-protocol", probeProtocol));
    if (distractors >= 0) {
      a.addAll(List.of("--distractors", Integer.toString(distractors)));
    }
    for (String t : tasks) {
      a.addAll(List.of("--task", t));
    }
    if (relevanceLevel != null) {
      a.addAll(List.of("--relevance-level", relevanceLevel.toString()));
    }
    if (split != null) {
      a.addAll(List.of("--split", split));
    }
    if (retrievalSplit != null) {
      a.addAll(List.of("--retrieval-split", retrievalSplit));
    }
    if (strict) {
      a.add("--strict");
    }
    if (noCache) {
      a.add("--no-cache");
    }
    return a;
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
