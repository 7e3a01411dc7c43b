package org.cptbench.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.cluster.Shard;
import org.cptbench.cluster.ShardedEmbedding;
import org.cptbench.model.EmbeddingCache;
import org.cptbench.model.Encoder;
import org.cptbench.model.Encoders;
import org.cptbench.model.Npy;
import org.cptbench.text.Side;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.OutputErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./harness embed --encoder E --input FILE --output FILE [--side x|y] [--format npy|tsv|both]}: embeds every
 * text of a file and writes one L2-normalised float32 row per text, in input order, as NumPy {@code .npy} and/or TSV
 * (tab-separated {@code Float.toString} values, one line per text). Embeddings go through the {@link EmbeddingCache}
 * unless {@code --no-cache}. {@code --shard I/N} embeds one contiguous shard of the input and {@code --merge-shards N}
 * concatenates the shards' files; {@code --executor slurm --shards N} runs the shards as a Slurm job array followed
 * by the merge ({@link ShardedEmbedding}).
 */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Embed the texts of a file (one per line, or JSONL with a \"text\" field) and write one row per text.",
      "Encoders: a registered model name (minilm-l6) or the path of a checkpoint folder."
    })
public final class EmbedCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--encoder",
      required = true,
      paramLabel = "E",
      description = "minilm-l6, or the path of a cptbench checkpoint folder.")
  String encoder;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Texts: one per line, or JSONL.")
  Path input;

  @Option(
      names = "--input-format",
      paramLabel = "F",
      defaultValue = "auto",
      description =
          "lines (every line is a text, blank lines included), jsonl (objects with a string \"text\"), or auto"
              + " (jsonl for names ending in .jsonl / .jsonl.gz). Default: ${DEFAULT-VALUE}.")
  String inputFormat;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "Where to write; with --format both, FILE minus .npy/.tsv gets both extensions.")
  Path output;

  @Option(
      names = "--format",
      paramLabel = "F",
      description = "npy, tsv or both. Default: npy when --output ends in .npy, else tsv.")
  String format;

  @Option(
      names = "--side",
      paramLabel = "S",
      defaultValue = "x",
      description = "x (query / first sentence) or y (document); symmetric encoders ignore it. Default: x.")
  String side;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      defaultValue = "cache/embeddings",
      description = "Embedding cache folder. Default: ${DEFAULT-VALUE}.")
  Path cacheDir;

  @picocli.CommandLine.Mixin ComputeOptions compute = new ComputeOptions();

  @Option(names = "--no-cache", description = "Always encode; do not read or write the embedding cache.")
  boolean noCache;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Embed only shard I of N (0-based; contiguous ranges of the input in order) into FILE with"
          + " .shard-I-of-N before its extension.")
  String shard;

  @Option(
      names = "--merge-shards",
      paramLabel = "N",
      description = "Concatenate the N shard files written with --shard into FILE (each shard's row count is"
          + " checked against the input); embeds nothing.")
  Integer mergeShards;

  @Option(
      names = "--executor",
      paramLabel = "E",
      defaultValue = "local",
      description = "local, or slurm with --shards N: a Slurm job array of N shard tasks, then a merge job."
          + " Default: ${DEFAULT-VALUE}.")
  String executor;

  @Option(names = "--shards", paramLabel = "N", description = "Number of shards (array tasks) of --executor slurm.")
  Integer shards;

  @picocli.CommandLine.Mixin SlurmCliOptions slurm = new SlurmCliOptions();

  @Override
  public Integer call() {
    Side s = parseSide(side);
    List<Path> targets = targets(output, format);
    if (!Files.isRegularFile(input)) {
      throw new CptbenchException("--input: " + input + " is not a readable file");
    }
    for (Path t : targets) {
      // fail before the work, not after it, on a read-only or unwritable output folder
      OutputErrors.requireWritable(t);
    }
    List<String> texts = EmbedInput.read(input, EmbedInput.Format.parse(inputFormat, input));
    if (texts.isEmpty()) {
      throw new CptbenchException(input + ": no texts (expected one text per line, or JSONL with a \"text\" field)");
    }
    if (!executor.equals("local") && !executor.equals("slurm")) {
      throw new CptbenchException("--executor: unknown value '" + executor + "'; allowed: local, slurm");
    }
    if (executor.equals("slurm")) {
      if (shards == null || shard != null || mergeShards != null) {
        throw new CptbenchException("--executor slurm needs --shards N (and neither --shard nor --merge-shards)");
      }
      if (shards > texts.size()) {
        throw new CptbenchException("--shards: " + shards + " shards for " + texts.size() + " texts; at most one"
            + " shard per text");
      }
      ShardedEmbedding.submit(taskArgs(), shards, output, slurm.options(), slurm.maxParallel,
          "./harness embed ... --shards " + shards + " --executor slurm", System.err);
      return 0;
    }
    if (shards != null || slurm.anySet()) {
      throw new CptbenchException("--shards and the Slurm options need --executor slurm");
    }
    if (mergeShards != null) {
      if (shard != null) {
        throw new CptbenchException("--merge-shards and --shard exclude each other");
      }
      for (Path t : targets) {
        ShardedEmbedding.merge(t, mergeShards, texts.size());
      }
      spec.commandLine().getErr().printf(Locale.ROOT, "merged %d shards of %d texts -> %s%n", mergeShards,
          texts.size(), String.join(", ", targets.stream().map(Path::toString).toList()));
      spec.commandLine().getErr().flush();
      return 0;
    }
    if (shard != null) {
      Shard sh = Shard.parse(shard);
      if (sh.count() > texts.size()) {
        throw new CptbenchException("--shard: " + sh.count() + " shards for " + texts.size() + " texts; at most one"
            + " shard per text");
      }
      texts = texts.subList(sh.from(texts.size()), sh.to(texts.size()));
      targets = targets.stream().map(sh::file).toList();
    }
    float[][] rows;
    int d;
    long loadStart = System.nanoTime();
    double loadSeconds;
    double embedSeconds;
    boolean fromCache;
    try (Encoder e = Encoders.open(
        encoder, org.cptbench.model.OnnxEncoder.DEFAULT_MODEL_CACHE, compute.computeDevice(), compute.requested())) {
      System.err.println("encoder " + e.name() + ": " + ComputeOptions.provenance(e));
      d = e.dimension();
      long embedStart = System.nanoTime();
      loadSeconds = (embedStart - loadStart) / 1e9;
      if (noCache) {
        rows = e.embed(texts, s);
        fromCache = false;
      } else {
        EmbeddingCache cache = new EmbeddingCache(cacheDir);
        rows = cache.embed(e, texts, s);
        fromCache = cache.hits() > 0;
      }
      embedSeconds = (System.nanoTime() - embedStart) / 1e9;
    }
    for (Path t : targets) {
      if (t.getFileName().toString().endsWith(".npy")) {
        Npy.write(t, rows, d);
      } else {
        writeTsv(t, rows);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "embedded %d texts with %s (d=%d, side %s; loaded in %.1f s) %s -> %s%n",
        texts.size(),
        encoder,
        d,
        s.name().toLowerCase(Locale.ROOT),
        loadSeconds,
        fromCache
            ? "from the cache " + cacheDir
            : String.format(
                Locale.ROOT, "in %.2f s (%.1f texts/s)", embedSeconds, texts.size() / Math.max(embedSeconds, 1e-9)),
        String.join(", ", targets.stream().map(Path::toString).toList()));
    err.flush();
    return 0;
  }

  /** This command line for a Slurm task: absolute paths, without executor and shard options. */
  private List<String> taskArgs() {
    List<String> a = new ArrayList<>(List.of("embed", "--encoder", SlurmCliOptions.encoderForTask(encoder), "--input",
        input.toAbsolutePath().toString(), "--input-format", inputFormat, "--output",
        output.toAbsolutePath().toString(), "--side", side, "--cache-dir", cacheDir.toAbsolutePath().toString(),
        "--precision", compute.precision, "--device", compute.device));
    if (format != null) {
      a.addAll(List.of("--format", format));
    }
    if (noCache) {
      a.add("--no-cache");
    }
    return a;
  }



  static Side parseSide(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "x" -> Side.X;
      case "y" -> Side.Y;
      default -> throw new CptbenchException("--side: unknown value '" + value + "'; allowed: x, y");
    };
  }

  /** The files to write for an --output and --format (null format: by the output's extension). */
  static List<Path> targets(Path output, String format) {
    String name = output.getFileName().toString();
    String f = format == null ? (name.endsWith(".npy") ? "npy" : "tsv") : format.trim().toLowerCase(Locale.ROOT);
    List<Path> out = new ArrayList<>();
    switch (f) {
      case "npy", "tsv" -> out.add(output);
      case "both" -> {
        String base = name.endsWith(".npy") || name.endsWith(".tsv") ? name.substring(0, name.length() - 4) : name;
        out.add(output.resolveSibling(base + ".npy"));
        out.add(output.resolveSibling(base + ".tsv"));
      }
      default -> throw new CptbenchException("--format: unknown value '" + format + "'; allowed: npy, tsv, both");
    }
    return out;
  }

  static void writeTsv(Path file, float[][] rows) {
    AtomicFiles.write(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (float[] row : rows) {
              for (int k = 0; k < row.length; k++) {
                if (k > 0) {
                  w.write('\t');
                }
                w.write(Float.toString(row[k]));
              }
              w.write('\n');
            }
          }
        });
  }
}
