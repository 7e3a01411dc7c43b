package org.cptbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empty texts and duplicate items of STS and SentEval sets: counted in the evaluation's details with a warning;
 * with --strict an error naming the folder, raised before anything is embedded.
 */
class StsSentEvalIntegrityTest {
  @TempDir Path data;

  private void stsb() throws IOException {
    Path d = Files.createDirectories(data.resolve("sts/STSB"));
    StringBuilder sb = new StringBuilder();
    String[] words = {"river", "hill", "town", "lake", "field", "road", "wood", "bay"};
    for (int i = 0; i < 8; i++) {
      sb.append("main-captions\tMSRvid\t2012test\t").append(i).append('\t').append(i % 5).append(".000\tA ")
          .append(words[i]).append(" here.\tThe ").append(words[(i + 3) % 8]).append(" there.\n");
    }
    // a duplicate of pair 0 with another score, and a pair whose second sentence is empty
    sb.append("main-captions\tMSRvid\t2012test\t8\t3.000\tA river here.\tThe lake there.\n");
    sb.append("main-captions\tMSRvid\t2012test\t9\t1.000\tA hill here.\t \n");
    Files.writeString(d.resolve("sts-test.csv"), sb.toString());
  }

  private void mr() throws IOException {
    Path d = Files.createDirectories(data.resolve("senteval/MR"));
    StringBuilder pos = new StringBuilder();
    StringBuilder neg = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      pos.append("good ").append(i).append('\n');
      neg.append("bad ").append(i).append('\n');
    }
    pos.append("good 3\n\n"); // a duplicate and an empty line
    neg.append("good 4\n"); // a duplicate with the other label
    Files.writeString(d.resolve("rt-polarity.pos"), pos);
    Files.writeString(d.resolve("rt-polarity.neg"), neg);
  }

  @Test
  void stsEmptySentencesAndDuplicatePairsAreCountedAndWarned() throws IOException {
    stsb();
    TaskResult r = TaskEvaluator.evaluate(data, "sts/STSB", StsEvaluationTest.EMBEDDER, EvalOptions.defaults());
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = (Map<String, Long>) r.details().get("counts");
    assertEquals(1L, counts.get("pairs.empty"));
    assertEquals(1L, counts.get("pairs.duplicate"));
    assertEquals(1L, counts.get("pairs.duplicateWithOtherGold"));
    @SuppressWarnings("unchecked")
    List<String> warnings = (List<String>) r.details().get("warnings");
    assertTrue(warnings.contains("split test: 1 of 10 pairs have an empty sentence; kept and embedded as they are"),
        warnings.toString());
    assertTrue(warnings.contains("split test: 1 of 10 pairs repeat an earlier pair (1 of them with a different gold"
        + " score; first: \"A river here.\" / \"The lake there.\"); kept"), warnings.toString());
  }

  @Test
  void sentEvalEmptyAndDuplicateTextsAreCountedOnce() throws IOException {
    mr();
    TaskResult r = TaskEvaluator.evaluate(data, "senteval/MR", new ProbeEvaluationTest.FakeEncoder(),
        EvalOptions.defaults());
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = (Map<String, Long>) r.details().get("counts");
    assertEquals(1L, counts.get("texts.empty"));
    assertEquals(2L, counts.get("texts.duplicate"));
    assertEquals(1L, counts.get("texts.duplicateWithOtherGold"));
    @SuppressWarnings("unchecked")
    List<String> warnings = (List<String>) r.details().get("warnings");
    // the empty line is warned about once, by the file's own warning
    assertEquals(1, warnings.stream().filter(w -> w.contains("empty")).count(), warnings.toString());
    assertTrue(warnings.contains("split all: 2 of 63 texts repeat an earlier text (1 of them with a different gold"
        + " label; first: \"good 3\"); kept"), warnings.toString());
  }

  @Test
  void strictMakesThemErrorsBeforeAnythingIsEmbedded() throws IOException {
    stsb();
    mr();
    AtomicInteger embedded = new AtomicInteger();
    Embedder counting = (texts, side) -> {
      embedded.addAndGet(texts.size());
      return StsEvaluationTest.EMBEDDER.embed(texts, side);
    };
    EvalOptions strict = EvalOptions.defaults().withStrict(true);
    CptbenchException sts = assertThrows(CptbenchException.class,
        () -> TaskEvaluator.evaluate(data, "sts/STSB", counting, strict));
    assertTrue(sts.getMessage().startsWith(data.resolve("sts/STSB") + ": data integrity check failed (--strict)"),
        sts.getMessage());
    assertTrue(sts.getMessage().contains("1 of 10 pairs have an empty sentence"), sts.getMessage());
    CptbenchException mr = assertThrows(CptbenchException.class,
        () -> TaskEvaluator.evaluate(data, "senteval/MR", counting, strict));
    assertTrue(mr.getMessage().contains("repeat an earlier text"), mr.getMessage());
    assertEquals(0, embedded.get(), "nothing is embedded when --strict fails");
  }
}
