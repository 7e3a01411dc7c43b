package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;
import org.cptbench.model.Attention;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Pooling;
import org.junit.jupiter.api.Test;

class LanguageModelTrainerTest {
  static final EncoderSpec MICRO = new EncoderSpec(64, 2, 32, 4, 64, 16, Attention.CAUSAL, Pooling.EOS);

  private static LanguageModelSpec spec(int steps, int batch, int seqLen, double lr, int warmup) {
    return new LanguageModelSpec(steps, batch, seqLen, lr, warmup, LearningRateSchedule.Decay.COSINE, 0.0, 1.0, 3,
        List.of(), 10, 2);
  }

  @Test
  void preTrainingOnEightSequencesOverfitsThem() {
    SplittableRandom r = new SplittableRandom(11);
    int[][] inputs = new int[8][12];
    int[][] targets = new int[8][12];
    for (int i = 0; i < 8; i++) {
      int[] s = new int[13];
      for (int j = 0; j < 13; j++) {
        s[j] = 6 + r.nextInt(58);
      }
      System.arraycopy(s, 0, inputs[i], 0, 12);
      System.arraycopy(s, 1, targets[i], 0, 12);
    }
    LanguageModelSpec lm = spec(150, 8, 12, 1e-2, 10);
    List<Double> losses = new ArrayList<>();
    try (LanguageModelTrainer t = new LanguageModelTrainer(MICRO, lm)) {
      for (int step = 1; step <= lm.steps(); step++) {
        losses.add(t.step(step, inputs, targets).loss());
      }
      assertEquals(Math.log(64), losses.get(0), 0.1, "an untrained model predicts about uniformly");
      double last = losses.get(losses.size() - 1);
      assertTrue(last < 0.05, "loss after 150 steps on 8 sequences: " + last);
      assertEquals(last, t.meanLoss(inputs, targets), 0.05, "loss of the trained weights");
    }
  }

  @Test
  void aStepsGradientDoesNotDependOnTheMicroBatching() {
    // 64 sequences of 16 tokens run as one micro-batch of 1,024 tokens; the same 64 listed twice (128 sequences)
    // run as two micro-batches with accumulated gradients: equal mean loss, equal gradient
    SplittableRandom r = new SplittableRandom(5);
    int[][] in64 = new int[64][16];
    int[][] tg64 = new int[64][16];
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 16; j++) {
        in64[i][j] = 6 + r.nextInt(58);
        tg64[i][j] = 6 + r.nextInt(58);
      }
    }
    int[][] in128 = new int[128][];
    int[][] tg128 = new int[128][];
    for (int i = 0; i < 128; i++) {
      in128[i] = in64[i % 64];
      tg128[i] = tg64[i % 64];
    }
    LanguageModelSpec lm = spec(5, 64, 16, 1e-3, 0);
    try (LanguageModelTrainer a = new LanguageModelTrainer(MICRO, lm);
        LanguageModelTrainer b = new LanguageModelTrainer(MICRO, lm)) {
      var sa = a.step(1, in64, tg64);
      var sb = b.step(1, in128, tg128);
      assertEquals(sa.loss(), sb.loss(), 1e-5);
      assertEquals(sa.gradNorm(), sb.gradNorm(), 1e-4 * sa.gradNorm());
      assertEquals(a.meanLoss(in64, tg64), b.meanLoss(in64, tg64), 1e-5);
    }
  }

  @Test
  void packingPutsEndOfTextAfterEveryDocumentAndShiftsTargets() {
    List<int[]> docs = List.of(new int[] {10, 11, 12}, new int[] {20}, new int[] {30, 31, 32, 33, 34, 35, 36});
    PackedTokens p = PackedTokens.pack(docs, 9, 2, 2, 1);
    // stream: 10 11 12 9 20 9 30 31 32 33 34 35 36 9 (14 tokens); held out: the last 2 x 2 + 1 = 5
    assertArrayEquals(new int[] {10, 11, 12, 9, 20, 9, 30, 31, 32}, p.train());
    assertArrayEquals(new int[] {33, 34, 35, 36, 9}, p.validation());
    assertEquals(4, PackedTokens.sequences(p.train(), 2));
    assertArrayEquals(new int[][] {{12, 9}, {30, 31}}, PackedTokens.inputs(p.train(), 2, new int[] {1, 3}));
    assertArrayEquals(new int[][] {{9, 20}, {31, 32}}, PackedTokens.targets(p.train(), 2, new int[] {1, 3}));
    assertEquals(14, p.tokens());
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> PackedTokens.pack(docs, 9, 4, 2, 2));
    assertTrue(e.getMessage().contains("needs at least"), e.getMessage());
  }

  @Test
  void sequencesLongerThanThePositionTableAreRejected() {
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> new LanguageModelTrainer(MICRO, spec(1, 1, 17, 1e-3, 0)));
    assertTrue(e.getMessage().contains("pretrain.seqLen: 17"), e.getMessage());
  }
}
