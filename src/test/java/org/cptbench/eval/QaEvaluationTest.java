package org.cptbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cptbench.data.retrieval.CorpusSampling;
import org.cptbench.data.retrieval.QaLoader;
import org.cptbench.data.retrieval.QaTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AnswerAcc@k matches answers in the passage text only, as DPR and pyserini do; the encoder still sees the title. */
class QaEvaluationTest {
  @TempDir Path tmp;

  /** Embeds a text on axis 0 when it mentions "capital", else on axis 1 (questions: "capital" questions on axis 0). */
  static final Embedder EMBEDDER =
      (texts, side) ->
          texts.stream().map(t -> t.contains("capital") ? new float[] {1, 0} : new float[] {0, 1})
              .toArray(float[][]::new);

  @Test
  void anAnswerOnlyInTheTitleDoesNotCount() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("openqa/toy"));
    // passage 1 is retrieved first for the question; its title is the answer, its text does not contain it;
    // passage 2 ranks second and has the answer in its text
    Files.writeString(
        d.resolve("psgs_w100.tsv"),
        "id\ttext\ttitle\n"
            + "1\tthe capital city on the Seine with the Eiffel tower\tParis\n"
            + "2\tmany visitors travel to paris every spring\tTourism\n");
    Files.writeString(d.resolve("toy-test.csv"), "what is the capital of France\t['Paris']\r\n");
    QaTask task = QaLoader.load(d, "toy-test.csv", CorpusSampling.KEEP_ALL);
    assertEquals("Paris the capital city on the Seine with the Eiffel tower", task.corpus().text("1"));
    TaskResult r = QaEvaluation.run(task, EMBEDDER);
    assertEquals("1", r.run().get("q000000").get(0).docId(), "the encoder sees the title + text");
    // matching title + text gave 1.0 here
    assertEquals(0.0, r.metrics().get("AnswerAcc@1"), 0.0, "'Paris' occurs only in the top passage's title");
    assertEquals(1.0, r.metrics().get("AnswerAcc@5"), 0.0, "the second passage has it in its text");
    assertTrue(r.definitions().get("AnswerAcc@1").contains("passage text only"), r.definitions().toString());
  }
}
