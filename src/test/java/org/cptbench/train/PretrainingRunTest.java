package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.corpus.Document;
import org.cptbench.data.corpus.TextCorpus;
import org.cptbench.data.corpus.TextPair;
import org.cptbench.model.Attention;
import org.cptbench.model.CptEncoder;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Pooling;
import org.cptbench.text.Side;
import org.cptbench.util.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-training end to end (log, checkpoints, exact resume) and contrastive training initialised from its result. */
class PretrainingRunTest {
  static final EncoderSpec SMALL = new EncoderSpec(400, 1, 32, 4, 64, 16, Attention.CAUSAL, Pooling.EOS);

  @TempDir Path tmp;

  static List<String> documents() {
    String[] topics = {"rivers", "mountains", "cities", "forests", "oceans", "deserts", "islands", "valleys"};
    List<String> docs = new ArrayList<>();
    for (int d = 0; d < 16; d++) {
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < 5; s++) {
        String t = topics[(d + s) % topics.length];
        sb.append("The ").append(t).append(" of region ").append(d).append(" are described in part ").append(s)
            .append(" of the survey.\n");
      }
      docs.add(sb.toString().strip());
    }
    return docs;
  }

  private Path tokenizer() {
    return EndOfText.ensureTokenizer(tmp.resolve("tokenizer.json"), documents().stream(), 400, 1_000_000);
  }

  private static LanguageModelSpec lm() {
    return new LanguageModelSpec(6, 4, 16, 3e-3, 2, LearningRateSchedule.Decay.COSINE, 0.1, 1.0, 5, List.of(3), 2, 2);
  }

  private PretrainingRun.Result pretrain(Path out) {
    return PretrainingRun.run(SMALL, lm(), documents(), tokenizer(), null, out, Map.of(), s -> {});
  }

  /** Every column but tokens_per_s (a timing). */
  private static List<String> withoutTiming(Path log) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      String[] f = line.split(",", -1);
      out.add(String.join(",", f[0], f[1], f[2], f[3], f[4], f[6]));
    }
    return out;
  }

  @Test
  void writesTheLogAndCheckpointsAndResumesToAnIdenticalLog() throws IOException {
    Path a = tmp.resolve("a");
    PretrainingRun.Result r = pretrain(a);
    assertEquals(TrainingRun.checkpointDir(a, 6), r.checkpoint());
    assertTrue(Files.exists(TrainingRun.checkpointDir(a, 3).resolve("optimizer.ndlist")));
    List<String> log = Files.readAllLines(a.resolve(TrainingRun.LOG));
    assertEquals("step,loss,val_loss,val_ppl,lr,tokens_per_s,grad_norm", log.get(0));
    assertEquals(7, log.size());
    for (int step = 1; step <= 6; step++) {
      String[] f = log.get(step).split(",", -1);
      assertEquals(String.valueOf(step), f[0]);
      if (step % 2 == 0) {
        assertEquals(Math.exp(Double.parseDouble(f[2])), Double.parseDouble(f[3]), 1e-3, log.get(step));
      } else {
        assertEquals("", f[2], "val_loss only every 2 steps: " + log.get(step));
      }
    }
    String config = Files.readString(r.checkpoint().resolve("config.json"));
    assertTrue(config.contains("\"objective\" : \"causal-lm\""), config);

    // interrupted after the step-3 checkpoint and half of step 4, then run again
    Path b = tmp.resolve("b");
    pretrain(b);
    Hashing.deleteRecursively(TrainingRun.checkpointDir(b, 6));
    List<String> partial = Files.readAllLines(b.resolve(TrainingRun.LOG));
    Files.write(b.resolve(TrainingRun.LOG), partial.subList(0, 5));
    pretrain(b);
    assertEquals(withoutTiming(a.resolve(TrainingRun.LOG)), withoutTiming(b.resolve(TrainingRun.LOG)));
    assertEquals(
        Hashing.sha256(TrainingRun.checkpointDir(a, 6).resolve("weights.ndlist")),
        Hashing.sha256(TrainingRun.checkpointDir(b, 6).resolve("weights.ndlist")));
  }

  @Test
  void contrastiveTrainingFromInitStartsFromThePretrainedWeights() throws IOException {
    Path checkpoint = pretrain(tmp.resolve("lm")).checkpoint();
    InitModel init = InitModel.read(checkpoint);
    List<TextPair> pairs = new ArrayList<>();
    List<String> docs = documents();
    for (int i = 0; i + 1 < docs.size(); i++) {
      pairs.add(new TextPair(docs.get(i), docs.get(i + 1)));
    }
    TrainSpec train = TrainSpec.defaults(1, 4, 9);
    Path fromInit = tmp.resolve("init");
    TrainingRun.run(SMALL, train, ai.djl.Device.cpu(), org.cptbench.model.Precision.FP32, pairs, init.tokenizer(), init, fromInit, Map.of(), s -> {});
    Path scratch = tmp.resolve("scratch");
    TrainingRun.run(SMALL, train, ai.djl.Device.cpu(), org.cptbench.model.Precision.FP32, pairs, init.tokenizer(), null, scratch, Map.of(), s -> {});

    // by hand: the step-1 batch, embedded by the pre-trained model, through the InfoNCE loss at the initial tau
    int[] idx = new BatchOrder(pairs.size(), 4, 9).batch(1);
    List<String> xs = new ArrayList<>();
    List<String> ys = new ArrayList<>();
    for (int i : idx) {
      xs.add(pairs.get(i).x());
      ys.add(pairs.get(i).y());
    }
    double want;
    try (CptEncoder enc = CptEncoder.load(checkpoint)) {
      want = SymmetricInfoNceLoss.reference(enc.embed(xs, Side.X), enc.embed(ys, Side.Y),
          Math.exp(Temperature.DEFAULT_TAU));
    }
    double got = firstLoss(fromInit);
    assertEquals(want, got, 1e-4, "first loss from --init vs the pre-trained model's embeddings");
    assertNotEquals(firstLoss(scratch), got, 1e-3, "scratch and --init must start from different weights");
    String config = Files.readString(TrainingRun.checkpointDir(fromInit, 1).resolve("config.json"));
    assertTrue(config.contains(init.fingerprint()), "the init model is recorded");
  }

  @Test
  void initRejectsAModelOfAnotherShapeAndAFolderWithoutACheckpoint() {
    Path checkpoint = pretrain(tmp.resolve("lm")).checkpoint();
    InitModel init = InitModel.read(checkpoint);
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> init.requireShape(SMALL.withMaxTokens(32)));
    assertTrue(e.getMessage().contains("differs from the one to train"), e.getMessage());
    CptbenchException missing = assertThrows(CptbenchException.class, () -> InitModel.read(tmp));
    assertTrue(missing.getMessage().contains("no config.json"), missing.getMessage());
  }

  @Test
  void aPretrainStageIsContentAddressedAndRunsOnce() throws IOException {
    List<String> docs = documents();
    TextCorpus corpus = TextCorpus.ofDocuments("survey", () -> {
      List<Document> out = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        out.add(new Document("survey#" + i, List.of(docs.get(i).split("\n"))));
      }
      return out;
    });
    Path root = tmp.resolve("stages");
    PretrainingRun.Result first = PretrainStage.run(SMALL, lm(), corpus, 1_000_000, null, root, s -> {});
    String log = Files.readString(first.checkpoint().getParent().getParent().resolve(TrainingRun.LOG));
    List<Integer> steps = new ArrayList<>();
    PretrainingRun.Result again = PretrainStage.run(SMALL, lm(), corpus, 1_000_000, null, root, s -> steps.add(s.step()));
    assertEquals(first.checkpoint(), again.checkpoint());
    assertEquals(List.of(), steps, "a finished stage is not trained again");
    assertEquals(log, Files.readString(first.checkpoint().getParent().getParent().resolve(TrainingRun.LOG)));
    PretrainingRun.Result other = PretrainStage.run(SMALL, new LanguageModelSpec(3, 4, 16, 3e-3, 2,
        LearningRateSchedule.Decay.COSINE, 0.1, 1.0, 5, List.of(), 2, 2), corpus, 1_000_000, null, root, s -> {});
    assertNotEquals(first.checkpoint().getParent().getParent(), other.checkpoint().getParent().getParent());
  }

  private static double firstLoss(Path out) throws IOException {
    return Double.parseDouble(Files.readAllLines(out.resolve(TrainingRun.LOG)).get(1).split(",")[1]);
  }
}
