package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data integrity in {@code eval}: a BEIR qrels line whose document is not in the corpus, and one whose query is not
 * in the queries file, are counted in details.json and warned about once; with {@code --strict} they are an error
 * naming the folder and the findings.
 */
class EvalIntegrityTest {
  @TempDir Path tmp;

  Path beir() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("data/beir/toy/qrels"));
    Files.writeString(dir.getParent().resolve("corpus.jsonl"), """
        {"_id": "d1", "title": "Volcanoes", "text": "Lava erupts from the volcano."}
        {"_id": "d2", "title": "Pianos", "text": "She practised the piano sonata."}
        {"_id": "d3", "title": "Bread", "text": "Bakers bake bread in ovens."}
        """);
    Files.writeString(dir.getParent().resolve("queries.jsonl"), """
        {"_id": "q1", "text": "erupting volcanoes"}
        {"_id": "q2", "text": "baking breads"}
        """);
    Files.writeString(
        dir.resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\nq2\td9\t1\nq7\td2\t1\n");
    return tmp.resolve("data");
  }

  private record Outcome(int rc, String stderr) {}

  private Outcome eval(Path data, Path out, boolean strict) {
    StringWriter err = new StringWriter();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      var cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      String[] base = {"eval", "--encoder", "bm25", "--task", "beir/toy", "--data-dir", data.toString(), "--out",
          out.toString()};
      String[] args = strict ? java.util.stream.Stream.concat(java.util.Arrays.stream(base),
          java.util.stream.Stream.of("--strict")).toArray(String[]::new) : base;
      int rc = cli.execute(args);
      return new Outcome(rc, "rc " + rc + "\n" + err + captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void missingJudgedDocumentAndQueryAreCountedAndWarnedOnce() throws IOException {
    Path out = tmp.resolve("out");
    Outcome o = eval(beir(), out, false);
    assertEquals(0, o.rc(), o.stderr());
    String details = Files.readString(out.resolve("details.json"));
    assertTrue(details.contains("\"qrels.unknownDocumentJudgments\" : 1")
        || details.contains("\"qrels.unknownDocumentJudgments\":1"), details);
    assertTrue(details.contains("qrels.unknownQueries"), details);
    String warning = "judgment(s) name documents absent from the corpus (e.g. [d9])";
    assertTrue(o.stderr().contains("warning: beir/toy"), o.stderr());
    assertEquals(1, o.stderr().split(java.util.regex.Pattern.quote(warning), -1).length - 1, o.stderr());
    assertTrue(o.stderr().contains("not in the queries file"), o.stderr());
  }

  @Test
  void strictMakesThemAnErrorNamingTheFolder() throws IOException {
    Path data = beir();
    Path out = tmp.resolve("strict");
    Outcome o = eval(data, out, true);
    assertNotEquals(0, o.rc());
    assertTrue(o.stderr().contains("data integrity check failed (--strict)"), o.stderr());
    assertTrue(o.stderr().contains(data.resolve("beir/toy").toString()), o.stderr());
    assertTrue(o.stderr().contains("[d9]"), o.stderr());
    assertFalse(Files.exists(out.resolve("metrics.json")));
  }

  @Test
  void cleanFolderPassesStrict() throws IOException {
    Path data = beir();
    Files.writeString(data.resolve("beir/toy/qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\n");
    Outcome o = eval(data, tmp.resolve("clean"), true);
    assertEquals(0, o.rc(), o.stderr());
    assertFalse(o.stderr().contains("warning:"), o.stderr());
  }
}
