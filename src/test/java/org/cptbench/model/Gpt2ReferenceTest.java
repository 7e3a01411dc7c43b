package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * cptbench's forward pass against an independent numpy GPT-2 ({@code gpt2/make_fixture.py}): the Hugging Face folder
 * loads as a GPT-2-exact encoder, its tokenizer gives the reference ids, and the last hidden states match within
 * 1e-4.
 */
class Gpt2ReferenceTest {
  static final double TOLERANCE = 1e-4;

  @Test
  void hiddenStatesMatchTheNumpyReference() throws Exception {
    List<Gpt2Fixture.Sequence> seqs = Gpt2Fixture.sequences();
    try (NDManager manager = NDManager.newBaseManager();
        LoadedModel m = ModelFolder.load(Gpt2Fixture.dir(), manager)) {
      assertEquals(ModelFolder.Layout.GPT2, m.layout());
      assertEquals(new EncoderSpec(317, 2, 32, 4, 128, 24, Attention.CAUSAL, Pooling.EOS, Gelu.TANH), m.spec());
      double worst = 0;
      for (Gpt2Fixture.Sequence s : seqs) {
        worst = Math.max(worst, maxAbsDiff(m.transformer(), s, manager));
      }
      assertTrue(worst <= TOLERANCE, "max abs difference " + worst);
      // the tolerance can fail: the exact GELU instead of GPT-2's tanh approximation is visibly off
      CptTransformer erf = new CptTransformer(m.spec().withGelu(Gelu.ERF), m.weights());
      double erfWorst = 0;
      for (Gpt2Fixture.Sequence s : seqs) {
        erfWorst = Math.max(erfWorst, maxAbsDiff(erf, s, manager));
      }
      System.out.printf("max abs difference: tanh GELU %.3g, exact GELU %.3g%n", worst, erfWorst);
      assertTrue(erfWorst > 3 * TOLERANCE, "exact GELU differs by only " + erfWorst);
    }
  }

  @Test
  void tokenizerGivesTheReferenceIdsAndPlainDelimiters() throws Exception {
    try (NDManager manager = NDManager.newBaseManager();
        LoadedModel m = ModelFolder.load(Gpt2Fixture.dir(), manager)) {
      for (Gpt2Fixture.Sequence s : Gpt2Fixture.sequences()) {
        if (s.text() != null) {
          assertArrayEquals(s.ids(), m.tokenizer().pieces(List.of(s.text()))[0], s.text());
          assertEquals(s.text(), m.tokenizer().decode(s.ids()));
        }
      }
      // GPT-2 has no cptbench special tokens: the delimiters are the plain characters, padding is <|endoftext|>
      int[] x = m.tokenizer().encode(List.of("fox"), org.cptbench.text.Side.X, 24)[0];
      int[] y = m.tokenizer().encode(List.of("fox"), org.cptbench.text.Side.Y, 24)[0];
      int[] plain = m.tokenizer().pieces(List.of("[", "]", "{", "}"))[0];
      assertEquals(1, plain.length);
      assertEquals(m.tokenizer().pieces(List.of("["))[0][0], x[0]);
      assertEquals(m.tokenizer().pieces(List.of("]"))[0][0], x[x.length - 1]);
      assertEquals(m.tokenizer().pieces(List.of("{"))[0][0], y[0]);
      assertEquals(m.tokenizer().pieces(List.of("}"))[0][0], y[y.length - 1]);
      assertEquals(316, m.tokenizer().padId());
      assertEquals("[fox]", m.tokenizer().decode(x));
    }
  }

  /** Max |cptbench - reference| over the sequence's hidden states. */
  static double maxAbsDiff(CptTransformer model, Gpt2Fixture.Sequence s, NDManager manager) {
    try (GradMode off = GradMode.disabled();
        NDManager scope = manager.newSubManager()) {
      long[] ids = java.util.Arrays.stream(s.ids()).asLongStream().toArray();
      NDArray h = model.hidden(scope.create(ids, new Shape(1, ids.length)), null, scope);
      float[] got = h.toFloatArray();
      int d = s.hidden()[0].length;
      double worst = 0;
      for (int i = 0; i < s.ids().length; i++) {
        for (int j = 0; j < d; j++) {
          worst = Math.max(worst, Math.abs(got[i * d + j] - s.hidden()[i][j]));
        }
      }
      return worst;
    }
  }
}
