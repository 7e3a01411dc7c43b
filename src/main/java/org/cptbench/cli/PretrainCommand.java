package org.cptbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.cptbench.CptbenchException;
import org.cptbench.data.corpus.TextCorpus;
import org.cptbench.eval.BuiltinTasks;
import org.cptbench.model.Bf16Support;
import org.cptbench.model.ComputeDevice;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.InitModel;
import org.cptbench.train.LanguageModelSpec;
import org.cptbench.train.LearningRateSchedule;
import org.cptbench.train.PretrainStage;
import org.cptbench.train.PretrainingRun;
import org.cptbench.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./harness pretrain}: generative (causal language-model) pre-training of the cpt Transformer. */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    description = {
      "Pre-train the cpt Transformer as a causal language model (GPT-style next-token prediction, output",
      "projection tied to the token embedding) on a corpus packed into sequences with <|endoftext|> between",
      "documents. Writes OUT/tokenizer.json, OUT/train-log.csv (step, loss, val_loss, val_ppl, lr, tokens_per_s,",
      "grad_norm) and OUT/checkpoints/step-N/, which `train --init`, `eval` and `embed` accept. Re-running into",
      "the same OUT resumes from the latest checkpoint. --init continues from a model whose tokenizer has",
      "<|endoftext|>."
    })
public final class PretrainCommand implements Callable<Integer> {

  @Mixin TrainingRunOptions run = new TrainingRunOptions();

  @Mixin DataDirOption dataDir = new DataDirOption();

  @Option(names = "--steps", description = "optimizer steps (default 1000)")
  int steps = 1000;

  @Option(names = "--batch-size", description = "sequences per step (default 64)")
  int batchSize = 64;

  @Option(names = "--seq-len", description = "tokens per sequence (default: the preset's maxTokens)")
  Integer seqLen;

  @Option(names = "--lr", description = "peak learning rate (default 6e-4)")
  Double lr;

  @Option(names = "--warmup", description = "warm-up steps (default steps/10)")
  Integer warmup;

  @Option(names = "--eval-every", description = "score the held-out slice every K steps (default 50)")
  int evalEvery = 50;

  @Option(names = "--val-sequences", description = "held-out sequences at the end of the corpus (default 128)")
  int valSequences = 128;

  @Option(names = "--precision", description = "forward-pass precision: fp32 (default), bf16 (matrix products and"
      + " attention in bf16, the rest fp32) or auto (bf16 where the hardware has it)")
  String precision = "fp32";

  @Override
  public Integer call() {
    Precision requested = Precision.parse("--precision", precision);
    Path init = run.init;
    Path out = run.out;
    Integer vocabSize = run.vocabSize;
    long seed = run.seedOrDefault();
    List<Integer> checkpoints = run.checkpoints != null ? run.checkpoints : List.of();
    InitModel initModel = init == null ? null : InitModel.read(init);
    if (initModel != null && vocabSize != null) {
      throw new CptbenchException("--init: the tokenizer comes from " + init + "; drop --vocab-size");
    }
    EncoderSpec spec = initModel != null ? initModel.spec() : EncoderSpec.preset(run.presetOrDefault());
    if (vocabSize != null) {
      spec = spec.withVocabSize(vocabSize);
    }
    int len = seqLen != null ? seqLen : spec.maxTokens();
    LanguageModelSpec defaults = LanguageModelSpec.defaults(steps, batchSize, len, seed);
    LanguageModelSpec lm = new LanguageModelSpec(
        steps, batchSize, len, lr != null ? lr : defaults.learningRate(),
        warmup != null ? warmup : defaults.warmupSteps(), LearningRateSchedule.Decay.COSINE,
        defaults.weightDecay(), defaults.clipNorm(), seed, checkpoints, evalEvery, valSequences);
    TextCorpus text = BuiltinTasks.openCorpus(run.corpusOrDefault(), dataDir.resolve());
    List<String> documents = text.texts().toList();
    System.err.printf(Locale.ROOT, "corpus %s: %,d documents; %s%n", text.name(), documents.size(),
        initModel != null ? "model and tokenizer from " + init : "training tokenizer (vocab " + spec.vocabSize() + ")");
    ai.djl.Device device = ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice();
    Precision resolved = requested.resolve(device);
    System.err.println("device " + ComputeDevice.label(device) + ", precision " + requested.label()
        + (requested == Precision.AUTO ? " -> " + resolved.label() : "") + " (" + Bf16Support.describe(device) + ")");
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("command", "./harness pretrain");
    PretrainingRun.Result result;
    try (ProgressBar bar = run.noProgress ? null : Progress.bar("pretrain", steps)) {
      result = PretrainStage.train(spec, lm, requested, text.name(), documents, CorpusSpec.DEFAULT_TOKENIZER_CHARS,
          initModel, out, provenance, s -> {
            if (bar != null) {
              bar.stepTo(s.step());
              bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f%s %.0f tok/s", s.loss(),
                  Double.isNaN(s.valLoss()) ? "" : String.format(Locale.ROOT, " val_ppl %.1f", s.valPerplexity()),
                  s.tokensPerSecond()));
            }
          });
    }
    System.err.printf(Locale.ROOT, "done: %,d tokens (%,d documents); log %s; final checkpoint %s%n",
        result.tokens(), result.documents(), out.resolve(TrainingRun.LOG), result.checkpoint());
    return 0;
  }
}
