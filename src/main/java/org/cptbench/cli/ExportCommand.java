package org.cptbench.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.LoadedModel;
import org.cptbench.model.ModelFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./harness export --model DIR --format gpt2 --out DIR}: writes a model folder (a cptbench checkpoint, e.g.
 * {@code train-out/checkpoints/step-400}, or a GPT-2 folder) in Hugging Face GPT-2 layout: config.json,
 * model.safetensors, tokenizer.json, loadable by {@code transformers.GPT2Model.from_pretrained(DIR)} and by every
 * cptbench verb that takes a checkpoint.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a checkpoint in Hugging Face GPT-2 layout (config.json, model.safetensors, tokenizer.json).")
public final class ExportCommand implements Callable<Integer> {
  private static final Set<String> WRITTEN = Set.of(Checkpoint.CONFIG, ModelFolder.GPT2_WEIGHTS, Checkpoint.TOKENIZER);

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "A cptbench checkpoint folder or a GPT-2 folder.")
  Path model;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "gpt2",
      description = "The layout to write; allowed: gpt2. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (new or empty).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("gpt2")) {
      throw new CptbenchException("--format: unknown value '" + format + "'; allowed: gpt2");
    }
    if (Files.exists(out) && Files.isSameFile(out, model)) {
      throw new CptbenchException("--out: " + out + " is the --model folder; choose another");
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> files = Files.list(out)) {
        var other = files.map(p -> p.getFileName().toString()).filter(n -> !WRITTEN.contains(n)).sorted().toList();
        if (!other.isEmpty()) {
          throw new CptbenchException("--out: " + out + " holds other files " + other + "; choose a new folder");
        }
      }
    }
    try (NDManager manager = NDManager.newBaseManager();
        LoadedModel m = ModelFolder.load(model, manager)) {
      ModelFolder.exportGpt2(m.spec(), m.weights(), model.resolve(Checkpoint.TOKENIZER), out);
      System.err.printf(
          "exported %s (%s, %d layers x %d, vocab %d, gelu %s) to %s%n",
          model,
          m.layout().name().toLowerCase(java.util.Locale.ROOT),
          m.spec().layers(),
          m.spec().width(),
          m.spec().vocabSize(),
          m.spec().gelu().name().toLowerCase(java.util.Locale.ROOT),
          out);
    }
    return 0;
  }
}
