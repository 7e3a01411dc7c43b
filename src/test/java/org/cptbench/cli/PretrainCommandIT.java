package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.text.CptTokenizer;
import org.cptbench.text.Side;
import org.cptbench.train.EndOfText;
import org.cptbench.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./harness pretrain`, `train --init` and `tokenize` end to end on a small user text file. */
class PretrainCommandIT {
  @TempDir Path tmp;

  private Path corpus() throws IOException {
    String[] topics = {"rivers", "mountains", "cities", "forests", "oceans", "deserts", "islands", "valleys"};
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < 12; d++) {
      for (int s = 0; s < 6; s++) {
        String t = topics[(d + s) % topics.length];
        sb.append("The ").append(t).append(" of region ").append(d).append(" are described in part ").append(s)
            .append(" of the survey. ");
      }
      sb.append("\n\n");
    }
    Path f = tmp.resolve("corpus.txt");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void pretrainsThenTrainsFromTheModelAndTokenizesWithItsDelimiters() throws IOException {
    Path corpus = corpus();
    Path lm = tmp.resolve("lm");
    assertEquals(0, Main.execute("pretrain", "--preset", "tiny", "--corpus", corpus.toString(), "--steps", "4",
        "--batch-size", "4", "--seq-len", "16", "--vocab-size", "400", "--eval-every", "2", "--val-sequences", "2",
        "--out", lm.toString(), "--no-progress"));
    List<String> log = Files.readAllLines(lm.resolve(TrainingRun.LOG));
    assertEquals("step,loss,val_loss,val_ppl,lr,tokens_per_s,grad_norm", log.get(0));
    assertEquals(5, log.size());
    Path checkpoint = TrainingRun.checkpointDir(lm, 4);
    try (CptTokenizer t = CptTokenizer.load(checkpoint.resolve("tokenizer.json"))) {
      assertEquals(t.vocabSize() - 1, EndOfText.id(checkpoint.resolve("tokenizer.json")), "<|endoftext|> is last");
    }

    Path contrastive = tmp.resolve("c");
    assertEquals(0, Main.execute("train", "--init", checkpoint.toString(), "--corpus", corpus.toString(), "--steps",
        "2", "--batch-size", "4", "--out", contrastive.toString(), "--no-progress"));
    assertEquals(-1L, Files.mismatch(checkpoint.resolve("tokenizer.json"),
        TrainingRun.checkpointDir(contrastive, 2).resolve("tokenizer.json")), "train --init takes the tokenizer");

    Path texts = tmp.resolve("texts.txt");
    Files.writeString(texts, "The rivers of region 1.\nA [bracketed] {text}\n");
    String out = tokenize("--encoder", TrainingRun.checkpointDir(contrastive, 2).toString(), "--input",
        texts.toString(), "--side", "y");
    String[] lines = out.split("\n");
    assertEquals(2, lines.length, out);
    try (CptTokenizer t = CptTokenizer.load(checkpoint.resolve("tokenizer.json"))) {
      for (String line : lines) {
        String[] ids = line.split(" ");
        assertEquals(String.valueOf(t.startId(Side.Y)), ids[0], line);
        assertEquals(String.valueOf(t.endId(Side.Y)), ids[ids.length - 1], line);
      }
      int[][] want = t.encode(List.of("The rivers of region 1."), Side.Y, 32);
      assertEquals(String.join(" ", java.util.Arrays.stream(want[0]).mapToObj(String::valueOf).toList()), lines[0]);
      // the literal brackets of the text are ordinary tokens, never the delimiter ids
      String inner = lines[1].substring(lines[1].indexOf(' '), lines[1].lastIndexOf(' '));
      assertTrue(!(" " + inner + " ").contains(" " + t.startId(Side.Y) + " ")
          && !(" " + inner + " ").contains(" " + t.endId(Side.Y) + " "), lines[1]);
    }
  }

  @Test
  void initConflictsAreClearErrors() throws IOException {
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int rc = cli.execute("train", "--init", tmp.toString(), "--preset", "small", "--corpus", corpus().toString(),
        "--out", tmp.resolve("x").toString(), "--no-progress");
    assertEquals(2, rc);
    assertTrue(err.toString().contains("--init: the architecture and tokenizer come from"), err.toString());
  }

  private static String tokenize(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 1];
      all[0] = "tokenize";
      System.arraycopy(args, 0, all, 1, args.length);
      assertEquals(0, Main.execute(all));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
