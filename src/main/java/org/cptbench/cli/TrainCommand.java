package org.cptbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.cptbench.CptbenchException;
import org.cptbench.config.ConfigNode;
import org.cptbench.config.EncoderConfig;
import org.cptbench.config.TemperatureConfig;
import org.cptbench.config.TrainConfig;
import org.cptbench.model.Attention;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Pooling;
import org.cptbench.run.TrainingPipeline;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.InitModel;
import org.cptbench.train.TrainSpec;
import org.cptbench.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./harness train}: trains one encoder from a preset or a config file and writes its checkpoints. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train one cpt encoder (contrastive pre-training on neighbouring text) and write its checkpoints.",
      "Writes OUT/tokenizer.json, OUT/train-log.csv and OUT/checkpoints/step-N/. Re-running into the same",
      "OUT resumes from the latest checkpoint. With --init, --attention and --pooling still apply; --preset and",
      "--vocab-size do not (the architecture and tokenizer are the model's)."
    })
public final class TrainCommand implements Callable<Integer> {

  @Option(names = "--config", description = "YAML file with `encoder:` and `train:` mappings")
  Path config;

  @Option(names = "--steps", description = "optimizer steps")
  Integer steps;

  @Option(names = "--batch-size", description = "pairs per step (default 256)")
  Integer batchSize;

  @Mixin TrainingRunOptions run = new TrainingRunOptions();

  @Mixin DataDirOption dataDir = new DataDirOption();

  @Option(names = "--lr", description = "peak learning rate (default 5e-4)")
  Double lr;

  @Option(names = "--chunk-size", description = "GradCache chunk size in pairs (0 = off; default 256)")
  Integer chunkSize;

  @Option(names = "--temperature", description = "learned:T (default learned:0.07) or fixed:T")
  String temperature;

  @Option(names = "--attention", description = "causal (default) or bidirectional")
  String attention;

  @Option(names = "--pooling", description = "eos (default) or mean")
  String pooling;

  @Option(names = "--window", description = "pair units up to this many apart (default 1)")
  Integer window;

  @Mixin ComputeOptions compute = new ComputeOptions();

  @Override
  public Integer call() {
    String preset = run.preset;
    Integer vocabSize = run.vocabSize;
    Path init = run.init;
    Path out = run.out;
    EncoderSpec spec = EncoderSpec.preset(run.presetOrDefault());
    TrainSpec train = TrainConfig.defaults(TrainingRunOptions.DEFAULT_SEED);
    CorpusSpec corpusSpec = CorpusSpec.of(TrainingRunOptions.DEFAULT_CORPUS);
    InitModel initModel = null;
    if (init != null) {
      if (preset != null || vocabSize != null) {
        throw new CptbenchException("--init: the architecture and tokenizer come from " + init
            + "; drop " + (preset != null ? "--preset" : "--vocab-size"));
      }
      initModel = InitModel.read(init);
      spec = initModel.spec();
    }
    if (config != null) {
      ConfigNode root = ConfigNode.read(config).allowOnly("encoder", "train");
      if (root.has("encoder") && initModel != null) {
        throw new CptbenchException(config + ": encoder: the architecture comes from --init " + init
            + "; remove the encoder mapping (use --attention/--pooling)");
      }
      if (root.has("encoder")) {
        ConfigNode enc = root.child("encoder");
        if (preset != null && !enc.has("preset")) {
          enc = new ConfigNode(((com.fasterxml.jackson.databind.node.ObjectNode) enc.node().deepCopy())
              .put("preset", preset), enc.path(), enc.source());
        }
        spec = EncoderConfig.parse(enc);
      }
      if (root.has("train")) {
        TrainConfig.Parsed p = TrainConfig.parse(root.child("train"), train, corpusSpec);
        train = p.train();
        corpusSpec = p.corpus();
      }
    }
    spec = applyEncoderFlags(spec);
    train = applyTrainFlags(train);
    if (run.corpus != null || window != null) {
      corpusSpec = new CorpusSpec(
          run.corpus != null ? run.corpus : corpusSpec.corpus(),
          window != null ? window : corpusSpec.window(),
          corpusSpec.minChars(),
          corpusSpec.tokenizerChars());
    }
    TrainingPipeline pipeline = new TrainingPipeline(dataDir.resolve(), System.err);
    pipeline.pairs(corpusSpec);
    Path tokenizer;
    if (initModel != null) {
      System.err.printf(Locale.ROOT, "model, weights and tokenizer from %s%n", init);
      tokenizer = initModel.tokenizer();
    } else {
      System.err.printf(Locale.ROOT, "training tokenizer (vocab <= %d)%n", spec.vocabSize());
      tokenizer = pipeline.tokenizer(corpusSpec, spec.vocabSize(), out.resolve(Checkpoint.TOKENIZER));
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("corpus", corpusSpec.corpus());
    provenance.put("window", corpusSpec.window());
    provenance.put("command", "./harness train");
    ai.djl.Device device = compute.resolveDevice();
    org.cptbench.model.Precision precision = compute.requested().resolve(device);
    System.err.println(compute.describe(device, precision));
    int total = train.steps();
    EncoderSpec finalSpec;
    try (ProgressBar bar = run.noProgress ? null : Progress.bar("train", total)) {
      finalSpec = pipeline.train(
          spec, train, device, precision, initModel, corpusSpec, tokenizer, out, provenance, s -> {
        if (bar != null) {
          bar.stepTo(s.step());
          bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f acc %.2f tau %.2f %.0f pairs/s",
              s.loss(), s.inBatchAccuracy(), s.tau(), s.pairsPerSecond()));
        }
      });
    }
    System.err.printf(Locale.ROOT, "done: %s (%d layers x %d, vocab %d); checkpoints in %s%n",
        out.resolve(TrainingRun.LOG), finalSpec.layers(), finalSpec.width(), finalSpec.vocabSize(),
        out.resolve(TrainingRun.CHECKPOINTS));
    return 0;
  }

  private EncoderSpec applyEncoderFlags(EncoderSpec s) {
    return new EncoderSpec(
        run.vocabSize != null ? run.vocabSize : s.vocabSize(),
        s.layers(),
        s.width(),
        s.heads(),
        s.ffn(),
        s.maxTokens(),
        attention != null ? Attention.parse("--attention", attention) : s.attention(),
        pooling != null ? Pooling.parse("--pooling", pooling) : s.pooling(),
        s.gelu());
  }

  private TrainSpec applyTrainFlags(TrainSpec t) {
    int st = steps != null ? steps : t.steps();
    List<Integer> cps = run.checkpoints != null ? run.checkpoints
        : t.checkpoints().stream().filter(c -> c <= st && c != t.steps()).toList();
    return new TrainSpec(
        st,
        batchSize != null ? batchSize : t.batchSize(),
        lr != null ? lr : t.learningRate(),
        steps != null ? Math.max(1, st / 10) : t.warmupSteps(),
        t.decay(),
        t.weightDecay(),
        t.clipNorm(),
        temperature != null ? TemperatureConfig.parse("--temperature", temperature) : t.temperature(),
        run.seed != null ? run.seed : t.seed(),
        cps,
        chunkSize != null ? chunkSize : t.chunkSize());
  }
}
